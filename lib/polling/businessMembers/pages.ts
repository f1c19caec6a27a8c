// GET /contacts/business/{businessId} page by page, as one poll reads it: skip/limit paging, sent
// as strings as the spec types them; HighLevel answers { contacts, count }. Every request goes
// through the poll's budget, and a page is read at most once per poll, so the reads can ask for
// a page again without counting whether they already did. Records are read one by one, so one
// unreadable member never fails the poll.
import type { Bundle } from 'zapier-platform-core';
import * as zod from 'zod';
import { locationIdOf, type HighLevelCall } from '../../http/client';
import { readContacts, type Contact } from '../../contacts/shape';
import { MEMBER_PAGE_SIZE, type PollBudget } from '../budget';
import { uniqueById } from '../../uniqueById';

const responseSchema = zod.looseObject({
  contacts: zod.array(zod.unknown()).default([]),
  count: zod.number().optional(),
});

/** The business's member list as one poll reads it: positions count from 0 at the list's start. */
export const memberPages = (
  bundle: Bundle,
  businessId: string,
  budget: PollBudget,
  log: (line: string) => void,
) => {
  const locationId = locationIdOf(bundle);
  const pages = new Map<number, Contact[]>();
  let count: number | undefined;
  const call = (skip: number): HighLevelCall => ({
    path: '/contacts/business/{businessId}',
    pathParams: { businessId },
    query: {
      locationId,
      limit: String(MEMBER_PAGE_SIZE) /* a string, as the spec types it */,
      skip: String(skip),
    },
  });
  /** The members read at positions from..to-1, once each, in list order. */
  const between = (from: number, to: number): Contact[] =>
    uniqueById(
      [...pages.entries()]
        .sort(([a], [b]) => a - b)
        .flatMap(([skip, rows]) => rows.slice(Math.max(0, from - skip), Math.max(0, to - skip))),
    );
  const members = () => between(0, Number.POSITIVE_INFINITY);
  return {
    /** Members in the list, as HighLevel last said; undefined if it did not say. */
    count: () => count,
    /** The MEMBER_PAGE_SIZE members from `skip` on; undefined once the poll budget is spent (logged). */
    async at(skip: number): Promise<Contact[] | undefined> {
      const known = pages.get(skip);
      if (known) return known;
      const response =
        pages.size === 0
          ? await budget.first(call(skip), responseSchema)
          : await budget.next(call(skip), responseSchema);
      if (!response) return undefined;
      count = response.count ?? count;
      const rows = readContacts(response.contacts, log);
      pages.set(skip, rows);
      return rows;
    },
    between,
    /** The member at `position` if this poll read it; never a request. */
    memberAt: (position: number): Contact | undefined => between(position, position + 1)[0],
    /** Every member read in this poll, once each. */
    members,
    /** Whether this poll has read every member (a small business: its first page). */
    isWhole: () => count !== undefined && members().length >= count,
  };
};
export type MemberPages = ReturnType<typeof memberPages>;
