// HighLevel contacts as POST /contacts/search and GET /contacts/business/{businessId} return them,
// fakes of those two endpoints that page like the real API, and Zapier's dedupe, for polling tests.
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

/** HighLevel's answer to a request it refuses. */
const badRequest = (message: string): [number, object] => [400, { statusCode: 400, message }];

/** The parts of a search body that every page of one poll must repeat unchanged. */
const questionOf = ({ locationId, sort, filters, query }: Record<string, unknown>) =>
  JSON.stringify({ locationId, sort, filters, query });

/**
 * HighLevel's POST /contacts/search over `rows` (newest first), paging by `searchAfter` like the
 * real API: each request gets the `pageLimit` rows after the cursor it sends. A later page must
 * ask what the first page asked (same sort, filters and query) and continue from a contact of this
 * search, or it gets a 400. Answers exactly `times` requests (the afterEach fails the test on
 * fewer); `requests` counts them. `onRequest` runs as each request arrives (e.g. to move a fake clock).
 */
export const searchAfterServer = (
  rows: SearchRow[],
  times: number,
  { onRequest }: { onRequest?: (request: number) => void } = {},
) => {
  const server = { requests: 0 };
  let firstPageAsked = '';
  highLevel()
    .post('/contacts/search')
    .times(times)
    .reply((_uri, requestBody) => {
      const body = requestBody as Record<string, unknown>;
      server.requests += 1;
      onRequest?.(server.requests);
      const after = body.searchAfter as [number, string] | undefined;
      if (!after) firstPageAsked = questionOf(body);
      else if (questionOf(body) !== firstPageAsked) {
        return badRequest(`a later page changed the search to ${questionOf(body)}`);
      }
      const start = after ? rows.findIndex((c) => c.id === after[1]) + 1 : 0;
      if (after && start === 0)
        return badRequest(`searchAfter ${JSON.stringify(after)} is unknown`);
      const contacts = rows.slice(start, start + Number(body.pageLimit));
      return [200, { contacts, total: rows.length }] as [number, object];
    });
  return server;
};

/**
 * Zapier's dedupe for one Zap: each poll's items whose id an earlier poll returned are dropped.
 * `poll(results)` gives what would trigger the Zap.
 */
export const zapierDedupe = () => {
  const seen = new Set<string>();
  return <T extends { id: string }>(results: T[]): T[] =>
    results.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
};

export const BUSINESS_ID = '63771dcac1116f0e21de8e12';

/** Member number `n` of BUSINESS_ID as GET /contacts/business/{businessId} lists it. */
export const businessMember = (n: number, dateAdded: string) => ({
  id: `bizcontact${String(n).padStart(10, '0')}`,
  locationId: LOCATION_ID,
  email: `member${n}@example.com`,
  firstName: 'Member',
  lastName: String(n),
  businessId: BUSINESS_ID,
  tags: [] as string[],
  customFields: [] as Array<{ id: string; value: unknown }>,
  dateAdded,
});
export type BusinessMember = ReturnType<typeof businessMember>;

/**
 * HighLevel's GET /contacts/business/{BUSINESS_ID} over `members`, in that array's order: skip
 * and limit (strings) pick a slice, `count` is the size. Change `server.members` between polls to
 * add or remove members. Answers any number of requests; `requests` counts them.
 */
export const businessMembersServer = (members: BusinessMember[]) => {
  const server = { requests: 0, members };
  highLevel()
    .persist()
    .get(`/contacts/business/${BUSINESS_ID}`)
    .query(true)
    .reply(200, (uri) => {
      server.requests += 1;
      const query = new URL(uri, 'https://x').searchParams;
      const skip = Number(query.get('skip'));
      const limit = Number(query.get('limit'));
      return {
        contacts: server.members.slice(skip, skip + limit),
        count: server.members.length,
      };
    });
  return server;
};

/**
 * HighLevel's POST /contacts/search over a list that changes between polls: `server.rows` (kept
 * newest first by the test) pages by `searchAfter` like the real API, for any number of requests.
 * Requests numbered in `failing` (1 = the first this server answers) answer 503.
 */
export const liveSearchServer = (rows: SearchRow[] = []) => {
  const server = { requests: 0, rows, failing: new Set<number>() };
  highLevel()
    .persist()
    .post('/contacts/search')
    .reply((_uri, requestBody) => {
      const body = requestBody as Record<string, unknown>;
      server.requests += 1;
      if (server.failing.has(server.requests)) {
        return [503, { statusCode: 503, message: 'Service Unavailable' }] as [number, object];
      }
      const after = body.searchAfter as [number, string] | undefined;
      const start = after
        ? server.rows.findIndex(
            (c) =>
              c.searchAfter[0] < after[0] || (c.searchAfter[0] === after[0] && c.id > after[1]),
          )
        : 0;
      const from = start < 0 ? server.rows.length : start;
      const contacts = server.rows.slice(from, from + Number(body.pageLimit));
      return [200, { contacts, total: server.rows.length }] as [number, object];
    });
  return server;
};
