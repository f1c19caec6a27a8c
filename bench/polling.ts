// Request cost and recall of every visible trigger against the sandbox: the steady state (a few
// changes between polls) and bursts of 100, 1,000 and 5,000 changes between two polls (for New
// Contact in Business, members joining, followed over the polls it takes to catch up).
import { MAX_REQUESTS_PER_POLL, MEMBER_PAGE_SIZE } from '../lib/polling/budget';
import type { Store } from '../sandbox/store';
import type { ContactRecord } from '../sandbox/model/types';
import type { RequestLogEntry } from '../sandbox/requestLog';
import { maxSearchesFor } from './limits';
import { isContactSearch, requestsSince, startHarness, type Harness } from './harness';
import { measureRecall, measureRecallAcrossPolls, recallIsPerfect, type Recall } from './recall';
import { median, round } from './stats';
import { verdict, type Figure } from './table';

export const BURST_SIZES = [100, 1_000, 5_000];
const POLL_TIME_LIMIT_MS = 10_000;
const STEADY_ROUNDS = 3;
const STEADY_CHANGES = 5;
const BURST_TAG = 'bench burst';
const HOUR_MS = 3_600_000;

type Item = { id: string; contactId?: string };

interface ContactTriggerCase {
  key: 'new_contact' | 'updated_contact' | 'contact_tag_added';
  inputData: Record<string, unknown>;
  /** Contacts that exist before the first poll, changed later by `change`. */
  prepare(store: Store, locationId: string, count: number): ContactRecord[];
  /** Makes `count` changes "now" and returns the ids of the contacts changed. */
  change(store: Store, locationId: string, prepared: ContactRecord[], count: number): string[];
}

// Two hours old: outside the app's 30-minute look-back window, so only the change is recent.
const oldContacts = (store: Store, locationId: string, count: number) =>
  store.bulkCreateContacts(locationId, count, { at: new Date(Date.now() - 2 * HOUR_MS) });

/** Updates in place, as the API would, but without a request each (bursts must be fast). */
const touch = (store: Store, contacts: ContactRecord[], edit: (contact: ContactRecord) => void) => {
  const now = new Date().toISOString();
  for (const contact of contacts) {
    edit(contact);
    contact.dateUpdated = now;
  }
  store.changed();
  return contacts.map((contact) => contact.id);
};

/** The next `count` prepared contacts not changed yet (steady-state rounds take a few each). */
const takeUnchanged = (prepared: ContactRecord[], count: number) => prepared.splice(0, count);

export const CONTACT_TRIGGERS: ContactTriggerCase[] = [
  {
    key: 'new_contact',
    inputData: {},
    prepare: () => [],
    change: (store, locationId, _prepared, count) =>
      store.bulkCreateContacts(locationId, count, { at: new Date() }).map((c) => c.id),
  },
  {
    key: 'updated_contact',
    inputData: {},
    prepare: oldContacts,
    change: (store, _locationId, prepared, count) =>
      touch(store, takeUnchanged(prepared, count), (contact) => {
        contact.city = 'Springfield';
      }),
  },
  {
    key: 'contact_tag_added',
    inputData: { tag: BURST_TAG },
    prepare: oldContacts,
    change: (store, locationId, prepared, count) => {
      const tag = store.ensureTag(locationId, BURST_TAG).name;
      return touch(store, takeUnchanged(prepared, count), (contact) => {
        contact.tags = [...contact.tags, tag];
      });
    },
  },
];

interface Poll {
  ms: number;
  requests: number;
  searches: number;
  /** GET /contacts/business/{businessId}: New Contact in Business's pages. */
  memberPages: number;
  items: Item[];
}

const isMemberPage = (entry: RequestLogEntry): boolean =>
  entry.method === 'GET' && entry.path.startsWith('/contacts/business/');

