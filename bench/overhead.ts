// Overhead of going through the app against the very same HTTP request sent straight to the
// sandbox with fetch: same body (copied from what the app sent), same headers, same in-process
// sandbox answering. Two more arms split the difference: the same operation through a copy of the
// app that registers only it (what the size of the whole app definition costs per call, since core
// prepares the definition on every call), and the same request through a bare zapier-platform-core
// app (z.request in an ad-hoc perform: the floor any Zapier integration pays).
import zapier, { type ZObject } from 'zapier-platform-core';
import { API_VERSION } from '../lib/http/config';
import { startHarness, type Harness } from './harness';
import { alternate, median, round, timed } from './stats';
import { verdict, type Figure } from './table';

const RUNS = 25;
const WARM_UP = 3;
const TARGET_RATIO = 1.1;
const POLL_SIZE = 100;
const HOUR_MS = 3_600_000;

type Body = Record<string, unknown>;
type Arm = () => Promise<number>;

interface Call {
  method: 'POST';
  path: string;
  /** A fresh body for each run (creates need unique emails). */
  body: () => Body;
}

const headersOf = (harness: Harness) => ({
  Authorization: `Bearer ${harness.authData.access_token}`,
  Version: API_VERSION,
  Accept: 'application/json',
  'Content-Type': 'application/json',
});

const directArm =
  (harness: Harness, call: Call): Arm =>
  async () => {
    const started = performance.now();
    const response = await fetch(`${harness.sandbox.url}${call.path}`, {
      method: call.method,
      headers: headersOf(harness),
      body: JSON.stringify(call.body()),
    });
    // Reading and parsing the JSON is part of any client's cost, as it is of the app's.
    await response.json();
    if (!response.ok) throw new Error(`Direct ${call.method} ${call.path}: ${response.status}`);
    return performance.now() - started;
  };

/** A bare core app (no operations): the floor any Zapier integration pays for one request. */
const bareCoreArm = (harness: Harness, call: Call): Arm => {
  const tester = zapier.createAppTester({ version: '1.0.0', platformVersion: zapier.version });
  const perform = async (z: ZObject) => {
    const response = await z.request({
      method: call.method,
      url: `${harness.sandbox.url}${call.path}`,
      headers: headersOf(harness),
      body: call.body(),
    });
    const data = response.data as { contacts?: unknown[]; contact?: unknown };
    return data.contacts ?? data.contact;
  };
  return async () => (await timed(() => tester(perform, { authData: harness.authData }))).ms;
};

/** The body the app last sent to `path`: the other arms replay exactly that. */
const lastBody = (harness: Harness, path: string): Body => {
  const sent = harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path === path);
  const last = sent[sent.length - 1];
  if (!last) throw new Error(`The app sent no POST ${path}`);
  return last.body as Body;
};

interface Comparison {
  operation: string;
  app: number[];
  appAlone: number[];
  bareCore: number[];
  direct: number[];
  /** Requests per app run: more than 1 would mean the custom-field cache missed. */
  appRequests: number;
}

async function compare(
  operation: string,
  harness: Harness,
  [app, appAlone]: [Arm, Arm],
  call: Call,
): Promise<Comparison> {
  const arms = [app, appAlone, bareCoreArm(harness, call), directArm(harness, call)];
  await alternate(WARM_UP, arms);
  const before = harness.sandbox.requests.length;
  await app();
  const appRequests = harness.sandbox.requests.length - before;
  const [appMs, aloneMs, bareCore, direct] = await alternate(RUNS, arms);
  return {
    operation,
    app: appMs!,
    appAlone: aloneMs!,
    bareCore: bareCore!,
    direct: direct!,
    appRequests,
  };
}

const timedArm =
  (work: () => Promise<unknown>): Arm =>
  async () =>
    (await timed(work)).ms;

