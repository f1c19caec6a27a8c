// The members of a business that New Contact in Business returns, from GET
// /contacts/business/{businessId}: skip/limit paging (sent as strings), answers { contacts, count },
// in an order HighLevel does not document (our sandbox lists members oldest first).
//
// Reading every page on every poll would cost a request per 100 members. Instead each Zap
// remembers in z.cache how the list looked at its last poll: how many members, the member at each
// end, and at which end new members appear (guessed from dateAdded, then learnt from where they
// do appear). A poll reads only that end, as far as the member remembered there: one request
// while fewer than OVERLAP members joined, whatever the size of the business. The count keeps the
// guess honest: when it grew by more than the members found at the watched end (someone joined
// elsewhere in the list, or the guess was wrong) or the remembered member is gone, the poll reads
// the whole list, newest end first, within the poll budget (lib/polling.ts), and watches both
// ends until new members show up at one of them. What the count cannot see (one member joining
// mid-list while another leaves) shows up when the memory lapses after a day and the whole list is
// read again: late, but not lost.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { locationIdOf, type HighLevelCall } from './client';
import { contactSchema, type Contact } from './contact';
import { newestFirst, startPollBudget, timeOf, type PollBudget } from './polling';

/** Members per request (sent as the string "100", as the spec types `limit`). */
export const PAGE_SIZE = 100;
/**
 * Members before the remembered last one that a poll of an oldest-first list reads again: room
 * for that many to leave the business between polls, and for PAGE_SIZE - OVERLAP to join, in
 * one request.
 */
export const OVERLAP = 50;
/** A Zap's memory of its business outlives any poll interval; when it lapses, one full read. */
export const SHAPE_CACHE_SECONDS = 24 * 60 * 60;

const responseSchema = zod.looseObject({
  contacts: zod.array(contactSchema).default([]),
  count: zod.number().optional(),
});

/** Where members who joined since the last poll appear in the list. */
export type NewestEnd = 'start' | 'end' | 'either';

/** The list as the Zap's last poll saw it. */
export type ListShape = { count: number; newestEnd: NewestEnd; firstId: string; lastId: string };

/** Where the newest members are, judged by dateAdded along a page: 'either' if it cannot tell. */
export const newestEndOf = (rows: Contact[]): NewestEnd => {
  const times = rows.map((row) => timeOf(row.dateAdded)).filter((time) => !Number.isNaN(time));
  const rising = times.every((time, i) => i === 0 || times[i - 1]! <= time);
  const falling = times.every((time, i) => i === 0 || times[i - 1]! >= time);
  if (rising && !falling) return 'end';
  if (falling && !rising) return 'start';
  return 'either';
};

/** The business's member list, each page read at most once per poll. */
const memberList = (bundle: Bundle, businessId: string, budget: PollBudget) => {
  const locationId = locationIdOf(bundle);
  const pages = new Map<number, Contact[]>();
  let count: number | undefined;
  const call = (skip: number): HighLevelCall => ({
    path: '/contacts/business/{businessId}',
    pathParams: { businessId },
    query: { locationId, limit: String(PAGE_SIZE), skip: String(skip) },
  });
  const members = (): Contact[] => [
    ...new Map([...pages.values()].flat().map((row) => [row.id, row] as const)).values(),
  ];
  return {
    /** Members in the list, as HighLevel last said; undefined if it did not say. */
    count: () => count,
    /** The PAGE_SIZE members from `skip` on; undefined once the poll budget is spent (logged). */
    async at(skip: number): Promise<Contact[] | undefined> {
      const known = pages.get(skip);
      if (known) return known;
      const response =
        pages.size === 0
          ? await budget.first(call(skip), responseSchema)
          : await budget.next(call(skip), responseSchema);
      if (!response) return undefined;
      count = response.count ?? count;
      pages.set(skip, response.contacts);
      return response.contacts;
    },
    /** The page from `skip` on if this poll read it; never a request. */
    read: (skip: number): Contact[] | undefined => pages.get(skip),
    /** Every member read in this poll, once each. */
    members,
    /** Whether this poll has read every member (a small business: its first page). */
    isWhole: () => count !== undefined && members().length >= count,
  };
};
type MemberList = ReturnType<typeof memberList>;

// What watching one end found: how many members joined there and who is at that end now, or
// that the remembered member was not where it should be, or that the poll budget ran out.
type Watch = { joined: number; edgeId: string } | 'lost' | 'cut';

/** Reads from the start up to the remembered first member: those before it joined since. */
async function watchStart(list: MemberList, firstId: string): Promise<Watch> {
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const rows = await list.at(skip);
    if (!rows) return 'cut';
    const index = rows.findIndex((row) => row.id === firstId);
    if (index >= 0) return { joined: skip + index, edgeId: list.read(0)![0]!.id };
    if (rows.length < PAGE_SIZE) return 'lost';
  }
}

/** Reads from just before the remembered last member to the end: those after it joined since. */
async function watchEnd(list: MemberList, { count, lastId }: ListShape): Promise<Watch> {
  // A small list is read whole; in a longer one the remembered member is near where it was.
  let skip = count <= PAGE_SIZE ? 0 : count - OVERLAP;
  let rows = await list.at(skip);
  if (!rows) return 'cut';
  const index = rows.findIndex((row) => row.id === lastId);
  if (index < 0) return 'lost';
  const position = skip + index;
  while (rows.length === PAGE_SIZE && skip + PAGE_SIZE < (list.count() ?? Infinity)) {
    const next = await list.at(skip + PAGE_SIZE);
    if (!next) return 'cut';
    if (next.length === 0) break;
    skip += PAGE_SIZE;
    rows = next;
  }
  return { joined: skip + rows.length - 1 - position, edgeId: rows[rows.length - 1]!.id };
}