async function poll(
  harness: Harness,
  key: string,
  inputData: Record<string, unknown>,
  meta: Record<string, unknown> = {},
): Promise<Poll> {
  const from = harness.sandbox.requests.length;
  const started = performance.now();
  const items = (await harness.run('triggers', key, { inputData, meta })) as Item[];
  const ms = performance.now() - started;
  const requests = requestsSince(harness.sandbox, from);
  return {
    ms,
    requests: requests.length,
    searches: requests.filter(isContactSearch).length,
    memberPages: requests.filter(isMemberPage).length,
    items,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// --- steady state -------------------------------------------------------------------------------

export interface SteadyResult {
  trigger: string;
  requestsPerPoll: number[];
  pollMs: number[];
  recall?: Recall[];
}

async function steadyContactTrigger(trigger: ContactTriggerCase): Promise<SteadyResult> {
  const harness = await startHarness();
  try {
    const { store } = harness.sandbox;
    const { locationId } = harness.authData;
    const prepared = trigger.prepare(store, locationId!, STEADY_ROUNDS * STEADY_CHANGES);
    await poll(harness, trigger.key, trigger.inputData); // fills the custom-field cache
    const polls: Poll[] = [];
    const recall: Recall[] = [];
    for (let round = 0; round < STEADY_ROUNDS; round += 1) {
      const changed = trigger.change(store, locationId!, prepared, STEADY_CHANGES);
      const result = await poll(harness, trigger.key, trigger.inputData);
      polls.push(result);
      recall.push(measureRecall(changed, result.items));
    }
    return {
      trigger: trigger.key,
      requestsPerPoll: polls.map((p) => p.requests),
      pollMs: polls.map((p) => p.ms),
      recall,
    };
  } finally {
    await harness.close();
  }
}

/** The seeded record that has the most children of a kind, so the poll returns something. */
const busiest = (parents: Iterable<string | null>): string => {
  const counts = new Map<string, number>();
  for (const parent of parents) if (parent) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best) throw new Error('The seeded sandbox has no records of this kind');
  return best[0];
};

async function steadyPerContactTriggers(): Promise<SteadyResult[]> {
  const harness = await startHarness();
  try {
    const { store } = harness.sandbox;
    const contacts = [...store.contacts.values()];
    const cases: Array<[string, Record<string, unknown>]> = [
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
      ['new_business_contact', { businessId: busiest(contacts.map((c) => c.businessId)) }],
    ];
    const results: SteadyResult[] = [];
    for (const [key, inputData] of cases) {
      await poll(harness, key, inputData); // warm-up: custom-field cache, first connection
      const polls: Poll[] = [];
      for (let round = 0; round < STEADY_ROUNDS; round += 1) {
        polls.push(await poll(harness, key, inputData));
      }
      results.push({
        trigger: key,
        requestsPerPoll: polls.map((p) => p.requests),
        pollMs: polls.map((p) => p.ms),
      });
    }
    return results;
  } finally {
    await harness.close();
  }
}

// --- bursts ---------------------------------------------------------------------------------------

export interface BurstResult {
  trigger: string;
  size: number;
  recall: Recall;
  searches: number;
  requests: number;
  maxSearches: number;
  pollMs: number;
  /** The poll after that, with nothing changed: bursts stay inside the look-back window. */
  nextPollSearches: number;
  nextPollMs: number;
}

async function burst(trigger: ContactTriggerCase, size: number): Promise<BurstResult> {
  const harness = await startHarness();
  try {
    // A burst is ≤ 21 requests: the limit is not what is measured here, the paging is.
    harness.sandbox.setRateLimit(false);
    const { store } = harness.sandbox;
    const { locationId } = harness.authData;
    const prepared = trigger.prepare(store, locationId!, size);
    await poll(harness, trigger.key, trigger.inputData);
    const changed = trigger.change(store, locationId!, prepared, size);
    const after = await poll(harness, trigger.key, trigger.inputData);
    const next = await poll(harness, trigger.key, trigger.inputData);
    return {
      trigger: trigger.key,
      size,
      recall: measureRecall(changed, after.items),
      searches: after.searches,
      requests: after.requests,
      maxSearches: maxSearchesFor(size),
      pollMs: after.ms,
      nextPollSearches: next.searches,
      nextPollMs: next.ms,
    };
  } finally {
    await harness.close();
  }
}

// --- bursts of New Contact in Business ------------------------------------------------------------

const BUSINESS_TRIGGER = 'new_business_contact';
/** More polls than any burst measured needs: a poll that keeps returning news is a failure. */
const MAX_CATCH_UP_POLLS = 20;

export interface BusinessBurstResult {
  trigger: string;
  size: number;
  /** Across the polls until caught up, after a per-Zap dedupe as Zapier's: each member fired once. */
  recall: Recall;
  /** Polls that fired a member, the last of them catching up. */
  pollsNeeded: number;
  /**
   * Those polls, then the one after (nobody new: Zapier fires nothing). `returned` counts the
   * members the ledger returns again within the look-back window too, `fired` only the new ones.
   */
  polls: Array<Omit<Poll, 'items'> & { returned: number; fired: number; saidRestFollows: boolean }>;
}

/** Zapier's dedupe for one Zap: the items of a poll whose id no earlier poll returned. */
const perZapDedupe = () => {
  const seen = new Set<string>();
  return (items: Item[]): Item[] =>
    items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
};

/**
 * Recall of what fired after the dedupe, each member once; an id repeated within one poll's
 * output still counts against it (Zapier needs a poll's ids unique).
 */
const recallAfterDedupe = (joined: string[], returned: Item[][], fired: Item[][]): Recall => ({
  ...measureRecallAcrossPolls(joined, fired),
  repeatedIds: measureRecallAcrossPolls([], returned).repeatedIds,
});

/**
 * Runs `step` with console.log (where the app's z.console.log lines go) collected, not printed:
 * a cut poll's lines would otherwise interleave with the table on stdout.
 */
async function collectingLog<T>(step: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const print = console.log;
  const lines: string[] = [];
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    return { value: await step(), lines };
  } finally {
    console.log = print;
  }
}

