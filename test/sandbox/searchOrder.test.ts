// The order of POST /contacts/search: every sort field HighLevel documents, both directions, and
// paging newest-updated first with searchAfter, which the Updated Contact and Tag Added triggers
// rely on to never skip or repeat a contact.
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';

const acme = SEED.locations.acme;

let sandbox: Sandbox;
let call: Call;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterAll(() => sandbox.close());

type Row = Record<string, unknown> & { id: string; searchAfter: unknown[] };

const search = async (body: Record<string, unknown>): Promise<Row[]> => {
  const reply = await call('POST', '/contacts/search', {
    locationId: acme,
    pageLimit: 100,
    ...body,
  });
  expect(reply.status).toBe(200);
  return reply.body.contacts;
};

/** How each sort field reads from a search row: dates by instant, text case-insensitively. */
const SORT_FIELDS: Record<string, (row: Row) => number | string | null> = {
  dateAdded: (row) => Date.parse(row.dateAdded as string),
  dateUpdated: (row) => Date.parse(row.dateUpdated as string),
  firstNameLowerCase: (row) => (row.firstNameLowerCase as string | null) ?? null,
  lastNameLowerCase: (row) => (row.lastNameLowerCase as string | null) ?? null,
  businessName: (row) => (row.businessName as string | null)?.toLowerCase() ?? null,
  email: (row) => (row.email as string | null)?.toLowerCase() ?? null,
  dnd: (row) => (row.dnd ? 1 : 0),
  source: (row) => (row.source as string | null)?.toLowerCase() ?? null,
};

/** The expected order: by value in the asked direction, contacts without a value last, ties by id. */
const expectedOrder = (rows: Row[], field: string, direction: 'asc' | 'desc'): string[] => {
  const valueOf = SORT_FIELDS[field]!;
  return [...rows]
    .sort((a, b) => {
      const [x, y] = [valueOf(a), valueOf(b)];
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
      }
      return a.id < b.id ? -1 : 1;
    })
    .map((row) => row.id);
};

describe.each(Object.keys(SORT_FIELDS))('sort by %s', (field) => {
  it('has seeded contacts that differ in it (so the order means something)', async () => {
    const rows = await search({});
    expect(new Set(rows.map(SORT_FIELDS[field]!)).size).toBeGreaterThan(1);
  });

  it.each(['asc', 'desc'] as const)('%s', async (direction) => {
    const rows = await search({ sort: [{ field, direction }] });
    expect(rows).toHaveLength(25);
    expect(rows.map((row) => row.id)).toEqual(expectedOrder(rows, field, direction));
    // The cursor of each row is its sort value, then its id.
    for (const row of rows) expect(row.searchAfter).toHaveLength(2);
    expect(rows[0]!.searchAfter[1]).toBe(rows[0]!.id);
  });
});

describe('paging by dateUpdated, newest first, with searchAfter (the polling triggers)', () => {
  const tag = 'paging-by-update';
  const filters = [{ field: 'tags', operator: 'eq', value: tag }];
  const sort = [{ field: 'dateUpdated', direction: 'desc' }];

  it('returns every contact once, newest update first, even across ties and a fresh update', async () => {
    const hourAgo = Date.now() - 3_600_000;
    const contacts = sandbox.store.bulkCreateContacts(acme, 23, {
      at: new Date(hourAgo - 86_400_000),
      tags: [tag],
    });
    // Updates spread over the last hour, three contacts at each instant: ties that only ids break.
    contacts.forEach((contact, i) => {
      contact.dateUpdated = new Date(hourAgo + Math.floor(i / 3) * 60_000).toISOString();
    });

    const oneShot = await search({ filters, sort });
    const paged: Row[] = [];
    let searchAfter: unknown[] | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await search({
        filters,
        sort,
        pageLimit: 5,
        ...(searchAfter && { searchAfter }),
      });
      paged.push(...rows);
      if (rows.length < 5) break;
      searchAfter = rows[rows.length - 1]!.searchAfter;
      expect(searchAfter).toEqual([Date.parse(rows[4]!.dateUpdated as string), rows[4]!.id]);
      if (page === 1) {
        // The cursor's own contact is updated while the trigger pages: it jumps to the top, but
        // the cursor holds values, not a position, so the later pages neither repeat it nor skip
        // the contact that moved into its place.
        await call('PUT', `/contacts/${paged[paged.length - 1]!.id}`, { city: 'Evanston' });
      }
    }

    expect(paged.map((row) => row.id)).toEqual(oneShot.map((row) => row.id));
    expect(new Set(paged.map((row) => row.id)).size).toBe(23);
    expect(oneShot.map((row) => row.id)).toEqual(expectedOrder(oneShot, 'dateUpdated', 'desc'));
    const first = await search({ filters, sort, pageLimit: 1 });
    expect(first[0]!.id).toBe(paged[9]!.id);
    expect(Date.parse(first[0]!.dateUpdated as string)).toBeGreaterThan(Date.now() - 60_000);
  });
});
