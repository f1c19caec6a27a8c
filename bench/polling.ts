// Polling as Zapier runs it (core's Lambda handler, a z.cursor per Zap, z.cache with its TTL,
// Zapier's dedupe per Zap) against the sandbox answering at HighLevel's page times:
// - quiet polls of every visible trigger, and of New Contact 1, 5 and 15 minutes apart;
// - bursts bigger than one poll can read, followed over the polls it takes to deliver them:
//   New Contact × 50,000 at 1.5 s a page, Updated Contact and Tag Added × 20,000 at 2.5 s a page;
// - New Contact in Business, 5,000 members joining at once, two Zaps on the same business.
import { contactsPerPoll, MEMBER_PAGE_SIZE } from '../lib/polling/budget';
import { bulkChangeContacts } from '../sandbox/bursts';
import type { Store } from '../sandbox/store';
import type { RequestLogEntry } from '../sandbox/requestLog';
import { requestsSince, startHarness, type Harness } from './harness';
import { measureRecallAcrossPolls, recallIsPerfect, type Recall } from './recall';
import { median, round } from './stats';
import { verdict, type Figure } from './table';
import { startZapierStandIn, type ZapierStandIn } from './zapierStandIn';
import { zapOn, type Item, type Zap } from './zaps';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Zapier stops a poll at 30 s; the target leaves room for its own work. */
const POLL_TIME_LIMIT_MS = 25_000;
const STEADY_POLLS = 3;
const QUIET_GAPS_MINUTES = [1, 5, 15];
const BURST_TAG = 'bench burst';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

/** A sandbox, a Zapier stand-in, and what both need closed afterwards. */
async function setUp(pageMs = 0) {
  const harness = await startHarness({
    rateLimit: false, // what is measured is paging, not HighLevel's limit
    latency: { allMs: 0, routes: pageMs ? [{ path: '/contacts/search', ms: pageMs }] : [] },
  });
  const standIn = await startZapierStandIn();
  return {
    harness,
    standIn,
    close: async () => {
      await standIn.close();
      await harness.close();
    },
  };
}

interface Poll {
  ms: number;
  requests: number;
  returned: number;
  fired: Item[];
}

async function timedPoll(harness: Harness, zap: Zap): Promise<Poll> {
  const from = harness.sandbox.requests.length;
  const started = performance.now();
  const { returned, fired } = await zap.poll();
  return {
    ms: performance.now() - started,
    requests: requestsSince(harness.sandbox, from).length,
    returned: returned.length,
    fired,
  };
}

/** Polls, a minute apart, until one fires nothing (at most `max`). */
async function pollUntilCaughtUp(
  harness: Harness,
  standIn: ZapierStandIn,
  zap: Zap,
  max: number,
): Promise<Poll[]> {
  const polls: Poll[] = [];
  while (polls.length < max) {
    standIn.skip(MINUTE);
    const poll = await timedPoll(harness, zap);
    polls.push(poll);
    if (poll.fired.length === 0) break;
  }
  return polls;
}

// --- quiet polls ------------------------------------------------------------------------------

/** The seeded record that has the most children of a kind, so the poll returns something. */
const busiest = (parents: Iterable<string | null>): string => {
  const counts = new Map<string, number>();
  for (const parent of parents) if (parent) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best) throw new Error('The seeded sandbox has no records of this kind');
  return best[0];
};

const visibleTriggers = (store: Store): Array<[string, Record<string, unknown>]> => [
  ['new_contact', {}],
  ['updated_contact', {}],
  ['contact_tag_added', { tag: BURST_TAG }],
  ['new_task', { contactId: busiest([...store.tasks.values()].map((t) => t.contactId)) }],
  [
    'completed_task',
    {
      contactId: busiest(
        [...store.tasks.values()].filter((t) => t.completed).map((t) => t.contactId),
      ),
    },
  ],
  ['new_note', { contactId: busiest([...store.notes.values()].map((n) => n.contactId)) }],
  [
    'new_appointment',
    { contactId: busiest([...store.appointments.values()].map((a) => a.contactId)) },
  ],
  [
    'new_business_contact',
    { businessId: busiest([...store.contacts.values()].map((c) => c.businessId)) },
  ],
];

