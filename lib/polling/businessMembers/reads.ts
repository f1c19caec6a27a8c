// How a poll of New Contact in Business reads GET /contacts/business/{businessId} against the
// list's remembered shape (./shape.ts): only the end where members join, from the member
// remembered there, so a quiet poll is one request whatever the business size; a burst bigger
// than one poll's budget is carried over (the shape moves to the furthest member read); when the
// count does not add up (someone joined mid-list, or the remembered member left) the whole list
// is read, newest end first. The order of the list is not documented (the sandbox lists oldest
// first), so the end is guessed from dateAdded, then learnt from where members do join.
import type { ZObject } from 'zapier-platform-core';
import { MEMBER_PAGE_SIZE as PAGE_SIZE } from '../budget';
import type { MemberPages } from './pages';
import { learnNewestEnd, newestEndOf, type ListShape, type NewestEnd } from './shape';
import type { Contact } from '../../contacts/shape';

/**
 * How far from where the count says it should be a poll still finds the remembered member (it
 * reads the page around that place): room for that many members to leave, or join elsewhere,
 * between polls without a whole-list read.
 */
export const OVERLAP = 50;

/**
 * What reading on from the member remembered at one end found: `joined` members beyond it, the
 * ones read in `members`, the furthest `edgeId`. `complete` when that is the end of the list;
 * otherwise the poll budget cut the read, `edgeCount` is the count as of the edge (for the next
 * poll's shape) and `left` how many members lie beyond it. `unexplained`: how much more the count
 * grew than the remembered member's new place explains (members who joined elsewhere).
 */
type EndRead = {
  joined: number;
  members: Contact[];
  edgeId: string;
  complete: boolean;
  edgeCount: number;
  left: number;
  unexplained: number;
};
/** 'lost': the remembered member is not where it should be (it left, or too much moved). */
type Watch = EndRead | 'lost';

/**
 * Members who joined at the start: those before the remembered first member. While fewer than a
 * page joined it is on page 0. After a burst it is looked for where the count says, and the pages
 * before it are read back towards the start, so that a cut leaves the newest part unread.
 */
async function watchStart(list: MemberPages, shape: ListShape): Promise<Watch> {
  // Never undefined: page 0 is a poll's first request when the start is watched, and the budget
  // does not cut a first request (it fails the poll instead).
  const first = await list.at(0);
  if (!first) return 'lost';
  const count = list.count();
  const wholeOnFirstPage = first.length < PAGE_SIZE || (count ?? Infinity) <= PAGE_SIZE;
  // A list that had no members counts as if its first member stood just past the end.
  const index =
    shape.count > 0 ? first.findIndex(isId(shape.firstId)) : wholeOnFirstPage ? first.length : -1;
  if (index >= 0) return startRead(list, 0, index, true, count ?? first.length, 0);
  if (wholeOnFirstPage || count === undefined) return 'lost';

  const found = await locateFirst(list, shape, count);
  if (found === 'lost') return 'lost';
  if (found === 'cut') return stalled(shape.firstId, shape.count, count - shape.count);
  const { position } = found;
  const unexplained = shape.count === 0 ? 0 : count - shape.count - position;
  let { skip } = found;
  while (skip > PAGE_SIZE) {
    const previous = Math.max(PAGE_SIZE, skip - PAGE_SIZE);
    if (!(await list.at(previous))?.length) {
      return startRead(list, skip, position, false, count, unexplained);
    }
    skip = previous;
  }
  return startRead(list, 0, position, true, count, unexplained);
}

/** The skip of the page that holds `position`, on page 0's grid. */
const pageAt = (position: number) => Math.floor(position / PAGE_SIZE) * PAGE_SIZE;

/**
 * The remembered first member beyond page 0, and the page read that holds it: where it is if
 * everyone who joined did so at the start, give or take. Pages are read on page 0's grid, so
 * that the walk back to page 0 reads each member once: the page of that place, then the
 * neighbouring page nearer to it, which leaves at least half a page (OVERLAP) of room either side.
 * A list that had no members: its last page, with the "first member" just past the end.
 */
async function locateFirst(
  list: MemberPages,
  shape: ListShape,
  count: number,
): Promise<{ skip: number; position: number } | 'lost' | 'cut'> {
  if (shape.count === 0) {
    const skip = pageAt(count - 1);
    return (await list.at(skip)) ? { skip, position: count } : 'cut';
  }
  const expected = count - shape.count;
  const near = Math.max(PAGE_SIZE, pageAt(expected));
  const neighbour = expected - near < PAGE_SIZE / 2 ? near - PAGE_SIZE : near + PAGE_SIZE;
  for (const skip of [near, neighbour].filter((candidate) => candidate >= PAGE_SIZE)) {
    const rows = await list.at(skip);
    if (!rows) return 'cut';
    const at = rows.findIndex(isId(shape.firstId));
    if (at >= 0) return { skip, position: skip + at };
  }
  return 'lost';
}