/** A business of the connected location (the one with the most members): the burst joins it. */
const businessOf = (store: Store, locationId: string): string => {
  const ours = new Set(
    [...store.businesses.values()].filter((b) => b.locationId === locationId).map((b) => b.id),
  );
  const members = [...store.contactsOf(locationId)].map((c) => c.businessId);
  return busiest([...ours, ...members.filter((id) => id !== null && ours.has(id))]);
};

/**
 * `size` members join the business straight in the store. The sandbox lists a business's members
 * by contact dateAdded, oldest first, so they are new contacts (dated over the last `size`
 * seconds, after every seeded one) and join at the end, as members do in a list by join time.
 */
const joinBusiness = (store: Store, locationId: string, businessId: string, size: number) => {
  const contacts = store.bulkCreateContacts(locationId, size);
  for (const contact of contacts) contact.businessId = businessId;
  store.changed();
  return contacts.map((contact) => contact.id);
};

async function businessBurst(size: number): Promise<BusinessBurstResult> {
  const harness = await startHarness();
  try {
    // Catching up is ≤ 20 requests per poll, polls back to back: the paging is measured here.
    harness.sandbox.setRateLimit(false);
    const { store } = harness.sandbox;
    const locationId = harness.authData.locationId!;
    const inputData = { businessId: businessOf(store, locationId) };
    // The Zap is turned on: Zapier's first poll records the members already there.
    await poll(harness, BUSINESS_TRIGGER, inputData, { isPopulatingDedupe: true });
    const joined = joinBusiness(store, locationId, inputData.businessId, size);

    // One Zap's dedupe: a poll returns again the members who joined within the look-back window.
    const dedupe = perZapDedupe();
    const polls: Array<Poll & { fired: Item[]; saidRestFollows: boolean }> = [];
    while (polls.length < MAX_CATCH_UP_POLLS) {
      const { value: result, lines } = await collectingLog(() =>
        poll(harness, BUSINESS_TRIGGER, inputData),
      );
      const saidRestFollows = lines.some((line) => /follow in the next poll/.test(line));
      const fired = dedupe(result.items);
      polls.push({ ...result, fired, saidRestFollows });
      if (fired.length === 0) break;
    }
    const caughtUp = polls[polls.length - 1]!.fired.length === 0;
    return {
      trigger: BUSINESS_TRIGGER,
      size,
      recall: recallAfterDedupe(
        joined,
        polls.map((p) => p.items),
        polls.map((p) => p.fired),
      ),
      pollsNeeded: caughtUp ? polls.length - 1 : polls.length,
      polls: polls.map(({ items, fired, ...rest }) => ({
        ...rest,
        returned: items.length,
        fired: fired.length,
      })),
    };
  } finally {
    await harness.close();
  }
}