/** Once new members have shown up at one end only, the Zap watches just that end. */
const learnNewestEnd = (before: NewestEnd, joinedAtStart: number, joinedAtEnd: number) => {
  if (before !== 'either') return before;
  if (joinedAtStart > 0 && joinedAtEnd === 0) return 'start';
  if (joinedAtEnd > 0 && joinedAtStart === 0) return 'end';
  return 'either';
};

type Read = { shape?: ListShape };

/**
 * The steady state: reads the watched end(s). `shape` is undefined when the budget cut the read
 * (the next poll starts again from the same remembered members); `reread` says why only reading
 * the whole list can tell who joined.
 */
async function readNewestEnd(
  list: MemberList,
  shape: ListShape,
): Promise<Read | { reread: string }> {
  const start = shape.newestEnd === 'end' ? undefined : await watchStart(list, shape.firstId);
  if (start === 'cut') return {};
  const end = shape.newestEnd === 'start' ? undefined : await watchEnd(list, shape);
  if (end === 'cut') return {};
  if (start === 'lost' || end === 'lost') {
    return { reread: 'the member remembered at an end of the list is no longer there' };
  }
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
  };
}

/** Skips of the pages after the first, newest end first: what the budget cuts is the oldest. */
const pageOrder = (count: number, newestEnd: NewestEnd): number[] => {
  const later = Array.from(
    { length: Math.max(0, Math.ceil(count / PAGE_SIZE) - 1) },
    (_, i) => (i + 1) * PAGE_SIZE,
  );
  if (newestEnd === 'start') return later;
  if (newestEnd === 'end') return later.reverse();
  return [...later.slice(-1), ...later.slice(0, -1)]; // both ends first, then the middle
};

/**
 * Every member, newest end first, within the poll budget. `newestEnd` is what the caller knows;
 * without it the first page's dates guess it.
 */
async function readWholeList(list: MemberList, newestEnd?: NewestEnd): Promise<Read> {
  const first = await list.at(0);
  if (!first) return {};
  const count = list.count();
  if (count === undefined) {
    // HighLevel did not say how many: read on until a short page, and remember nothing.
    for (let skip = PAGE_SIZE, rows = first; rows.length === PAGE_SIZE; skip += PAGE_SIZE) {
      const next = await list.at(skip);
      if (!next) break;
      rows = next;
    }
    return {};
  }
  const end = newestEnd ?? newestEndOf(first);
  const skips = pageOrder(count, end);
  for (const skip of skips) if (!(await list.at(skip))) break;
  const lastPage = list.read(Math.max(0, ...skips));
  return {
    shape: {
      count,
      newestEnd: end,
      firstId: first[0]?.id ?? '',
      lastId: lastPage?.[lastPage.length - 1]?.id ?? '',
    },
  };
}

// Scoped to the connection, and to the Zap when Zapier says which: two Zaps watching one business
// must not share what "since the last poll" means (without a Zap id, as in `invoke`, they do). Core's z.cache takes a scope although its
// published type omits it (as in lib/customFields.ts).
type ScopedCache = {
  get(key: string, scope: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttl: number, scope: string[]): Promise<unknown>;
};
const CACHE_SCOPE = ['auth'];
const shapeKey = (bundle: Bundle, businessId: string): string =>
  `businessMembers:${bundle.meta?.zap?.id ?? 'any-zap'}:${locationIdOf(bundle)}:${businessId}`;

const isShape = (value: unknown): value is ListShape =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ListShape).count === 'number' &&
  ['start', 'end', 'either'].includes((value as ListShape).newestEnd);

/**
 * Members of the business, newest dateAdded first: those who joined since the Zap's last poll
 * and the members read alongside them (Zapier's dedupe drops those it has seen). Turning the Zap
 * on reads the whole list, so that no member present then fires later.
 */
export async function businessMembersSinceLastPoll(
  z: ZObject,
  bundle: Bundle,
  businessId: string,
): Promise<Contact[]> {
  const cache = z.cache as unknown as ScopedCache;
  const key = shapeKey(bundle, businessId);
  const remembered = bundle.meta?.isPopulatingDedupe
    ? undefined
    : await cache.get(key, CACHE_SCOPE).catch(() => undefined);
  const list = memberList(bundle, businessId, startPollBudget(z, 'business members'));
  let read: Read | { reread: string } = isShape(remembered)
    ? await readNewestEnd(list, remembered)
    : await readWholeList(list);
  if ('reread' in read) {
    // A small business was read whole already: nothing to announce, and no further request.
    if (!list.isWhole()) z.console.log(`Reading the whole member list: ${read.reread}.`);
    read = await readWholeList(list, 'either');
  }
  if (read.shape)
    await cache.set(key, read.shape, SHAPE_CACHE_SECONDS, CACHE_SCOPE).catch(() => null);
  return newestFirst(list.members(), (member) => member.dateAdded);
}
