// Property: whatever the bursts, updates, page times, poll timings, editor tests, failures, Zaps
// turned off and on, and memories the store loses or lets expire, each Zap fires every change
// made while it was on (Zapier's dedupe then lets each through once), nothing that existed when
// it was turned on, and no poll returns a contact that the memory it started from says was read
// already (lib/polling/carryOn.ts, invariant 1 and "what lies beyond is not returned").
//
// It drives the production poll, searchRecentContacts (isZapPoll, the turn-on's fresh memory,
// isQuiet, the poll budget and its cut on a failed later page), through a thin fake `z`:
// HighLevel's search over an in-memory list, a z.cursor that forgets a value an hour after its
// last write, and a clock that each page moves on by its page time. Pages are scaled down (10,
// then 50) so that thousands of polls stay fast; the request cap and time budget are the real ones.
import fc from 'fast-check';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { TIME_BUDGET_MS } from '../../../lib/polling/budget';
import { MAX_GAPS, type CarryState, type Gap } from '../../../lib/polling/carryOn';
import { searchRecentContacts } from '../../../lib/polling/contacts';
import {
  contactList,
  cursorStore,
  dedupe,
  newestFirst,
  searchOver,
  type Clock,
  type Listed,
} from './carryOnModel';

jest.mock('../../../lib/polling/budget', () => ({
  ...jest.requireActual('../../../lib/polling/budget'),
  FIRST_PAGE_SIZE: 10,
  BURST_PAGE_SIZE: 50,
}));

const MINUTE = 60_000;
const NO_MEMORY = /No polling progress is stored for this Zap.*, to (\S+)\.$/;

/** A page time: from loopback to slow enough that a poll affords only two pages. */
const pageMs = fc.integer({ min: 0, max: TIME_BUDGET_MS / 2 });

type Step =
  | { kind: 'burst'; count: number }
  | { kind: 'update'; count: number; seed: number; newest: boolean }
  | { kind: 'poll'; zap: number; pageMs: number; failAtPage?: number; failAfter: boolean }
  | { kind: 'editor'; zap: number; page: number }
  | { kind: 'restart'; zap: number; pageMs: number }
  | { kind: 'wait'; minutes: number; pageMs: number; failAtPage?: number }
  | { kind: 'lose'; zap: number }
  | { kind: 'quietHour'; pageMs: number };