/** What the start read found: from position `edge` (the newest read) to the remembered member. */
const startRead = (
  list: MemberPages,
  edge: number,
  remembered: number,
  complete: boolean,
  count: number,
  unexplained: number,
): EndRead => ({
  joined: remembered - edge,
  members: list.between(edge, remembered),
  edgeId: list.memberAt(edge)?.id ?? '',
  complete,
  edgeCount: count - edge,
  left: edge,
  unexplained,
});

/**
 * Members who joined at the end: those after the remembered last member, which only members
 * joining before it move (`joinedAtStart` of them joined at the start in this poll). Read forward
 * to the end; a cut leaves the newest part unread. A list that had no members counts as if its
 * last member stood just before the first.
 */
async function watchEnd(
  list: MemberPages,
  shape: ListShape,
  joinedAtStart: number,
): Promise<Watch> {
  const expected = shape.count - 1 + joinedAtStart;
  // A small list is read whole; in a longer one the remembered member is near where it was.
  let skip = expected < PAGE_SIZE ? 0 : expected + 1 - OVERLAP;
  const around = await list.at(skip);
  if (!around) {
    const edgeCount = shape.count + joinedAtStart;
    return stalled(shape.lastId, edgeCount, (list.count() ?? edgeCount) - edgeCount);
  }
  const index = shape.count === 0 ? -1 : around.findIndex(isId(shape.lastId));
  if (shape.count > 0 && index < 0) return 'lost';
  const position = skip + index;
  let rows = around;
  const read = (complete: boolean): EndRead => {
    const edge = skip + rows.length - 1;
    return {
      joined: edge - position,
      members: list.between(position + 1, edge + 1),
      edgeId: list.memberAt(edge)?.id ?? shape.lastId,
      complete,
      edgeCount: edge + 1,
      left: complete ? 0 : Math.max(0, (list.count() ?? 0) - edge - 1),
      unexplained: position - expected,
    };
  };
  while (rows.length === PAGE_SIZE && skip + PAGE_SIZE < (list.count() ?? Infinity)) {
    const next = await list.at(skip + PAGE_SIZE);
    if (!next) return read(false);
    if (next.length === 0) break;
    skip += PAGE_SIZE;
    rows = next;
  }
  return read(true);
}

const isId = (id: string) => (row: Contact) => row.id === id;

/** A read the budget cut before it found the remembered member: nothing moves. */
const stalled = (edgeId: string, edgeCount: number, left: number): EndRead => ({
  joined: 0,
  members: [],
  edgeId,
  complete: false,
  edgeCount,
  left,
  unexplained: 0,
});

export type Read = {
  /** What the next poll starts from; undefined: the one remembered stays. */
  shape?: ListShape;
  /** Those who joined; after a whole-list read, every member read. */
  members: Contact[];
  /** Set when the budget cut a burst: members returned by this poll, and those still to come. */
  burst?: { returned: number; left: number };
};
type Reread = { reread: string };

const GONE = 'the member remembered at an end of the list is no longer there';

/** A burst the budget cut: the shape moves its end to the furthest member read. */
const carryOn = (
  shape: ListShape,
  cut: EndRead,
  ends: Pick<ListShape, 'firstId' | 'lastId' | 'newestEnd'>,
  members: Contact[],
): Read => {
  const reread =
    shape.reread ??
    (cut.unexplained > 0
      ? `the member count grew by ${cut.unexplained} more than the members who joined at the end watched`
      : undefined);
  return {
    shape: { count: cut.edgeCount, ...ends, ...(reread ? { reread } : {}) },
    members,
    burst: { returned: members.length, left: cut.left },
  };
};

/**
 * The steady state: reads the watched end(s), the start first (its first page tells the count).
 * `reread` says why only reading the whole list can tell who joined.
 */
async function readSinceLastPoll(list: MemberPages, shape: ListShape): Promise<Read | Reread> {
  if (shape.count === 0) return readAllAsNew(list, shape);
  const start = shape.newestEnd === 'end' ? undefined : await watchStart(list, shape);
  if (start === 'lost') return { reread: GONE };
  if (start && !start.complete) {
    const ends = { newestEnd: shape.newestEnd, firstId: start.edgeId, lastId: shape.lastId };
    return carryOn(shape, start, ends, start.members);
  }
  const end =
    shape.newestEnd === 'start' ? undefined : await watchEnd(list, shape, start?.joined ?? 0);
  if (end === 'lost') return { reread: GONE };
  const members = [...(start?.members ?? []), ...(end?.members ?? [])];
  if (end && !end.complete) {
    const firstId = start?.edgeId ?? shape.firstId;
    const ends = { newestEnd: shape.newestEnd, firstId, lastId: end.edgeId };
    return carryOn(shape, end, ends, members);
  }
  if (shape.reread) return { reread: shape.reread };
  const joined = (start?.joined ?? 0) + (end?.joined ?? 0);
  const count = list.count() ?? shape.count;
  if (count - shape.count > joined) {
    return {
      reread: `the member count grew by ${count - shape.count} since the last poll, but ${joined} joined at the end watched`,
    };
  }
  return {
    shape: {
      count,
      newestEnd: learnNewestEnd(shape.newestEnd, start?.joined ?? 0, end?.joined ?? 0),
      firstId: start?.edgeId ?? shape.firstId,
      lastId: end?.edgeId ?? shape.lastId,
    },
    members,
  };
}

