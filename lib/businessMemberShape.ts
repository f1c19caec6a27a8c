// What a Zap on New Contact in Business remembers between polls, in z.cache: how the business's
// member list looked as far as the Zap has returned it, and where new members join it
// (lib/businessMemberPolling.ts reads the list against that memory).
import type { Bundle, ZObject } from 'zapier-platform-core';
import { locationIdOf } from './client';
import { readConnectionCache, writeConnectionCache } from './connectionCache';
import type { Contact } from './contact';
import { timeOf } from './polling';

/** A Zap's memory of its business outlives any poll interval; when it lapses, one full read. */
export const SHAPE_CACHE_SECONDS = 24 * 60 * 60;

/** Where members who joined since the last poll appear in the list. */
export type NewestEnd = 'start' | 'end' | 'either';

/**
 * The list as far as the Zap has returned it. After a poll that read to the end it watches,
 * `count` is the list's count and `firstId` / `lastId` the members at its ends. After a burst that
 * the poll budget cut, the end being read stops at the furthest member returned and `count` is
 * the count as of that member (those from it to the other end): the next poll carries on from
 * there, knows where that member should be, and can still tell whether the count adds up.
 * An empty list has count 0 and empty ids.
 */
export type ListShape = {
  count: number;
  newestEnd: NewestEnd;
  firstId: string;
  lastId: string;
  /**
   * Why the whole list must be read as soon as the burst being delivered is read to its end: while
   * it was cut, the count grew by more than the members at the end read (someone joined elsewhere).
   * Not read at once, because a whole-list read is itself cut by the budget and would jump over
   * the rest of the burst.
   */
  reread?: string;
};

/** Where the newest members are, judged by dateAdded along a page: 'either' if it cannot tell. */
export const newestEndOf = (rows: Contact[]): NewestEnd => {
  const times = rows.map((row) => timeOf(row.dateAdded)).filter((time) => !Number.isNaN(time));
  const rising = times.every((time, i) => i === 0 || times[i - 1]! <= time);
  const falling = times.every((time, i) => i === 0 || times[i - 1]! >= time);
  if (rising && !falling) return 'end';
  if (falling && !rising) return 'start';
  return 'either';
};

/** Once new members have shown up at one end only, the Zap watches just that end. */
export const learnNewestEnd = (before: NewestEnd, joinedAtStart: number, joinedAtEnd: number) => {
  if (before !== 'either') return before;
  if (joinedAtStart > 0 && joinedAtEnd === 0) return 'start';
  if (joinedAtEnd > 0 && joinedAtStart === 0) return 'end';
  return 'either';
};

// Kept per connection, and per Zap when Zapier says which: two Zaps watching one business must not
// share what "since the last poll" means (without a Zap id, as in `invoke`, they do).
const shapeKey = (bundle: Bundle, businessId: string): string =>
  `businessMembers:${bundle.meta?.zap?.id ?? 'any-zap'}:${locationIdOf(bundle)}:${businessId}`;

const isShape = (value: unknown): value is ListShape => {
  if (typeof value !== 'object' || value === null) return false;
  const shape = value as ListShape;
  return (
    typeof shape.count === 'number' &&
    ['start', 'end', 'either'].includes(shape.newestEnd) &&
    typeof shape.firstId === 'string' &&
    typeof shape.lastId === 'string' &&
    (shape.reread === undefined || typeof shape.reread === 'string')
  );
};

/** The shape the Zap's last poll left; undefined when there is none (or the cache fails). */
export const loadShape = async (
  z: ZObject,
  bundle: Bundle,
  businessId: string,
): Promise<ListShape | undefined> => {
  const value = await readConnectionCache(z, shapeKey(bundle, businessId));
  return isShape(value) ? value : undefined;
};

/** Remembers `shape` for the next poll (a cache failure only costs that poll a whole-list read). */
export const saveShape = async (
  z: ZObject,
  bundle: Bundle,
  businessId: string,
  shape: ListShape,
): Promise<void> => {
  await writeConnectionCache(z, shapeKey(bundle, businessId), shape, SHAPE_CACHE_SECONDS);
};