// --- figures --------------------------------------------------------------------------------------

const steadyFigures = (result: SteadyResult): Figure[] => {
  const section = `Steady poll: ${result.trigger}`;
  const slowest = Math.max(...result.pollMs);
  const figures: Figure[] = [
    {
      section,
      metric: 'requests per poll (warm cache)',
      value: result.requestsPerPoll.join(', '),
      target: 'exactly 1',
      verdict: verdict(result.requestsPerPoll.every((n) => n === 1)),
    },
    {
      section,
      metric: `poll time (median of ${result.pollMs.length})`,
      value: `${round(median(result.pollMs), 1)} ms`,
      target: '< 10 s',
      verdict: verdict(slowest < POLL_TIME_LIMIT_MS),
    },
  ];
  if (result.recall) {
    const perfect = result.recall.every(recallIsPerfect);
    figures.push({
      section,
      metric: `recall of ${STEADY_CHANGES} changes per poll`,
      value: result.recall.map((r) => `${r.found}/${r.expected}`).join(', '),
      target: '100%, each once',
      verdict: verdict(perfect),
    });
  }
  return figures;
};

const BURST_NOTE =
  'Bursts run with the sandbox rate limit switched off (setRateLimit(false)); contacts are ' +
  'created/updated/tagged straight in the sandbox store with dateAdded/dateUpdated = now. ' +
  'Poll times include the in-process sandbox answering.';

const burstFigures = (result: BurstResult, index: number): Figure[] => {
  const section = `Burst ${result.size.toLocaleString('en-US')}: ${result.trigger}`;
  const { recall } = result;
  return [
    {
      section,
      metric: 'recall (each once)',
      value:
        `${round(recall.share * 100, 1)}% (${recall.found}/${recall.expected}), ` +
        `${recall.duplicated} twice, ${recall.repeatedIds} repeated ids`,
      target: '100%, each once',
      verdict: verdict(recallIsPerfect(recall)),
      note: index === 0 ? BURST_NOTE : undefined,
    },
    {
      section,
      metric: '/contacts/search requests',
      value: `${result.searches} (${result.requests} in all)`,
      target: `≤ ${result.maxSearches}`,
      verdict: verdict(
        result.searches <= result.maxSearches && result.requests === result.searches,
      ),
    },
    {
      section,
      metric: 'poll time',
      value: seconds(result.pollMs),
      target: '< 10 s',
      verdict: verdict(result.pollMs < POLL_TIME_LIMIT_MS),
    },
  ];
};

const NEXT_POLL_NOTE =
  'A burst stays inside the 30-minute look-back window (lib/polling.ts LOOKBACK_MS), so every ' +
  'poll in the next 30 minutes pages through it again; Zapier dedupes the repeats.';

const nextPollFigure = (trigger: string, results: BurstResult[], index: number): Figure => ({
  section: `After bursts: ${trigger}`,
  metric: 'next poll, nothing changed: requests',
  value: results.map((r) => `${r.nextPollSearches} (${seconds(r.nextPollMs)})`).join(' / '),
  target: `for ${results.map((r) => r.size).join(' / ')}`,
  verdict: 'INFO',
  note: index === 0 ? NEXT_POLL_NOTE : undefined,
});

const BUSINESS_BURST_NOTE =
  'Members join as new contacts given the business straight in the sandbox store (rate limit ' +
  'off), after a turn-on poll: the sandbox lists members oldest dateAdded first, so they join at ' +
  'the end (existing contacts assigned in bulk would sit mid-list, which only the whole-list read ' +
  'within one poll reaches; a newest-first list is covered by ' +
  'test/triggers/new_business_contact.test.ts). Polled back to back until a poll returns nobody ' +
  'new; recall counts the members fired after a per-Zap dedupe, as Zapier does: every poll also ' +
  'Request reference: a request per 100 members plus ' +
  'one per poll, which finds again the member it remembered.';

