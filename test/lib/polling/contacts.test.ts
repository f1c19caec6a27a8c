// Carrying New Contact on where the Zap's last poll stopped, through the real trigger, core's app
// tester, a fake of Zapier's cursor store and a fake clock: every case the design must survive.
import { MAX_REQUESTS_PER_POLL, contactsPerPoll, LOOKBACK_MS } from '../../../lib/polling/budget';
import type { Bundle, ZObject } from 'zapier-platform-core';
import tagAdded, { perform as performTagAdded } from '../../../triggers/contact_tag_added';
import newContact, { perform } from '../../../triggers/new_contact';
import updatedContact, { perform as performUpdated } from '../../../triggers/updated_contact';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../../support/app';
import { fakeCursor } from '../../support/cursor';
import { liveSearchServer, searchRow, zapierDedupe, type SearchRow } from '../../support/contacts';

const MINUTE = 60_000;
/** More than one poll reads when pages answer at once (9,600): two polls at least. */
const BURST = 12_000;

/** Date.now as the poll sees it: real time plus whatever the test skipped ahead. */
const fakeClock = () => {
  const realNow = Date.now.bind(Date);
  let skipped = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skipped);
  return { skip: (ms: number) => (skipped += ms), now: () => Date.now() };
};

/** The custom-field list, for every poll (each Zap's tester has its own z.cache). */
const customFields = () =>
  highLevel()
    .persist()
    .get(`/locations/${LOCATION_ID}/customFields`)
    .query({ model: 'contact' })
    .reply(200, { customFields: [] });

let serial = 100_000;
/** `count` contacts added just now, one date for all of them (an import), newest first. */
const added = (count: number, now: number): SearchRow[] => {
  const rows = Array.from({ length: count }, () => {
    serial += 1;
    return searchRow(serial, 0, { now });
  });
  return rows.reverse();
};
/** `rows` changed at `now` (one dateUpdated for all), as the dateUpdated search pages them. */
const changed = (rows: SearchRow[], now: number): SearchRow[] =>
  rows.map((row) => ({
    ...row,
    dateUpdated: new Date(now).toISOString(),
    searchAfter: [now, row.id],
  }));
