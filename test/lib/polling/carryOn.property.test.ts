// Property: whatever the bursts, updates, poll timings, budgets, editor tests, failures and Zaps
// turned off and on, each Zap fires every change made while it was on, once (Zapier's dedupe),
// and nothing that existed when it was turned on. Pages are scaled down (10, then 50) so that
// thousands of runs of the real carry-on logic stay fast.
import fc from 'fast-check';
import { carryOn, MAX_GAPS, type CarryState } from '../../../lib/polling/carryOn';
import { contactList, dedupe } from './carryOnModel';

const MINUTE = 60_000;
const LOOKBACK = 30 * MINUTE;
const FIRST = 10;
const PAGE = 50;

type Step =
  | { kind: 'burst'; count: number }
  | { kind: 'update'; count: number; seed: number }
  | { kind: 'poll'; zap: number; pages: number; failAtPage?: number; failAfter: boolean }
  | { kind: 'editor'; zap: number }
  | { kind: 'restart'; zap: number }
  | { kind: 'wait'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('burst' as const), count: fc.integer({ min: 0, max: 600 }) }),
  fc.record({
    kind: fc.constant('update' as const),
    count: fc.integer({ min: 0, max: 80 }),
    seed: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('poll' as const),
    zap: fc.integer({ min: 0, max: 1 }),
    pages: fc.integer({ min: 1, max: 6 }),
    failAtPage: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    failAfter: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('editor' as const), zap: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('restart' as const), zap: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 15 }) }),
);

const eventOf = (id: string, time: number) => `${id}@${time}`;

type Zap = { memory?: CarryState; dedupe: ReturnType<typeof dedupe>; on: number; fired: string[] };

describe('carrying polls on (property)', () => {
  it('fires every change made while a Zap is on, once, and nothing older', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 200 }),
        fc.array(step, { maxLength: 40 }),
        async (existing, steps) => {
          let now = Date.UTC(2026, 0, 1);
          const list = contactList();
          const log = () => undefined;
          // Existing contacts, up to two hours old (some outside the look-back window).
          for (let i = 0; i < existing; i += 1) list.add(1, now - (i * 2 * 60 * MINUTE) / 200);
          const options = () => ({
            windowStart: now - LOOKBACK,
            firstPageLimit: FIRST,
            pageLimit: PAGE,
            log,
          });
          /** A poll's ids are events (id@date), as Updated Contact's dedupe ids are. */
          const events = (rows: Array<{ id: string; time: number }>) =>
            rows.map((row) => eventOf(row.id, row.time));
          const turnOn = async (zap: Zap) => {
            now += 1;
            zap.dedupe.clear();
            zap.fired = []; // what fires from now on
            zap.on = now;
            const { rows, memory } = await carryOn(list.reader(20), undefined, {
              ...options(),
              firstPageLimit: PAGE,
            });
            zap.dedupe.fire(events(rows));
            zap.memory = { ...(memory.top ? { top: memory.top } : {}), gaps: [] };
            now += 1;
          };
          const poll = async (zap: Zap, pages: number, failAtPage?: number, failAfter = false) => {
            now += 1;
            const read = list.reader(pages, (page) => {
              if (page === failAtPage) throw new Error('HighLevel failed');
            });
            try {
              const { rows, memory } = await carryOn(read, zap.memory, options());
              if (failAfter) throw new Error('the poll failed after reading');
              zap.fired.push(...zap.dedupe.fire(events(rows)));
              zap.memory = memory;
            } catch {
              // A failed poll stores nothing and delivers nothing.
            }
          };
          const zaps: Zap[] = [0, 1].map(() => ({ dedupe: dedupe(), on: 0, fired: [] }));
          for (const zap of zaps) await turnOn(zap);
          let bursts = 0;
          for (const s of steps) {
            if (s.kind === 'burst' && bursts < MAX_GAPS / 2) {
              bursts += 1;
              list.add(s.count, now); // one date for the whole burst
              now += 1;
            } else if (s.kind === 'update') {
              const ids = list.ids();
              for (let i = 0; i < s.count && ids.length > 0; i += 1) {
                list.touch(ids[(s.seed + i * 7919) % ids.length]!, now);
              }
              now += 1;
            } else if (s.kind === 'poll') {
              await poll(zaps[s.zap]!, s.pages, s.failAtPage, s.failAfter);
            } else if (s.kind === 'editor') {
              await list.reader(1)(FIRST); // reads, stores nothing
            } else if (s.kind === 'restart') {
              await turnOn(zaps[s.zap]!);
            } else if (s.kind === 'wait') {
              now += s.minutes * MINUTE;
            }
          }
          // Then polls as Zapier keeps making them, until each Zap has caught up.
          for (const zap of zaps) {
            await poll(zap, 20);
            for (let i = 0; i < 200 && (zap.memory?.gaps.length ?? 0) > 0; i += 1) {
              await poll(zap, 1 + (i % 6));
            }
          }
          for (const zap of zaps) {
            const expected = list
              .ids()
              .filter((id) => list.timeOf(id) > zap.on)
              .map((id) => eventOf(id, list.timeOf(id)));
            const fired = new Set(zap.fired);
            expect(expected.filter((event) => !fired.has(event))).toEqual([]);
            expect(zap.fired.length).toBe(fired.size);
            // Nothing that existed when the Zap was last turned on, unchanged since, fires.
            const stale = zap.fired.filter((event) => Number(event.split('@')[1]) < zap.on);
            expect(stale).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
