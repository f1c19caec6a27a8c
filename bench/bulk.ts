// Tagging 1,000 contacts: the bulk action (HighLevel takes up to 500 contacts per request, so two
// steps) against Add Tags to Contact once per contact, both under a rate limit. The app answers a
// 429 with Zapier's ThrottledError and a delay; Zapier then retries the step after that delay,
// which the bench emulates. One by one at HighLevel's real limit (100 per 10 s) would take over
// 90 s for 1,000 contacts, so that path is measured twice: on all 1,000 with the window scaled
// down 10× (100 per 1 s), and on 200 at the real window; the real-window time for 1,000 is then
// extrapolated from the two (see estimateOneByOneMs in limits.ts).
import type { RateLimitConfig } from '../sandbox/rateLimit';
import { startHarness, type Harness, type RunOptions } from './harness';
import { estimateOneByOneMs, throttleDelayOf, waitsFor } from './limits';
import { round } from './stats';
import { verdict, type Figure } from './table';

const CONTACTS = 1_000;
/** creates/bulk_update_contact_tags.ts MAX_CONTACTS. */
const BULK_MAX = 500;
const REAL_LIMIT: RateLimitConfig = { max: 100, windowMs: 10_000 };
const SCALE = 10;
const SCALED_LIMIT: RateLimitConfig = { max: 100, windowMs: REAL_LIMIT.windowMs / SCALE };
const HOUR_MS = 3_600_000;
/** Contacts tagged one by one at the real window: two windows, one Zapier retry. */
const REAL_SAMPLE = 200;

interface Retried {
  waits: number;
  waitedMs: number;
}

/** Runs a create step as Zapier would: on ThrottledError, wait its delay and run it again. */
async function runWithRetries(harness: Harness, key: string, options: RunOptions, tally: Retried) {
  for (;;) {
    try {
      return await harness.run('creates', key, options);
    } catch (error) {
      const delay = throttleDelayOf(error);
      if (delay === undefined) throw error;
      tally.waits += 1;
      tally.waitedMs += delay * 1000;
      await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    }
  }
}

interface PathResult {
  contacts: number;
  requests: number;
  throttled: number;
  waits: number;
  waitedMs: number;
  wallMs: number;
  allTagged: boolean;
  limit: RateLimitConfig;
}

async function tagAll(
  count: number,
  limit: RateLimitConfig,
  tag: string,
  steps: (ids: string[]) => Array<[string, RunOptions]>,
): Promise<PathResult> {
  const harness = await startHarness({ rateLimit: limit });
  try {
    const { store } = harness.sandbox;
    const contacts = store.bulkCreateContacts(harness.authData.locationId!, count, {
      at: new Date(Date.now() - 2 * HOUR_MS),
    });
    const ids = contacts.map((contact) => contact.id);
    harness.sandbox.resetRequestLog();
    const tally: Retried = { waits: 0, waitedMs: 0 };
    const started = performance.now();
    for (const [key, options] of steps(ids)) await runWithRetries(harness, key, options, tally);
    const wallMs = performance.now() - started;
    const { requests } = harness.sandbox;
    return {
      contacts: count,
      requests: requests.length,
      throttled: requests.filter((entry) => entry.status === 429).length,
      waits: tally.waits,
      waitedMs: tally.waitedMs,
      wallMs,
      allTagged: ids.every((id) => store.contacts.get(id)?.tags.includes(tag)),
      limit,
    };
  } finally {
    await harness.close();
  }
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

const tagOneByOne = (count: number, limit: RateLimitConfig, tag: string) =>
  tagAll(count, limit, tag, (ids) =>
    ids.map((contactId) => ['add_contact_tags', { inputData: { contactId, tags: [tag] } }]),
  );

const seconds = (ms: number, digits = 1) => `${round(ms / 1000, digits)} s`;

export async function measureBulk(log: (line: string) => void) {
  log(`  bulk_update_contact_tags × ${CONTACTS} at 100 requests / 10 s`);
  const bulk = await tagAll(CONTACTS, REAL_LIMIT, 'bench bulk', (ids) =>
    chunks(ids, BULK_MAX).map((contactIds) => [
      'bulk_update_contact_tags',
      { inputData: { action: 'add', contactIds, tags: ['bench bulk'] } },
    ]),
  );
  log(`  add_contact_tags × ${CONTACTS} at 100 requests / 1 s (window scaled ${SCALE}× down)`);
  const scaled = await tagOneByOne(CONTACTS, SCALED_LIMIT, 'bench single');
  log(`  add_contact_tags × ${REAL_SAMPLE} at 100 requests / 10 s`);
  const real = await tagOneByOne(REAL_SAMPLE, REAL_LIMIT, 'bench single');

  const msPerRequest = (scaled.wallMs - scaled.waitedMs) / scaled.requests;
  const estimated = estimateOneByOneMs(CONTACTS, msPerRequest, REAL_LIMIT);
  const predictedSample = estimateOneByOneMs(REAL_SAMPLE, msPerRequest, REAL_LIMIT);
  const bulkSteps = Math.ceil(CONTACTS / BULK_MAX);
  const section = `Bulk tags, ${CONTACTS.toLocaleString('en-US')} contacts`;
  const describe = (r: PathResult) =>
    `${r.requests} requests (${r.throttled} throttled), ${seconds(r.wallMs)}`;
  const figures: Figure[] = [
    {
      section,
      metric: 'bulk_update_contact_tags, 100 req / 10 s',
      value: `${describe(bulk)}, ${bulkSteps} steps of ≤ ${BULK_MAX}`,
      target: `${bulkSteps} requests, none throttled`,
      verdict: verdict(bulk.requests === bulkSteps && bulk.throttled === 0 && bulk.allTagged),
      note: `the action takes at most ${BULK_MAX} contacts per step, so the bench runs it twice; every contact was checked for the tag afterwards, on both paths`,
    },
    {
      section,
      metric: 'add_contact_tags × 1,000, 100 req / 1 s',
      value: describe(scaled),
      target: 'window scaled 10×',
      verdict: scaled.allTagged ? 'INFO' : 'FAIL',
      note: `measured on all ${CONTACTS} contacts with the sandbox window scaled from 10 s to 1 s; each throttled step waited its ThrottledError delay and was retried, as Zapier does`,
    },
    {
      section,
      metric: `add_contact_tags × ${REAL_SAMPLE}, 100 req / 10 s`,
      value: `${describe(real)} (model: ${seconds(predictedSample)})`,
      target: 'measured',
      verdict: real.allTagged ? 'INFO' : 'FAIL',
    },
    {
      section,
      metric: 'add_contact_tags × 1,000, 100 req / 10 s',
      value: `≈ ${seconds(estimated, 0)}, ${CONTACTS + waitsFor(CONTACTS, REAL_LIMIT)} requests`,
      target: 'extrapolated',
      verdict: 'INFO',
      note: `${waitsFor(CONTACTS, REAL_LIMIT)} waits of 10 s (one per full window) + ${round(msPerRequest, 1)} ms per request measured on the scaled run; the same model predicts the ${REAL_SAMPLE}-contact run measured at the real window`,
    },
    {
      section,
      metric: 'one by one / bulk (real window)',
      value: `${round((CONTACTS + waitsFor(CONTACTS, REAL_LIMIT)) / bulk.requests, 0)}× requests, ${round(estimated / bulk.wallMs, 0)}× time`,
      target: '—',
      verdict: 'INFO',
    },
  ];
  return {
    figures,
    raw: { contacts: CONTACTS, bulk, scaled, real, msPerRequest, estimatedRealMs: estimated },
  };
}