export interface QuietResult {
  trigger: string;
  /** Requests of each quiet poll, a minute apart. */
  requests: number[];
  pollMs: number[];
}

async function quietPolls(): Promise<{ steady: QuietResult[]; apart: number[] }> {
  const { harness, standIn, close } = await setUp();
  try {
    harness.sandbox.store.ensureTag(harness.authData.locationId!, BURST_TAG);
    const steady: QuietResult[] = [];
    for (const [key, inputData] of visibleTriggers(harness.sandbox.store)) {
      const zap = zapOn(harness, standIn, key, inputData);
      await zap.turnOn();
      const polls: Poll[] = [];
      for (let i = 0; i < STEADY_POLLS; i += 1) {
        standIn.skip(MINUTE);
        polls.push(await timedPoll(harness, zap));
      }
      steady.push({
        trigger: key,
        requests: polls.map((p) => p.requests),
        pollMs: polls.map((p) => p.ms),
      });
    }
    // New Contact polled 1, 5 and 15 minutes apart: what the z.cache TTLs cost.
    const zap = zapOn(harness, standIn, 'new_contact');
    await zap.turnOn();
    await zap.poll();
    const apart: number[] = [];
    for (const minutes of QUIET_GAPS_MINUTES) {
      standIn.skip(minutes * MINUTE);
      apart.push((await timedPoll(harness, zap)).requests);
    }
    return { steady, apart };
  } finally {
    await close();
  }
}

// --- bursts -----------------------------------------------------------------------------------

type ContactTrigger = 'new_contact' | 'updated_contact' | 'contact_tag_added';

export interface BurstResult {
  trigger: string;
  size: number;
  pageMs: number;
  /** What a page took as the app saw it: the stated answer time plus the sandbox's own work. */
  observedPageMs: number;
  capacity: number;
  recall: Recall;
  polls: Array<Omit<Poll, 'fired'> & { fired: number }>;
  pollsNeeded: number;
  caughtUp: boolean;
}

const contactIdOf = (item: Item) => item.contactId ?? item.id;

async function contactBurst(
  trigger: ContactTrigger,
  size: number,
  pageMs: number,
): Promise<BurstResult> {
  const { harness, standIn, close } = await setUp(pageMs);
  try {
    const { store } = harness.sandbox;
    const locationId = harness.authData.locationId!;
    if (trigger !== 'new_contact') {
      store.bulkCreateContacts(locationId, size, { at: new Date(Date.now() - 2 * HOUR) });
    }
    const zap = zapOn(
      harness,
      standIn,
      trigger,
      trigger === 'contact_tag_added' ? { tag: BURST_TAG } : {},
    );
    await zap.turnOn();
    standIn.skip(MINUTE);
    // One burst, every contact at one date, as an import or a bulk action makes it.
    const changed =
      trigger === 'new_contact'
        ? store.bulkCreateContacts(locationId, size, { at: new Date() })
        : bulkChangeContacts(store, locationId, {
            count: size,
            ...(trigger === 'contact_tag_added' ? { tag: BURST_TAG } : {}),
          });
    const polls = await pollUntilCaughtUp(
      harness,
      standIn,
      zap,
      Math.ceil(size / contactsPerPoll(pageMs)) + 3,
    );
    // The capacity at the page time the polls really met: the sandbox's own search of tens of
    // thousands of contacts comes on top of the stated answer time, as HighLevel's own work does.
    const observedPageMs = median(
      polls.filter((p) => p.requests > 1).map((p) => p.ms / p.requests),
    );
    const capacity = contactsPerPoll(Math.max(pageMs, observedPageMs));
    const caughtUp = polls.at(-1)?.fired.length === 0;
    const firing = caughtUp ? polls.slice(0, -1) : polls;
    const recall = measureRecallAcrossPolls(
      changed.map((c) => c.id),
      firing.map((p) => p.fired.map((item) => ({ id: item.id, contactId: contactIdOf(item) }))),
    );
    return {
      trigger,
      size,
      pageMs,
      observedPageMs,
      capacity,
      recall,
      polls: polls.map((p) => ({ ...p, fired: p.fired.length })),
      pollsNeeded: firing.length,
      caughtUp,
    };
  } finally {
    await close();
  }
}