async function comparePoll(harness: Harness): Promise<Comparison> {
  // More than a page, all older than the look-back window: a full first page, one request.
  harness.sandbox.store.bulkCreateContacts(harness.authData.locationId!, 2 * POLL_SIZE, {
    at: new Date(Date.now() - 2 * HOUR_MS),
  });
  const first = (await harness.run('triggers', 'new_contact')) as unknown[];
  if (first.length !== POLL_SIZE) throw new Error(`The poll returned ${first.length} contacts`);
  const body = lastBody(harness, '/contacts/search');
  const arms: [Arm, Arm] = [
    timedArm(() => harness.run('triggers', 'new_contact')),
    timedArm(() => harness.runAlone('triggers', 'new_contact')),
  ];
  return compare(`new_contact poll of ${POLL_SIZE}`, harness, arms, {
    method: 'POST',
    path: '/contacts/search',
    body: () => body,
  });
}

async function compareCreate(harness: Harness): Promise<Comparison> {
  // Acme Dental refuses duplicate emails, so every create, whichever arm, gets its own.
  let serial = 0;
  const stamp = Date.now().toString(36);
  const email = () => `bench.${stamp}.${(serial += 1)}@example.com`;
  const input = () => ({ inputData: { firstName: 'Bench', lastName: 'Overhead', email: email() } });
  await harness.run('creates', 'create_contact', input());
  const template = lastBody(harness, '/contacts/');
  const arms: [Arm, Arm] = [
    timedArm(() => harness.run('creates', 'create_contact', input())),
    timedArm(() => harness.runAlone('creates', 'create_contact', input())),
  ];
  return compare('create_contact', harness, arms, {
    method: 'POST',
    path: '/contacts/',
    body: () => ({ ...template, email: email() }),
  });
}

const ms = (samples: number[]) => `${round(median(samples), 2)} ms`;
const diff = (a: number[], b: number[]) => round(median(a) - median(b), 2);

const figuresOf = (c: Comparison): Figure[] => {
  const section = `Overhead: ${c.operation}`;
  const ratio = median(c.app) / median(c.direct);
  return [
    {
      section,
      metric: `median of ${RUNS}: app / alone / core / fetch`,
      value: `${ms(c.app)} / ${ms(c.appAlone)} / ${ms(c.bareCore)} / ${ms(c.direct)}`,
      target: '—',
      verdict: 'INFO',
      note:
        `app = the full app; alone = the app with only this operation registered; core = the ` +
        `request through a bare core app; fetch = the request alone. The app made ` +
        `${c.appRequests} request(s) per run (warm custom-field cache). Of the ` +
        `${diff(c.app, c.direct)} ms over fetch: ${diff(c.app, c.appAlone)} ms is core's ` +
        `per-call work on the whole app definition (createApp + prepareApp in ` +
        `create-lambda-handler.js, the tester's method lookup), ${diff(c.appAlone, c.bareCore)} ms the ` +
        `operation's own code and middleware, ${diff(c.bareCore, c.direct)} ms Zapier core itself`,
    },
    {
      section,
      metric: 'ratio app / direct fetch (medians)',
      value: `${round(ratio)}×`,
      target: `≤ ${TARGET_RATIO}×`,
      verdict: verdict(ratio <= TARGET_RATIO),
    },
    {
      section,
      metric: 'ratio bare core / direct fetch',
      value: `${round(median(c.bareCore) / median(c.direct))}×`,
      target: '—',
      verdict: 'INFO',
    },
  ];
};

export async function measureOverhead() {
  const harness = await startHarness();
  try {
    // ~250 requests in a few seconds: the limit is not what is measured here.
    harness.sandbox.setRateLimit(false);
    const poll = await comparePoll(harness);
    const create = await compareCreate(harness);
    return {
      figures: [...figuresOf(poll), ...figuresOf(create)],
      raw: { runs: RUNS, target: TARGET_RATIO, rateLimit: false, comparisons: [poll, create] },
    };
  } finally {
    await harness.close();
  }
}