const businessBurstFigures = (result: BusinessBurstResult, index: number): Figure[] => {
  const section = `Burst ${result.size.toLocaleString('en-US')}: ${result.trigger}`;
  const { recall, pollsNeeded } = result;
  const delivering = result.polls.slice(0, pollsNeeded);
  const after = result.polls[pollsNeeded];
  const slowest = Math.max(...result.polls.map((p) => p.ms));
  const pages = Math.ceil(result.size / MEMBER_PAGE_SIZE);
  const memberPages = delivering.reduce((sum, p) => sum + p.memberPages, 0);
  const allRequests = delivering.reduce((sum, p) => sum + p.requests, 0);
  return [
    {
      section,
      metric: 'recall after dedupe (each fired once)',
      value:
        `${round(recall.share * 100, 1)}% (${recall.found}/${recall.expected}), ` +
        `${recall.duplicated} twice, ${recall.repeatedIds} repeated ids`,
      target: '100%, each fired once',
      verdict: verdict(recallIsPerfect(recall) && after !== undefined),
      note: index === 0 ? BUSINESS_BURST_NOTE : undefined,
    },
    {
      section,
      metric: 'polls until caught up',
      value:
        `${after ? pollsNeeded : `not after ${pollsNeeded}`} ` +
        `(${delivering.filter((p) => p.saidRestFollows).length} logged that the rest follows)`,
      target:
        `ref. ceil(${pages} page${pages === 1 ? '' : 's'} / ${MAX_REQUESTS_PER_POLL}) = ` +
        `${Math.ceil(pages / MAX_REQUESTS_PER_POLL)}`,
      verdict: 'INFO',
    },
    {
      section,
      metric: 'member-list requests per poll',
      value:
        `${delivering.map((p) => p.memberPages).join(' + ')} = ${memberPages} ` +
        `(${allRequests} in all), then ${after ? after.memberPages : '–'}`,
      target: `ref. ceil(N/100) + polls = ${pages + pollsNeeded}`,
      verdict: 'INFO',
    },
    {
      section,
      metric: 'members returned again per poll',
      value:
        `${delivering.map((p) => p.returned - p.fired).join(' + ')}, ` +
        `then ${after ? after.returned : '–'}`,
      target: '0',
      verdict: 'INFO',
    },
    {
      section,
      metric: 'longest poll time',
      value: seconds(slowest),
      target: '< 10 s',
      verdict: verdict(slowest < POLL_TIME_LIMIT_MS),
    },
  ];
};

export async function measurePolling(log: (line: string) => void) {
  const steady: SteadyResult[] = [];
  for (const trigger of CONTACT_TRIGGERS) {
    log(`  steady state: ${trigger.key}`);
    steady.push(await steadyContactTrigger(trigger));
  }
  log('  steady state: per-contact triggers');
  steady.push(...(await steadyPerContactTriggers()));

  const bursts: BurstResult[] = [];
  for (const trigger of CONTACT_TRIGGERS) {
    for (const size of BURST_SIZES) {
      log(`  burst: ${trigger.key} × ${size}`);
      bursts.push(await burst(trigger, size));
    }
  }

  const businessBursts: BusinessBurstResult[] = [];
  for (const size of BURST_SIZES) {
    log(`  burst: ${BUSINESS_TRIGGER} × ${size}`);
    businessBursts.push(await businessBurst(size));
  }

  const figures: Figure[] = [
    ...steady.flatMap(steadyFigures),
    ...bursts.flatMap(burstFigures),
    ...businessBursts.flatMap(businessBurstFigures),
    ...CONTACT_TRIGGERS.map(({ key }, index) =>
      nextPollFigure(
        key,
        bursts.filter((b) => b.trigger === key),
        index,
      ),
    ),
  ];
  return { figures, raw: { steady, bursts, businessBursts, rateLimitDuringBursts: false } };
}