// --- New Contact in Business --------------------------------------------------------------------

export interface BusinessResult {
  size: number;
  recallPerZap: Recall[];
  pollsPerZap: number[];
  slowestMs: number;
  requestsAfter: number[];
}

const isMemberPage = (entry: RequestLogEntry): boolean =>
  entry.method === 'GET' && entry.path.startsWith('/contacts/business/');

/** The business of the connected location with the most members: the burst joins it. */
const businessOf = (store: Store, locationId: string): string => {
  const ours = new Set(
    [...store.businesses.values()].filter((b) => b.locationId === locationId).map((b) => b.id),
  );
  const members = [...store.contactsOf(locationId)].map((c) => c.businessId);
  return busiest([...ours, ...members.filter((id) => id !== null && ours.has(id))]);
};

async function businessBurst(size: number): Promise<BusinessResult> {
  const { harness, standIn, close } = await setUp();
  try {
    const { store } = harness.sandbox;
    const locationId = harness.authData.locationId!;
    const inputData = { businessId: businessOf(store, locationId) };
    const zaps = [0, 1].map(() => zapOn(harness, standIn, 'new_business_contact', inputData));
    for (const zap of zaps) await zap.turnOn();
    // New contacts given the business: the sandbox lists members oldest first, so they join at
    // the end, as members do in a list by join time.
    const joined = store.bulkCreateContacts(locationId, size);
    for (const contact of joined) contact.businessId = inputData.businessId;
    store.changed();
    // The two Zaps poll in turn until neither fires anyone.
    const polls: Poll[][] = zaps.map(() => []);
    const max = Math.ceil(size / MEMBER_PAGE_SIZE) + 4;
    for (let round = 0; round < max; round += 1) {
      standIn.skip(MINUTE);
      for (const [i, zap] of zaps.entries()) polls[i]!.push(await timedPoll(harness, zap));
      if (polls.every((p) => p.at(-1)!.fired.length === 0)) break;
    }
    const from = harness.sandbox.requests.length;
    for (const zap of zaps) await zap.poll();
    const after = requestsSince(harness.sandbox, from, isMemberPage).length;
    return {
      size,
      recallPerZap: polls.map((p) =>
        measureRecallAcrossPolls(
          joined.map((c) => c.id),
          p.map((poll) => poll.fired),
        ),
      ),
      pollsPerZap: polls.map((p) => p.filter((poll) => poll.fired.length > 0).length),
      slowestMs: Math.max(...polls.flat().map((p) => p.ms)),
      requestsAfter: [after / zaps.length],
    };
  } finally {
    await close();
  }
}

// --- figures ------------------------------------------------------------------------------------

const quietFigures = ({ steady, apart }: { steady: QuietResult[]; apart: number[] }): Figure[] => [
  {
    section: 'Quiet polls',
    metric: 'requests per poll, every visible trigger (3 polls each)',
    value: steady.map((r) => `${r.trigger} ${r.requests.join('/')}`).join(', '),
    target: 'exactly 1',
    verdict: verdict(steady.every((r) => r.requests.every((n) => n === 1))),
  },
  {
    section: 'Quiet polls',
    metric: `slowest quiet poll (loopback)`,
    value: `${round(Math.max(...steady.flatMap((r) => r.pollMs)), 1)} ms (median ${round(median(steady.flatMap((r) => r.pollMs)), 1)} ms)`,
    target: '—',
    verdict: 'INFO',
  },
  {
    section: 'Quiet polls',
    metric: `new_contact requests per quiet poll, polls ${QUIET_GAPS_MINUTES.join(', ')} min apart`,
    value: apart.join(', '),
    target: 'exactly 1',
    verdict: verdict(apart.every((n) => n === 1)),
    note:
      'Time between polls is moved on the Zapier stand-in (bench/zapierStandIn.ts), which keeps ' +
      'z.cache with its TTLs: a poll then costs what the app caches still hold.',
  },
];