const zapIndex = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('burst' as const), count: fc.integer({ min: 0, max: 600 }) }),
  fc.record({
    kind: fc.constant('update' as const),
    count: fc.integer({ min: 0, max: 80 }),
    seed: fc.nat(),
    // The newest contacts, those a Zap's memory points at, are the likeliest to change next.
    newest: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('poll' as const),
    zap: zapIndex,
    pageMs,
    failAtPage: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    failAfter: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('editor' as const),
    zap: zapIndex,
    page: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({ kind: fc.constant('restart' as const), zap: zapIndex, pageMs }),
  fc.record({
    kind: fc.constant('wait' as const),
    minutes: fc.integer({ min: 1, max: 15 }),
    pageMs,
    // A later page's failure cuts the poll (budget.next), which still stores its progress.
    failAtPage: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('lose' as const), zap: zapIndex }),
  fc.record({ kind: fc.constant('quietHour' as const), pageMs }),
);

const eventOf = (id: string, time: number) => `${id}@${time}`;
const timeOfEvent = (event: string) => Number(event.split('@')[1]);

type Zap = {
  store: ReturnType<typeof cursorStore>;
  dedupe: ReturnType<typeof dedupe>;
  /** When it was last turned on; what fired since. */
  on: number;
  fired: string[];
  /**
   * The oldest look-back window start after the store lost the memory: what existed when the Zap
   * was turned on but that poll could not record may fire from there on.
   */
  reReadFrom: number;
  /** The store lost the memory and no poll has stored one since. */
  lost: boolean;
  /** Changes dated before this may be lost (invariant 5): the look-back after a loss. */
  mayLoseBefore: number;
};

/** Cases the runs went through, to show that the property exercises them. */
const seen = {
  cutByFailedPage: 0,
  failedFirstPage: 0,
  carriedOver: 0,
  noMemoryAfterLoss: 0,
  noMemoryAfterExpiry: 0,
  editorTests: 0,
  quietPolls: 0,
};

describe('carrying polls on (property)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('fires every change made while a Zap is on, nothing older, and never re-reads what its memory read past', async () => {
    const clock: Clock = { now: 0 };
    jest.spyOn(Date, 'now').mockImplementation(() => clock.now);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 200 }),
        fc.array(step, { maxLength: 40 }),
        async (existing, steps) => {
          clock.now = Date.UTC(2026, 0, 1);
          const list = contactList();
          // Existing contacts, up to two hours old (some outside the look-back window).
          for (let i = 0; i < existing; i += 1)
            list.add(1, clock.now - (i * 2 * 60 * MINUTE) / 200);

          /** Whether `row` lies above `boundary` (the range's end), as the design reads ranges. */
          const above = (row: Listed, { until, untilId }: Pick<Gap, 'until' | 'untilId'>) =>
            row.time > until ||
            (row.time === until &&
              (untilId === undefined || row.id < untilId || list.timeOf(untilId) !== until));
          /** Whether the memory says `row` is still to be read: above its top, or in a gap. */
          const unread = (row: Listed, memory: CarryState) =>
            !memory.top ||
            (memory.top.turnedOn
              ? row.time > memory.top.time // what shared its date existed when the Zap was turned on
              : above(row, { until: memory.top.time, untilId: memory.top.id })) ||
            memory.gaps.some(
              (gap) =>
                (!gap.after ||
                  newestFirst(row, { time: gap.after[0] as number, id: gap.after[1] as string }) >
                    0) &&
                above(row, gap),
            );

          type Run = {
            turningOn?: boolean;
            editorPage?: number;
            pageMs: number;
            failAtPage?: number;
            failAfter?: boolean;
          };
          /** One run of the trigger for `zap`: the rows it returned, or undefined if it failed. */
          const run = async (zap: Zap, how: Run) => {
            const logs: string[] = [];
            zap.store.loaded = undefined;
            const z = {
              request: searchOver(list, clock, how.pageMs, how.failAtPage),
              cursor: zap.store,
              console: { log: (line: string) => logs.push(line) },
            } as unknown as ZObject;
            const meta =
              how.editorPage !== undefined
                ? { isLoadingSample: true, page: how.editorPage }
                : { isPopulatingDedupe: how.turningOn === true };
            const bundle = {
              authData: { locationId: 'location1' },
              inputData: {},
              meta,
            } as unknown as Bundle;
            const zapPoll = how.editorPage === undefined && !how.turningOn;
            try {
              const read = await searchRecentContacts(z, bundle, { sortField: 'dateUpdated' });
              // The fallback to the look-back window is named in the Zap's log, and only then.
              const noMemory = logs.find((line) => NO_MEMORY.test(line));
              expect(Boolean(noMemory)).toBe(zapPoll && zap.store.loaded === undefined);
              if (noMemory) {
                if (zap.lost) {
                  seen.noMemoryAfterLoss += 1;
                  const windowStart = Date.parse(NO_MEMORY.exec(noMemory)![1]!);
                  zap.mayLoseBefore = Math.max(zap.mayLoseBefore, windowStart);
                  zap.reReadFrom = Math.min(zap.reReadFrom, windowStart);
                } else seen.noMemoryAfterExpiry += 1;
              }
              const rows = read.contacts.map((c) => ({
                id: c.id,
                time: Date.parse(String(c.dateUpdated)),
              }));
              if (zapPoll && zap.store.loaded !== undefined) {
                const memory = JSON.parse(zap.store.loaded).state as CarryState;
                expect(rows.filter((row) => !unread(row, memory))).toEqual([]);
              }
              if (how.failAfter) throw new Error('the poll failed after reading');
              const writes = zap.store.writes;
              await read.commit();
              if (zapPoll && zap.store.writes === writes) seen.quietPolls += 1;
              if (logs.some((line) => /a page failed/.test(line))) seen.cutByFailedPage += 1;
              if (logs.some((line) => /are no longer read/.test(line)))
                throw new Error(`more than ${MAX_GAPS} gaps`);
              if (zap.store.current() !== undefined) zap.lost = false;
              if (
                zapPoll &&
                JSON.parse(zap.store.current() ?? '{"state":{"gaps":[]}}').state.gaps.length > 0
              )
                seen.carriedOver += 1;
              return rows;
            } catch (error) {
              if (error instanceof Error && error.message === 'HighLevel answered 503')
                seen.failedFirstPage += 1;
              else if (!(error instanceof Error && /failed after reading/.test(error.message)))
                throw error;
              return undefined; // a failed poll stores nothing and delivers nothing
            }
          };
          const turnOn = async (zap: Zap, pageMs: number) => {
            clock.now += 1;
            Object.assign(zap, {
              on: clock.now,
              fired: [],
              reReadFrom: Infinity,
              lost: false,
              mayLoseBefore: -Infinity,
            });
            zap.dedupe.clear(); // Zapier clears the Zap's dedupe, then records what this returns
            const read = await run(zap, { turningOn: true, pageMs });
            zap.dedupe.fire(read!.map((row) => eventOf(row.id, row.time)));
            clock.now += 1;
          };
          const poll = async (zap: Zap, how: Run) => {
            const read = await run(zap, how);
            if (!read) return;
            const fired = zap.dedupe.fire(read.map((row) => eventOf(row.id, row.time)));
            zap.fired.push(...fired);
          };
          /** Time passes; Zapier polls every Zap at its interval (at most 15 minutes). */
          const wait = async (minutes: number, pageMs: number, failAtPage?: number) => {
            clock.now += minutes * MINUTE;
            for (const zap of zaps) await poll(zap, { pageMs, failAtPage });
          };

          const zaps: Zap[] = [0, 1].map(() => ({
            store: cursorStore(clock),
            dedupe: dedupe(),
            on: 0,
            fired: [],
            reReadFrom: Infinity,
            lost: false,
            mayLoseBefore: -Infinity,
          }));
          for (const zap of zaps) await turnOn(zap, 0);
          let bursts = 0;
          for (const s of steps) {
            if (s.kind === 'burst' && bursts < MAX_GAPS / 2) {
              bursts += 1;
              list.add(s.count, clock.now); // one date for the whole burst
              clock.now += 1;
            } else if (s.kind === 'update') {
              const ids = s.newest ? list.page(s.count).map((row) => row.id) : list.ids();
              for (let i = 0; i < s.count && ids.length > 0; i += 1) {
                list.touch(
                  ids[s.newest ? i % ids.length : (s.seed + i * 7919) % ids.length]!,
                  clock.now,
                );
              }
              clock.now += 1;
            } else if (s.kind === 'poll') {
              await poll(zaps[s.zap]!, s);
            } else if (s.kind === 'editor') {
              // An editor test or "load more" never moves the Zap's memory.
              const zap = zaps[s.zap]!;
              const [before, writes] = [zap.store.current(), zap.store.writes];
              await run(zap, { editorPage: s.page, pageMs: 0 });
              expect([zap.store.current(), zap.store.writes]).toEqual([before, writes]);
              seen.editorTests += 1;
            } else if (s.kind === 'restart') {
              await turnOn(zaps[s.zap]!, s.pageMs);
            } else if (s.kind === 'wait') {
              await wait(s.minutes, s.pageMs, s.failAtPage);
            } else if (s.kind === 'lose') {
              zaps[s.zap]!.store.lose();
              zaps[s.zap]!.lost = true;
            } else if (s.kind === 'quietHour') {
              // Quiet polls write nothing, so the stored memory expires an hour after the last write.
              for (let i = 0; i < 6; i += 1) await wait(14, s.pageMs);
            }
          }
          // Then polls as Zapier keeps making them, until each Zap has caught up.
          for (const zap of zaps) {
            const gaps = () =>
              (JSON.parse(zap.store.current() ?? '{"state":{"gaps":[]}}').state as CarryState).gaps;
            await poll(zap, { pageMs: 0 });
            for (let i = 0; i < 200 && gaps().length > 0; i += 1) await poll(zap, { pageMs: 0 });
          }
          for (const zap of zaps) {
            // Every change made while the Zap was on fires (once: Zapier's dedupe), but what the
            // look-back after a lost memory could no longer reach.
            const fired = new Set(zap.fired);
            const missed = list
              .ids()
              .filter((id) => list.timeOf(id) > zap.on && list.timeOf(id) >= zap.mayLoseBefore)
              .map((id) => eventOf(id, list.timeOf(id)))
              .filter((event) => !fired.has(event));
            expect(missed).toEqual([]);
            // Nothing that existed when the Zap was turned on fires, but within such a look-back.
            const stale = zap.fired.filter(
              (event) => timeOfEvent(event) < zap.on && timeOfEvent(event) < zap.reReadFrom,
            );
            expect(stale).toEqual([]);
          }
        },
      ),
      {
        numRuns: 300,
        examples: [
          // Found by this property: a turn-on cut by its budget, then its newest contact changed
          // (lib/polling/carryOn.ts, invariant 4).
          [
            9,
            [
              { kind: 'burst', count: 143 },
              { kind: 'restart', zap: 0, pageMs: 9501 },
              { kind: 'update', count: 32, seed: 0, newest: false },
            ],
          ],
        ],
      },
    );
    // The runs went through every case the property is about.
    for (const [name, count] of Object.entries(seen))
      expect([name, count > 0]).toEqual([name, true]);
  });
});