const newestFirst = (rows: SearchRow[]) =>
  [...rows].sort(
    (a, b) => b.searchAfter[0] - a.searchAfter[0] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

type ContactTrigger = typeof newContact | typeof updatedContact | typeof tagAdded;
type Results = Array<{ id: string; contactId?: string }>;

/** One Zap: its own tester (so its own storeKey, as on Zapier) and its own dedupe. */
const zap = (
  [trigger, performOf]: [ContactTrigger, (z: ZObject, bundle: Bundle) => Promise<Results>] = [
    newContact,
    perform,
  ],
  inputData: Record<string, unknown> = {},
) => {
  const tester = testerFor('triggers', trigger);
  const dedupe = zapierDedupe();
  const fired: string[] = [];
  let polls = 0;
  const run = async (meta = {}) => {
    const results = await tester(performOf, bundleWith(inputData, meta), {
      keepCache: polls > 0,
    });
    polls += 1;
    return results;
  };
  return {
    fired,
    turnOn: async () => dedupe(await run({ isPopulatingDedupe: true })),
    poll: async () => {
      const results = await run();
      fired.push(...dedupe(results).map((r) => r.id));
      return results;
    },
    editorTest: () => run({ isLoadingSample: true }),
  };
};

beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

describe('carrying New Contact on between polls', () => {
  it(`delivers a burst bigger than a poll (${BURST.toLocaleString('en-US')}) over consecutive polls, each once, the newest always first`, async () => {
    const clock = fakeClock();
    customFields();
    fakeCursor();
    const server = liveSearchServer(added(50, clock.now() - 60 * MINUTE));
    const one = zap();
    await one.turnOn();

    clock.skip(MINUTE);
    const burst = added(BURST, clock.now());
    server.rows = newestFirst([...burst, ...server.rows]);
    clock.skip(MINUTE);
    const first = await one.poll();
    // A contact added between two polls of the burst is at the top of the next one.
    clock.skip(MINUTE);
    const late = added(1, clock.now());
    server.rows = newestFirst([...late, ...server.rows]);
    const second = await one.poll();
    clock.skip(MINUTE);
    await one.poll();

    expect(first).toHaveLength(contactsPerPoll(0));
    expect(second[0]!.id).toBe(late[0]!.id);
    expect(one.fired.sort()).toEqual([...burst, ...late].map((row) => row.id).sort());
    // Caught up: a quiet poll is one request again.
    const before = server.requests;
    await one.poll();
    expect(server.requests - before).toBe(1);
  });

  it(`delivers Updated Contact's burst of ${BURST.toLocaleString('en-US')} changes over consecutive polls, each change once, the newest always first`, async () => {
    const clock = fakeClock();
    customFields();
    fakeCursor();
    // Contacts an hour old, changed again once the Zap is on; one more changes during the burst.
    const [later, ...existing] = added(BURST + 1, clock.now() - 60 * MINUTE);
    const server = liveSearchServer(newestFirst([later!, ...existing]));
    const one = zap([updatedContact, performUpdated]);
    await one.turnOn();

    clock.skip(MINUTE);
    const burst = changed(existing, clock.now()); // a bulk edit: one dateUpdated for all
    server.rows = newestFirst([...burst, later!]);
    clock.skip(MINUTE);
    const first = await one.poll();
    clock.skip(MINUTE);
    const late = changed([later!], clock.now());
    server.rows = newestFirst([...late, ...burst]);
    const second = await one.poll();
    clock.skip(MINUTE);
    await one.poll();

    expect(first).toHaveLength(contactsPerPoll(0));
    expect(second[0]!.id).toBe(`${later!.id}:${late[0]!.dateUpdated}`);
    expect(one.fired.sort()).toEqual(
      [...burst, ...late].map((row) => `${row.id}:${row.dateUpdated}`).sort(),
    );
    const before = server.requests;
    await one.poll();
    expect(server.requests - before).toBe(1);
  });

  it(`delivers Tag Added's burst of ${BURST.toLocaleString('en-US')} contacts over consecutive polls, each once, a contact changed again while still unread included`, async () => {
    const clock = fakeClock();
    customFields();
    fakeCursor();
    const tagged = added(50, clock.now() - 60 * MINUTE); // had the tag before the Zap was on
    const others = added(BURST, clock.now() - 60 * MINUTE);
    const server = liveSearchServer(newestFirst(tagged));
    const one = zap([tagAdded, performTagAdded], { tag: 'vip' });
    await one.turnOn();

    clock.skip(MINUTE);
    const burst = newestFirst(changed(others, clock.now())); // all get the tag at once
    server.rows = newestFirst([...burst, ...tagged]);
    clock.skip(MINUTE);
    const first = await one.poll();
    // The last of the burst, unread by the first poll, changes again: it moves to the top.
    const pending = burst[burst.length - 1]!;
    expect(first.map((result) => result.contactId)).not.toContain(pending.id);
    clock.skip(MINUTE);
    const again = changed([pending], clock.now());
    server.rows = newestFirst([...again, ...burst.slice(0, -1), ...tagged]);
    const second = await one.poll();
    clock.skip(MINUTE);
    await one.poll();

    expect(first).toHaveLength(contactsPerPoll(0));
    expect(second[0]!.contactId).toBe(pending.id);
    expect(one.fired.sort()).toEqual(burst.map((row) => `${row.id}:vip`).sort());
    const before = server.requests;
    await one.poll();
    expect(server.requests - before).toBe(1);
  });

  it('fires none of the contacts a turn-on had no budget to read, though they share a date with its newest contact and that contact changes', async () => {
    const clock = fakeClock();
    customFields();
    fakeCursor();
    // One bulk edit dated them all alike, more than turning on can read (20 pages of 500).
    const edited = newestFirst(
      changed(added(BURST, clock.now() - 60 * MINUTE), clock.now() - 5 * MINUTE),
    );
    const server = liveSearchServer(edited);
    const one = zap([updatedContact, performUpdated]);
    const recorded = await one.turnOn();
    expect(recorded.length).toBeLessThan(BURST);

    clock.skip(MINUTE);
    const [newest, ...rest] = edited;
    const again = changed([newest!], clock.now());
    server.rows = newestFirst([...again, ...rest]);
    await one.poll();
    await one.poll();

    expect(one.fired).toEqual([`${newest!.id}:${again[0]!.dateUpdated}`]);
  });

  it('delivers the whole burst to each of two Zaps on the same connection and filters', async () => {
    const clock = fakeClock();
    customFields();
    fakeCursor();
    const server = liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const [a, b] = [zap(), zap()];
    await a.turnOn();
    await b.turnOn();

    const burst = added(BURST, clock.now() + 1);
    clock.skip(MINUTE);
    server.rows = newestFirst([...burst, ...server.rows]);
    // Their polls interleave, as Zapier runs them independently.
    for (let i = 0; i < 3; i += 1) {
      await a.poll();
      clock.skip(MINUTE);
      await b.poll();
      await b.poll();
    }

    const expected = burst.map((row) => row.id).sort();
    expect([...a.fired].sort()).toEqual(expected);
    expect([...b.fired].sort()).toEqual(expected);
  });

  it('is not moved on by an editor test, and loses nothing to a poll that fails, at its first page or half way', async () => {
    const clock = fakeClock();
    customFields();
    const cursor = fakeCursor();
    const server = liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const one = zap();
    await one.turnOn();
    const burst = added(BURST, clock.now() + 1);
    server.rows = newestFirst([...burst, ...server.rows]);
    clock.skip(MINUTE);
    await one.poll();
    const stored = [...cursor.stored.values()];

    // An editor test reads the first page and touches no progress.
    const setsBefore = cursor.calls.filter((c) => c.method === 'set_cursor').length;
    const sample = await one.editorTest();
    expect(sample).toHaveLength(100);
    expect(cursor.calls.filter((c) => c.method === 'set_cursor')).toHaveLength(setsBefore);
    // A poll whose first request fails stores nothing.
    server.failing.add(server.requests + 1);
    await expect(one.poll()).rejects.toThrow();
    expect([...cursor.stored.values()]).toEqual(stored);
    // A poll whose third page fails returns what it read, and carries the rest over.
    clock.skip(MINUTE);
    server.failing.add(server.requests + 3);
    expect(await one.poll()).toHaveLength(500); // the head (nothing new), one page of the gap
    clock.skip(MINUTE);
    await one.poll();
    await one.poll();

    expect([...one.fired].sort()).toEqual(burst.map((row) => row.id).sort());
  });

  it('starts afresh when the Zap is turned off and on: what existed then never fires', async () => {
    const clock = fakeClock();
    customFields();
    fakeCursor();
    const server = liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const one = zap();
    await one.turnOn();
    const burst = added(BURST, clock.now() + 1);
    server.rows = newestFirst([...burst, ...server.rows]);
    clock.skip(MINUTE);
    await one.poll(); // part of the burst fires

    clock.skip(60 * MINUTE);
    await one.turnOn(); // Zapier cleared the Zap's dedupe: the rest of the burst existed before
    const firedBefore = one.fired.length;
    clock.skip(MINUTE);
    const later = added(3, clock.now());
    server.rows = newestFirst([...later, ...server.rows]);
    await one.poll();
    await one.poll();

    expect(one.fired.slice(firedBefore).sort()).toEqual(later.map((row) => row.id).sort());
  });

  it(`reads back ${LOOKBACK_MS / MINUTE} minutes when the cursor store lost the Zap's progress, and pages on from there`, async () => {
    const clock = fakeClock();
    customFields();
    const cursor = fakeCursor();
    const server = liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const one = zap();
    await one.turnOn();
    const burst = added(BURST, clock.now() + 1);
    server.rows = newestFirst([...burst, ...server.rows]);
    clock.skip(MINUTE);
    await one.poll();

    cursor.stored.clear(); // the store lost it (it keeps a value about an hour)
    clock.skip(MINUTE);
    const requestsBefore = server.requests;
    await one.poll();
    await one.poll();

    expect(server.requests - requestsBefore).toBeLessThanOrEqual(2 * MAX_REQUESTS_PER_POLL);
    expect([...one.fired].sort()).toEqual(burst.map((row) => row.id).sort());
  });

  it("says in the Zap's log when a poll finds no stored progress and reads back the look-back window, and only then", async () => {
    const clock = fakeClock();
    customFields();
    const cursor = fakeCursor();
    liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const one = zap();
    const log = jest.mocked(console.log);
    const fallbacks = () =>
      log.mock.calls.filter(([line]) =>
        /No polling progress is stored for this Zap .*: this poll reads back 30 minutes/.test(
          String(line),
        ),
      ).length;

    await one.turnOn();
    clock.skip(MINUTE);
    await one.editorTest();
    await one.poll();
    expect(fallbacks()).toBe(0);

    cursor.stored.clear(); // the store lost it
    clock.skip(MINUTE);
    await one.poll();
    expect(fallbacks()).toBe(1);
    clock.skip(MINUTE);
    await one.poll(); // the progress is stored again
    await one.editorTest();
    await one.turnOn();
    expect(fallbacks()).toBe(1);
  });

  it('writes no cursor for a quiet poll, and writes again once something new was read', async () => {
    const clock = fakeClock();
    customFields();
    const cursor = fakeCursor();
    const server = liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const one = zap();
    const sets = () => cursor.calls.filter((c) => c.method === 'set_cursor').length;
    await one.turnOn();
    expect(sets()).toBe(1); // turning on always starts a fresh memory

    clock.skip(MINUTE);
    const stored = [...cursor.stored.values()];
    expect(await one.poll()).toEqual([]);
    expect(sets()).toBe(1);
    expect([...cursor.stored.values()]).toEqual(stored);

    const later = added(3, clock.now());
    server.rows = newestFirst([...later, ...server.rows]);
    clock.skip(MINUTE);
    await one.poll();
    expect(sets()).toBe(2);
    clock.skip(MINUTE);
    await one.poll();
    expect(sets()).toBe(2);
    expect([...one.fired].sort()).toEqual(later.map((row) => row.id).sort());
  });

  it('keeps writing while a burst is carried over, until its last gap is read', async () => {
    const clock = fakeClock();
    customFields();
    const cursor = fakeCursor();
    const server = liveSearchServer(added(10, clock.now() - 60 * MINUTE));
    const one = zap();
    await one.turnOn();
    const burst = added(BURST, clock.now() + 1);
    server.rows = newestFirst([...burst, ...server.rows]);
    const sets = () => cursor.calls.filter((c) => c.method === 'set_cursor').length;
    clock.skip(MINUTE);
    await one.poll(); // cut: a gap is left
    clock.skip(MINUTE);
    const before = sets();
    await one.poll(); // reads the gap to its end: nothing new at the head, but the gap closes
    expect(sets()).toBe(before + 1);
    expect(JSON.parse([...cursor.stored.values()][0]!).state.gaps).toEqual([]);
    clock.skip(MINUTE);
    await one.poll(); // now quiet
    expect(sets()).toBe(before + 1);
    expect([...one.fired].sort()).toEqual(burst.map((row) => row.id).sort());
  });

  it("asks for the Zap's memory while the first page is still unanswered", async () => {
    customFields();
    const cursor = fakeCursor();
    const memoryAsked = () => cursor.calls.some((c) => c.method === 'get_cursor');
    let memoryAskedFirst: boolean | undefined;
    // The search answers only once the memory was asked for (or gives up): a poll that asked for
    // its memory only after the first page had answered fails here.
    highLevel()
      .post('/contacts/search')
      .reply(async () => {
        for (let i = 0; i < 200 && !memoryAsked(); i += 1) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        memoryAskedFirst = memoryAsked();
        return [200, { contacts: [], total: 0 }];
      });
    const tester = testerFor('triggers', newContact);
    expect(await tester(perform, bundleWith({}, {}))).toEqual([]);
    expect(memoryAskedFirst).toBe(true);
    expect(cursor.calls.map((c) => c.method)).toEqual(['get_cursor', 'set_cursor']);
  });
});