const burstFigures = (r: BurstResult, index: number): Figure[] => {
  const section = `Burst ${count(r.size)}: ${r.trigger}, pages in ${seconds(r.pageMs)}`;
  const slowest = Math.max(...r.polls.map((p) => p.ms));
  const limit = Math.ceil(r.size / r.capacity) + 1;
  return [
    {
      section,
      metric: 'delivered after dedupe, over consecutive polls',
      value:
        `${round(r.recall.share * 100, 1)}% (${count(r.recall.found)}/${count(r.recall.expected)}), ` +
        `${r.recall.duplicated} twice`,
      target: '100%, each once',
      verdict: verdict(recallIsPerfect(r.recall) && r.caughtUp),
      note:
        index === 0
          ? 'Every contact of a burst shares one date, as an import makes them. The sandbox answers ' +
            'each POST /contacts/search after the stated page time (sandbox/latency.ts); rate limit ' +
            'off. Polls a minute apart, each Zap with its own z.cursor (bench/zaps.ts).'
          : undefined,
    },
    {
      section,
      metric: 'polls needed (capacity per poll at the page time met)',
      value: `${r.pollsNeeded} (${count(r.capacity)} contacts a poll at ${seconds(r.observedPageMs)} a page; fired ${r.polls.map((p) => p.fired).join(' + ')})`,
      target: `≤ ceil(N / capacity) + 1 = ${limit}`,
      verdict: verdict(r.caughtUp && r.pollsNeeded <= limit),
    },
    {
      section,
      metric: 'longest poll (requests)',
      value: `${seconds(slowest)} (${Math.max(...r.polls.map((p) => p.requests))} requests)`,
      target: `< ${seconds(POLL_TIME_LIMIT_MS)}`,
      verdict: verdict(slowest < POLL_TIME_LIMIT_MS),
    },
  ];
};

const businessFigures = (r: BusinessResult): Figure[] => {
  const section = `Burst ${count(r.size)}: new_business_contact, two Zaps on one business`;
  return [
    {
      section,
      metric: 'delivered to each Zap after its dedupe',
      value: r.recallPerZap
        .map(
          (recall, i) =>
            `Zap ${i + 1}: ${round(recall.share * 100, 1)}% (${count(recall.found)}/${count(recall.expected)}), ${recall.duplicated} twice`,
        )
        .join('; '),
      target: '100% for each Zap, each once',
      verdict: verdict(r.recallPerZap.every(recallIsPerfect)),
      note:
        'Members join as new contacts given the business (the sandbox lists members oldest first, ' +
        'so they join at the end). Each Zap keeps the list shape in its own z.cursor.',
    },
    {
      section,
      metric: 'polls per Zap; longest poll; member-list requests per poll after',
      value: `${r.pollsPerZap.join(' and ')}; ${seconds(r.slowestMs)}; ${r.requestsAfter.join(', ')}`,
      target: `ref. ceil(N / 2,000) = ${Math.ceil(r.size / 2000)}; < ${seconds(POLL_TIME_LIMIT_MS)}; 1`,
      verdict: verdict(r.slowestMs < POLL_TIME_LIMIT_MS && r.requestsAfter.every((n) => n === 1)),
    },
  ];
};

/** Which bursts to run: all by default; BENCH_BURST_SCALE=0.1 runs them at a tenth (a dry run). */
const scale = Number(process.env.BENCH_BURST_SCALE) || 1;
const sized = (n: number) => Math.max(1, Math.round(n * scale));

export async function measurePolling(log: (line: string) => void) {
  log('  quiet polls');
  const quiet = await quietPolls();
  const cases: Array<[ContactTrigger, number, number]> = [
    ['new_contact', sized(50_000), 1_500],
    ['updated_contact', sized(20_000), 2_500],
    ['contact_tag_added', sized(20_000), 2_500],
  ];
  const bursts: BurstResult[] = [];
  for (const [trigger, size, pageMs] of cases) {
    log(`  burst: ${trigger} × ${size}, pages in ${pageMs} ms`);
    bursts.push(await contactBurst(trigger, size, pageMs));
  }
  log('  burst: new_business_contact × 5000, two Zaps');
  const business = await businessBurst(sized(5_000));
  const figures: Figure[] = [
    ...quietFigures(quiet),
    ...bursts.flatMap(burstFigures),
    ...businessFigures(business),
  ];
  return { figures, raw: { quiet, bursts, business, rateLimitDuringBursts: false } };
}