/**
 * A business that had no members at the last poll: every member is new, and a bulk assignment can
 * bring thousands at once. They are read like a burst at the end the first page's dates point to
 * (forward when they cannot tell).
 */
async function readAllAsNew(list: MemberPages, shape: ListShape): Promise<Read> {
  const first = (await list.at(0)) ?? [];
  const newestEnd = shape.newestEnd === 'either' ? newestEndOf(first) : shape.newestEnd;
  const fromStart = newestEnd === 'start';
  const read = fromStart ? await watchStart(list, shape) : await watchEnd(list, shape, 0);
  if (read === 'lost') return { members: list.members() };
  const count = list.count() ?? read.edgeCount;
  const firstId = fromStart ? read.edgeId : (list.memberAt(0)?.id ?? '');
  const lastId = fromStart ? (list.memberAt(count - 1)?.id ?? '') : read.edgeId;
  if (!read.complete) return carryOn(shape, read, { newestEnd, firstId, lastId }, read.members);
  return { shape: { count, newestEnd, firstId, lastId }, members: read.members };
}

/**
 * Skips of the pages after the first: the last page (so that the shape knows both ends), then
 * the rest from the newest end on, so that what the budget cuts is the oldest.
 */
const pageOrder = (count: number, newestEnd: NewestEnd): number[] => {
  const later = Array.from(
    { length: Math.max(0, Math.ceil(count / PAGE_SIZE) - 1) },
    (_, i) => (i + 1) * PAGE_SIZE,
  );
  const last = later.pop();
  if (last === undefined) return [];
  return [last, ...(newestEnd === 'end' ? later.reverse() : later)];
};

/**
 * Every member, newest end first, within the poll budget. `newestEnd` is what the caller knows;
 * without it the first page's dates guess it. What the budget cuts is not read again later: this
 * is the fallback when the ends cannot tell who joined, and Zapier's turn-on.
 */
export async function readWholeList(list: MemberPages, newestEnd?: NewestEnd): Promise<Read> {
  const first = await list.at(0);
  const count = list.count();
  if (!first || count === undefined) {
    // HighLevel did not say how many: read on until a short page, and remember nothing.
    for (let skip = PAGE_SIZE, rows = first; rows?.length === PAGE_SIZE; skip += PAGE_SIZE) {
      rows = await list.at(skip);
    }
    return { members: list.members() };
  }
  const end = newestEnd ?? newestEndOf(first);
  for (const skip of pageOrder(count, end)) if (!(await list.at(skip))) break;
  const firstId = list.memberAt(0)?.id ?? '';
  const lastId = list.memberAt(count - 1)?.id ?? '';
  const members = list.members();
  // Both ends are read first; only a time budget spent on the first page leaves one unknown.
  if (count > 0 && (!firstId || !lastId)) return { members };
  return { shape: { count, newestEnd: end, firstId, lastId }, members };
}

/**
 * The members the shape logic finds: those who joined since `shape` (undefined: the whole list,
 * as when the Zap is turned on or the memory lapsed), or the whole list when that cannot tell.
 */
export async function readMembers(
  z: ZObject,
  list: MemberPages,
  shape: ListShape | undefined,
): Promise<Read> {
  const read = shape ? await readSinceLastPoll(list, shape) : await readWholeList(list);
  if (!('reread' in read)) return read;
  // A small business was read whole already: nothing to announce, and no further request.
  if (!list.isWhole()) z.console.log(`Reading the whole member list: ${read.reread}.`);
  return readWholeList(list, 'either');
}

/**
 * The page at the newest end: the one remembered, else the one the first page's dates point to
 * (the last when they cannot tell, as readAllAsNew reads). At most two requests.
 */
export async function newestPage(list: MemberPages, remembered: NewestEnd): Promise<Contact[]> {
  const first = (await list.at(0)) ?? [];
  const count = list.count();
  const newestEnd = remembered === 'either' ? newestEndOf(first) : remembered;
  if (newestEnd === 'start' || count === undefined || count <= first.length) return first;
  return (await list.at(Math.max(0, count - PAGE_SIZE))) ?? first;
}
