// Carrying a contact poll on where the Zap's last poll stopped. Pure: it sees HighLevel through a
// page reader and the Zap's memory as a value, so that its guarantees are unit- and
// property-tested (test/lib/polling/carryOn*.test.ts).
//
// The search lists contacts newest first by one date (dateAdded or dateUpdated) and pages with
// `searchAfter`. A poll reads, within its budget:
// 1. the head: from the newest contact down to where the Zap's last poll started (its `top`), or,
//    with no memory, down to the look-back window's start. What is newest is always read first.
// 2. then the gaps, newest first: ranges that earlier polls were cut off in, each from where
//    reading stopped (a `searchAfter` cursor) down to where the range ends.
// A cut read leaves (or keeps) a gap from its last cursor. The new memory is the head's newest
// contact and the gaps left; the caller stores it only after the poll's results are ready, so
// the poll succeeds with it or fails without it.
//
// Invariants, and why they hold:
// 1. Every contact that ever sits above the window start or a Zap's `top` is, until read, in the
//    head's range or in a gap: the head range ends where the last head began, and a cut turns the
//    unread rest of a range into a gap; ranges only close once read to their end.
// 2. Per Zap: the memory lives in that Zap's z.cursor (lib/polling/zapMemory.ts), so a second Zap
//    on the same connection and filters has its own progress and its own Zapier dedupe.
// 3. A poll that fails, wherever, stores nothing: the next poll starts from the same memory, and
//    re-reads are dropped by Zapier's dedupe. An editor test reads one page and stores nothing.
//    A quiet poll (same top, no gaps before or after) stores nothing either: its memory is the one
//    already stored, and should that expire, invariant 5 applies with nothing carried to lose
//    (lib/polling/contacts.ts, isQuiet).
// 4. Turning a Zap on starts a fresh memory (top = newest, no gaps): Zapier has just cleared the
//    Zap's dedupe, and what exists then must not fire. That poll's budget may leave contacts
//    sharing the newest one's date unread (an import dates thousands alike), so its top ends the
//    next head before that date rather than at that contact, which may have changed by then.
// 5. With no memory (first poll, or the store lost it) the poll reads back LOOKBACK_MS, as before
//    carrying on existed: a burst still being delivered then loses what is older than that, and
//    what existed when the Zap was turned on but that poll's budget did not reach fires if it
//    lies inside that window (the store lost the memory within LOOKBACK_MS of turning on).
// 6. At most MAX_GAPS gaps are kept (one is opened only by a poll whose head was cut, i.e. more
//    than a poll's capacity arrived since the last poll); beyond that the oldest is dropped, logged.
// A range ends at the first contact dated before its boundary, or at the boundary's own contact;
// contacts sharing the boundary's date before that one are read again rather than skipped
// (Zapier's dedupe drops them). What lies beyond is not returned: earlier ranges read it, or it
// existed when the Zap was turned on.

/** A contact as the carry-on logic sees it: its id, its date (NaN: unreadable) and its cursor. */
export type Row = { id: string; time: number; searchAfter?: unknown[] | null };

/** A range earlier polls did not finish: from after `after` (the newest end) down to `until`. */
export type Gap = {
  /** Where reading resumes; undefined: from the newest contact. */
  after?: unknown[];
  /** The range ends at contacts dated before this (epoch ms)… */
  until: number;
  /** …or at this contact, while it still has that date (the last poll's newest contact). */
  untilId?: string;
};

/** What a Zap remembers: the newest contact its last poll read, and the ranges still unread. */
export type CarryState = {
  top?: {
    time: number;
    id: string;
    /**
     * Read as the Zap was turned on: every contact dated at `time` existed then, whether or not
     * that poll's budget reached it, so none is read again even once this contact changed.
     */
    turnedOn?: true;
  };
  gaps: Gap[];
};

/** The next page of up to `limit` rows after `after`, or undefined when the budget is spent. */
export type ReadPage = (limit: number, after?: unknown[]) => Promise<Row[] | undefined>;

export const MAX_GAPS = 20;

export type CarryOptions = {
  /** With no memory, the head reads down to this date (epoch ms): the look-back window. */
  windowStart: number;
  firstPageLimit: number;
  pageLimit: number;
  log: (line: string) => void;
};

type Boundary = Pick<Gap, 'until' | 'untilId'>;

/** Where a page crosses the boundary (the index of its first row beyond it), or -1. */
const crossing = (rows: Row[], { until, untilId }: Boundary): number =>
  rows.findIndex((row) => row.time < until || (row.id === untilId && row.time === until));

const isCursor = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0;

