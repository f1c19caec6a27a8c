// HighLevel contacts as POST /contacts/search returns them, for building polling fixtures.
import { highLevel, LOCATION_ID } from './app';

const MINUTE = 60 * 1000;

export type SearchRow = {
  id: string;
  locationId: string;
  contactName: string;
  firstNameLowerCase: string;
  lastNameLowerCase: string;
  email: string;
  phone: string;
  address: string;
  tags: string[];
  dateAdded: string;
  dateUpdated: string;
  customFields: Array<{ id: string; value: unknown }>;
  searchAfter: [number, string];
};

/** Contact number `n`, added `minutesAgo` minutes before `now`; `sortField` sets its cursor. */
export const searchRow = (
  n: number,
  minutesAgo: number,
  {
    now = Date.now(),
    sortField = 'dateAdded',
  }: { now?: number; sortField?: 'dateAdded' | 'dateUpdated' } = {},
): SearchRow => {
  const at = new Date(now - minutesAgo * MINUTE).toISOString();
  const id = `contact${String(n).padStart(13, '0')}`;
  return {
    id,
    locationId: LOCATION_ID,
    contactName: `person ${n}`,
    firstNameLowerCase: 'person',
    lastNameLowerCase: String(n),
    email: `person${n}@example.com`,
    phone: `+1415555${String(n % 10000).padStart(4, '0')}`,
    address: `${n} Market St`,
    tags: ['lead'],
    dateAdded: at,
    dateUpdated: at,
    customFields: [],
    searchAfter: [Date.parse(sortField === 'dateAdded' ? at : at), id],
  };
};

/**
 * HighLevel's POST /contacts/search over `rows` (newest first), paging by `searchAfter` like the
 * real API: each request gets the `pageLimit` rows after the cursor it sends. Answers exactly
 * `times` requests (the afterEach fails the test on fewer); `requests` counts them.
 */
export const searchAfterServer = (rows: SearchRow[], times: number) => {
  const server = { requests: 0 };
  highLevel()
    .post('/contacts/search')
    .times(times)
    .reply(200, (_uri, body: Record<string, unknown>) => {
      server.requests += 1;
      const after = body.searchAfter as [number, string] | undefined;
      const start = after ? rows.findIndex((c) => c.id === after[1]) + 1 : 0;
      return { contacts: rows.slice(start, start + Number(body.pageLimit)), total: rows.length };
    });
  return server;
};
