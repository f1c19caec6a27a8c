// How New Contact in Business remembers a business's member list between a Zap's polls: how it
// looked as far as its polls have read it, and where new members join it (./reads.ts reads the
// list against it; ./index.ts keeps it in the Zap's memory).
import type { Contact } from '../../contacts/shape';
import { timeOf } from '../contacts';

/** Where members who joined since the last poll appear in the list. */
export type NewestEnd = 'start' | 'end' | 'either';

/**
 * The list as far as polls have read it. After a poll that read to the end it watches,
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

/** Once new members have shown up at one end only, polls watch just that end. */
export const learnNewestEnd = (before: NewestEnd, joinedAtStart: number, joinedAtEnd: number) => {
  if (before !== 'either') return before;
  if (joinedAtStart > 0 && joinedAtEnd === 0) return 'start';
  if (joinedAtEnd > 0 && joinedAtStart === 0) return 'end';
  return 'either';
};

/** Whether a value read back from z.cache is a ListShape. */
export const isShape = (value: unknown): value is ListShape => {
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
