// Overhead of going through the app against the very same HTTP request sent straight to the
// sandbox with fetch: same body (copied from what the app sent), same headers, same in-process
// sandbox answering after SANDBOX_MS, as HighLevel answers in hundreds of milliseconds (on
// loopback an empty core app alone already costs more than the target). The poll runs as Zapier
// runs it, with its z.cursor on a Zapier stand-in (bench/zaps.ts). Two more arms split the difference: the same operation through a copy of the
// app that registers only it (what the size of the whole app definition costs per call, since core
// prepares the definition on every call), and the same request through a bare zapier-platform-core
// app (z.request in an ad-hoc perform: the floor any Zapier integration pays).
import zapier, { type ZObject } from 'zapier-platform-core';
import App from '../index';
import { API_VERSION } from '../lib/http/config';
import { startHarness, type Harness } from './harness';
import { alternate, median, round, timed } from './stats';
import { verdict, type Figure } from './table';
import { startZapierStandIn, type ZapierStandIn } from './zapierStandIn';
import { zapOn } from './zaps';

const RUNS = 25;
const WARM_UP = 3;
const TARGET_RATIO = 1.05;
/** How long the sandbox takes to answer every request. */
const SANDBOX_MS = 150;
const POLL_SIZE = 100;

type Body = Record<string, unknown>;
type Arm = () => Promise<number>;

interface Call {
  method: 'POST';
  path: string;
  /** A fresh body for each run (creates need unique emails). */
  body: () => Body;
}

// The fetch arm sends with Node's own fetch, captured here, when the module loads, before any
// measurement runs. Core's Lambda handler (create-lambda-handler.js, outside the CLI) replaces
// `global.fetch` on every invocation with a wrapper that logs each response through Zapier's
// logger (fetch-logger.js: it reads the body again and scrubs it for secrets). Once the app's Zap
// had polled, the "request alone" arm paid that logging too, several ms on a 100-contact answer,
// which flattered the ratio: bare core came out as fast as fetch.
const rawFetch = globalThis.fetch;

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
    const response = await rawFetch(`${harness.sandbox.url}${call.path}`, {
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
  /** Whether the overhead target applies (the poll's; the create is shown for information). */
  targeted: boolean;
}

async function compare(
  operation: string,
  targeted: boolean,
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
    targeted,
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

async function comparePoll(harness: Harness, standIn: ZapierStandIn): Promise<Comparison> {
  const alone = {
    ...App,
    triggers: { new_contact: (App as { triggers: Record<string, unknown> }).triggers.new_contact },
    creates: {},
    searches: {},
    searchOrCreates: {},
  };
  // Each Zap watches its own tag, so that one arm's new contacts are not the other's.
  const tags = ['overhead app', 'overhead alone'];
  const [zap, zapAlone] = [App, alone].map((app, i) =>
    zapOn(harness, standIn, 'new_contact', { tag: tags[i] }, app),
  );
  await zap!.turnOn();
  await zapAlone!.turnOn();
  // Before each poll (untimed), 99 contacts are added: the poll reads one page of 100 (the new
  // ones and the newest it had read, where it stops) and returns the new ones.
  const pollOfNew = (target: typeof zap) => async () => {
    const tag = tags[target === zap ? 0 : 1]!;
    harness.sandbox.store.bulkCreateContacts(harness.authData.locationId!, POLL_SIZE - 1, {
      at: new Date(),
      tags: [tag],
    });
    const { ms, value } = await timed(() => target!.poll());
    if (value.returned.length !== POLL_SIZE - 1) {
      throw new Error(`The poll returned ${value.returned.length} contacts`);
    }
    return ms;
  };
  const arms: [Arm, Arm] = [pollOfNew(zap), pollOfNew(zapAlone)];
  const body = { ...lastBody(harness, '/contacts/search'), pageLimit: POLL_SIZE };
  return compare(`new_contact poll of ${POLL_SIZE}`, true, harness, arms, {
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
  return compare('create_contact', false, harness, arms, {
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
        `create-lambda-handler.js, then in each z.request request-merge.js deep-copies the ` +
        `request's input, which holds the compiled app; and the garbage all that copying ` +
        `leaves), ${diff(c.appAlone, c.bareCore)} ms the ` +
        `operation's own code and middleware, ${diff(c.bareCore, c.direct)} ms Zapier core itself`,
    },
    {
      section,
      metric: `ratio app / direct fetch (medians), sandbox answering in ${SANDBOX_MS} ms`,
      value: `${round(ratio)}×`,
      target: c.targeted ? `≤ ${TARGET_RATIO}×` : '—',
      verdict: c.targeted ? verdict(ratio <= TARGET_RATIO) : 'INFO',
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
  const harness = await startHarness({
    rateLimit: false, // ~250 requests in a minute: the limit is not what is measured here
    latency: { allMs: SANDBOX_MS, routes: [] },
  });
  const standIn = await startZapierStandIn();
  try {
    const poll = await comparePoll(harness, standIn);
    const create = await compareCreate(harness);
    return {
      figures: [...figuresOf(poll), ...figuresOf(create)],
      raw: {
        runs: RUNS,
        target: TARGET_RATIO,
        sandboxMs: SANDBOX_MS,
        rateLimit: false,
        comparisons: [poll, create],
      },
    };
  } finally {
    await standIn.close();
    await harness.close();
  }
}