/** Reads from after `after` down to `boundary`; `resume` is set when the read was cut. */
async function readRange(
  read: ReadPage,
  after: unknown[] | undefined,
  boundary: Boundary,
  firstLimit: number,
  pageLimit: number,
  log: (line: string) => void,
): Promise<{ rows: Row[]; cut?: { after?: unknown[] } }> {
  const rows: Row[] = [];
  let limit = firstLimit;
  for (;;) {
    const page = await read(limit, after);
    if (!page) return { rows, cut: { after } };
    // Rows beyond the boundary were read by an earlier range, or existed when the Zap was
    // turned on: they are not this range's to return.
    const beyond = crossing(page, boundary);
    rows.push(...(beyond < 0 ? page : page.slice(0, beyond)));
    if (page.length < limit || beyond >= 0) return { rows };
    const last = page[page.length - 1]!;
    if (!isCursor(last.searchAfter)) {
      // A page that does not say where it ends cannot be trusted to page on from; the next poll
      // resumes from its last contact that has a cursor (the ones after it are read again), or
      // from where this page began.
      log(
        'Stopped paging: HighLevel returned a full page whose last contact has no searchAfter cursor; the next poll carries on from here.',
      );
      const resume = [...page].reverse().find((row) => isCursor(row.searchAfter));
      return { rows, cut: { after: (resume?.searchAfter as unknown[] | undefined) ?? after } };
    }
    after = last.searchAfter;
    limit = pageLimit;
  }
}

/**
 * One poll: the head, then the gaps, within the budget the reader enforces. Returns the rows read
 * (newest first, once each) and the memory for the Zap's next poll.
 */
export async function carryOn(
  read: ReadPage,
  memory: CarryState | undefined,
  { windowStart, firstPageLimit, pageLimit, log }: CarryOptions,
): Promise<{ rows: Row[]; memory: CarryState }> {
  const headBoundary: Boundary = !memory?.top
    ? { until: windowStart }
    : memory.top.turnedOn
      ? { until: memory.top.time + 1 } // dates are whole milliseconds
      : { until: memory.top.time, untilId: memory.top.id };
  const head = await readRange(read, undefined, headBoundary, firstPageLimit, pageLimit, log);
  const newest = head.rows.find((row) => !Number.isNaN(row.time));
  const top = newest ? { time: newest.time, id: newest.id } : memory?.top;
  const older = memory?.gaps ?? [];
  // A gap read from the newest contact down already covers a newer one read the same way.
  const covered = (gap: Gap) => older.some((o) => !o.after && !gap.after && o.until <= gap.until);
  const headGap: Gap | undefined = head.cut ? { ...headBoundary, ...head.cut } : undefined;
  const gaps = [...(headGap && !covered(headGap) ? [headGap] : []), ...older];
  const rows = [...head.rows];

  // The gaps, newest first, while the budget lasts (a cut head has spent it).
  let index = headGap && gaps[0] === headGap ? 1 : 0;
  while (index < gaps.length) {
    const gap = gaps[index]!;
    if (head.cut && !gap.after) {
      index += 1; // it starts where the head was just cut: the next poll tries again
      continue;
    }
    const range = await readRange(read, gap.after, gap, pageLimit, pageLimit, log);
    rows.push(...range.rows);
    if (range.cut) {
      gaps[index] = { ...gap, ...range.cut };
      break;
    }
    gaps.splice(index, 1);
  }
  if (gaps.length > MAX_GAPS) {
    const dropped = gaps.splice(MAX_GAPS);
    log(
      `More than ${MAX_GAPS} bursts bigger than one poll are waiting; the ${dropped.length} oldest (contacts dated before ${new Date(dropped[0]!.until).toISOString()} and after) are no longer read.`,
    );
  }
  const unique = [...new Map(rows.map((row) => [row.id, row] as const)).values()];
  return { rows: unique, memory: { ...(top ? { top } : {}), gaps } };
}

/** A memory read back from the store, if it has the right shape. */
export const asCarryState = (value: unknown): CarryState | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { top, gaps } = value as Partial<CarryState>;
  const topOk =
    top === undefined ||
    (typeof top === 'object' &&
      typeof top.time === 'number' &&
      typeof top.id === 'string' &&
      (top.turnedOn === undefined || top.turnedOn === true));
  const gapsOk =
    Array.isArray(gaps) &&
    gaps.every(
      (gap) =>
        typeof gap === 'object' &&
        gap !== null &&
        typeof gap.until === 'number' &&
        (gap.after === undefined || isCursor(gap.after)) &&
        (gap.untilId === undefined || typeof gap.untilId === 'string'),
    );
  return topOk && gapsOk ? { ...(top ? { top } : {}), gaps: gaps! } : undefined;
};
