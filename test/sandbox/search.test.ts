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

const search = (body: Record<string, unknown>) =>
  call('POST', '/contacts/search', { locationId: acme, pageLimit: 100, ...body });
const ids = (reply: { body: { contacts: Array<{ id: string }> } }) =>
  reply.body.contacts.map((c) => c.id);

describe('POST /contacts/search on the seed', () => {
  it('returns search-shaped rows, newest first by default, with total', async () => {
    const reply = await search({ pageLimit: 5 });
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(25);
    expect(reply.body.contacts).toHaveLength(5);
    const first = reply.body.contacts[0];
    expect(first).toMatchObject({ contactName: 'arlene mccoy', firstNameLowerCase: 'arlene' });
    expect(first).toHaveProperty('address');
    expect(first).not.toHaveProperty('address1');
    expect(first.searchAfter).toEqual([Date.parse(first.dateAdded), first.id]);
    const dates = reply.body.contacts.map((c: { dateAdded: string }) => Date.parse(c.dateAdded));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('returns dateOfBirth as epoch milliseconds', async () => {
    const reply = await search({
      filters: [{ field: 'id', operator: 'eq', value: SEED.contacts.janeCooper }],
    });
    expect(reply.body.contacts[0].dateOfBirth).toBe(Date.parse('1988-04-12T00:00:00.000Z'));
  });

  it.each([
    [{ field: 'tags', operator: 'eq', value: 'vip' }, 4],
    [{ field: 'tags', operator: 'eq', value: 'VIP' }, 4],
    [{ field: 'tags', operator: 'not_eq', value: 'vip' }, 21],
    [{ field: 'tags', operator: 'contains', value: 'invis' }, 3],
    [{ field: 'tags', operator: 'not_exists' }, 5],
    [{ field: 'tags', operator: 'exists' }, 20],
    [{ field: 'email', operator: 'eq', value: 'Jane.Cooper@Example.com' }, 1],
    [{ field: 'phone', operator: 'eq', value: '+1 312-555-0101' }, 1],
    [{ field: 'assignedTo', operator: 'eq', value: SEED.users.marcus }, 4],
    [{ field: 'businessId', operator: 'eq', value: SEED.businesses.northside }, 2],
    [{ field: 'firstNameLowerCase', operator: 'eq', value: 'jane' }, 1],
    [{ field: 'lastNameLowerCase', operator: 'contains', value: 'son' }, 3],
    [{ field: 'contactName', operator: 'eq', value: 'robert fox' }, 1],
    [{ field: 'email', operator: 'not_exists' }, 1],
    [
      {
        field: `customFields.${SEED.customFields.outstandingBalance.id}`,
        operator: 'range',
        value: { gte: 200 },
      },
      1,
    ],
  ])('filters %j → %i contacts', async (filter, expected) => {
    const reply = await search({ filters: [filter] });
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(expected);
  });

  it('ANDs top-level filters and supports nested OR groups', async () => {
    const both = await search({
      filters: [
        { field: 'tags', operator: 'eq', value: 'vip' },
        {
          group: 'OR',
          filters: [
            { field: 'firstNameLowerCase', operator: 'eq', value: 'esther' },
            { field: 'firstNameLowerCase', operator: 'eq', value: 'devon' },
          ],
        },
      ],
      sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
    });
    expect(both.body.contacts.map((c: { firstName: string }) => c.firstName)).toEqual([
      'Devon',
      'Esther',
    ]);
  });

  it('filters dateAdded by range with ISO strings or epoch ms', async () => {
    const tenDaysAgo = Date.now() - 10 * 86_400_000 - 60_000;
    const iso = await search({
      filters: [
        {
          field: 'dateAdded',
          operator: 'range',
          value: { gte: new Date(tenDaysAgo).toISOString() },
        },
      ],
    });
    const ms = await search({
      filters: [{ field: 'dateAdded', operator: 'range', value: { gte: tenDaysAgo } }],
    });
    expect(iso.body.total).toBe(8);
    expect(ids(ms)).toEqual(ids(iso));
    const older = await search({
      filters: [{ field: 'dateAdded', operator: 'range', value: { lt: tenDaysAgo } }],
    });
    expect(older.body.total + iso.body.total).toBe(25);
  });

  it('filters dateUpdated by range, apart from dateAdded', async () => {
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    const [edited, untouched] = sandbox.store.bulkCreateContacts(acme, 2, {
      at: monthAgo,
      tags: ['range-check'],
    });
    expect((await call('PUT', `/contacts/${edited!.id}`, { city: 'Evanston' })).status).toBe(200);
    const minuteAgo = new Date(Date.now() - 60_000).toISOString();
    const within = (field: string, value: Record<string, string>) =>
      search({
        filters: [
          { field: 'tags', operator: 'eq', value: 'range-check' },
          { field, operator: 'range', value },
        ],
      });
    expect(ids(await within('dateUpdated', { gte: minuteAgo }))).toEqual([edited!.id]);
    expect(ids(await within('dateUpdated', { lt: minuteAgo }))).toEqual([untouched!.id]);
    // Both were added a month ago: by dateAdded, the recent edit changes nothing.
    expect(ids(await within('dateAdded', { gte: minuteAgo }))).toEqual([]);
    expect((await within('dateAdded', { lte: minuteAgo })).body.total).toBe(2);
  });

  it('skips (page - 1) * pageLimit contacts for page', async () => {
    const all = ids(await search({ pageLimit: 100 }));
    expect(all.length).toBeGreaterThan(20);
    const pages = await Promise.all([1, 2, 3].map((page) => search({ page, pageLimit: 10 })));
    expect(pages.map(ids)).toEqual([all.slice(0, 10), all.slice(10, 20), all.slice(20, 30)]);
    expect(pages.every((page) => page.body.total === all.length)).toBe(true);
    expect(ids(await search({ page: 11, pageLimit: 10 }))).toEqual([]);
  });

  it('matches free-text query on name, email, phone and company', async () => {
    expect((await search({ query: 'cooper' })).body.total).toBe(1);
    expect((await search({ query: 'HARBOR' })).body.total).toBe(2);
    expect((await search({ query: '5550122' })).body.total).toBe(1);
  });

  it('answers 422 for an unsupported filter field or operator', async () => {
    const reply = await search({
      filters: [
        { field: 'favouriteColour', operator: 'eq', value: 'red' },
        { field: 'email', operator: 'contains', value: 'x' },
      ],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toEqual([
      'filters.0.field favouriteColour is not a supported filter field',
      'filters.1.operator contains is not supported for field email',
    ]);
  });

  it('caps standard pagination at 10,000 records', async () => {
    expect((await search({ page: 20, pageLimit: 500 })).status).toBe(200);
    const beyond = await search({ page: 21, pageLimit: 500 });
    expect(beyond.status).toBe(400);
    expect(beyond.body.message).toMatch(/searchAfter/);
  });

  it('drops deleted contacts from results', async () => {
    const [victim] = sandbox.store.bulkCreateContacts(acme, 1, { tags: ['to-delete'] });
    const filter = [{ field: 'tags', operator: 'eq', value: 'to-delete' }];
    expect((await search({ filters: filter })).body.total).toBe(1);
    expect((await call('DELETE', `/contacts/${victim!.id}`)).body).toEqual({ succeded: true });
    expect((await search({ filters: filter })).body.total).toBe(0);
  });
});

describe('searchAfter paging over many contacts', () => {
  it('returns every contact exactly once across pages, ties broken by id', async () => {
    const sameInstant = new Date(Date.now() - 2 * 3_600_000);
    const created = sandbox.store.bulkCreateContacts(acme, 1200, {
      at: sameInstant,
      tags: ['bulk-a'],
    });
    const filters = [{ field: 'tags', operator: 'eq', value: 'bulk-a' }];
    const seen: string[] = [];
    let searchAfter: unknown[] | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const reply = await search({
        pageLimit: 500,
        filters,
        ...(searchAfter ? { searchAfter } : {}),
      });
      expect(reply.status).toBe(200);
      expect(reply.body.total).toBe(1200);
      seen.push(...ids(reply));
      if (reply.body.contacts.length < 500) break;
      searchAfter = reply.body.contacts[reply.body.contacts.length - 1].searchAfter;
    }
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect([...seen].sort()).toEqual(created.map((c) => c.id).sort());
    expect(seen).toEqual([...seen].sort()); // all dateAdded equal → id order
  });

  it('pages with two sort fields and a three-value cursor', async () => {
    sandbox.store.bulkCreateContacts(acme, 300, { tags: ['bulk-b'] });
    const filters = [{ field: 'tags', operator: 'eq', value: 'bulk-b' }];
    const sort = [
      { field: 'firstNameLowerCase', direction: 'asc' },
      { field: 'dateAdded', direction: 'desc' },
    ];
    const all = await search({ pageLimit: 300, filters, sort });
    const paged: string[] = [];
    let searchAfter: unknown[] | undefined;
    for (;;) {
      const reply = await search({
        pageLimit: 70,
        filters,
        sort,
        ...(searchAfter ? { searchAfter } : {}),
      });
      paged.push(...ids(reply));
      if (reply.body.contacts.length < 70) break;
      searchAfter = reply.body.contacts[69].searchAfter;
      expect(searchAfter).toHaveLength(3);
    }
    expect(paged).toEqual(ids(all));
    const names = all.body.contacts.map(
      (c: { firstNameLowerCase: string }) => c.firstNameLowerCase,
    );
    expect([...names].sort()).toEqual(names);
  });

  it('rejects a cursor with the wrong number of values', async () => {
    const reply = await search({ searchAfter: [123] });
    expect(reply.status).toBe(422);
  });

  it('answers a sorted, filtered search over 12,000 contacts within milliseconds', async () => {
    const big = await startSandbox({ rateLimit: false });
    try {
      big.store.bulkCreateContacts(acme, 12_000);
      const bigCall = client(big, big.issueTokens().access_token);
      const body = {
        locationId: acme,
        pageLimit: 500,
        sort: [{ field: 'dateUpdated', direction: 'desc' }],
        filters: [
          {
            field: 'dateAdded',
            operator: 'range',
            value: { gte: new Date(Date.now() - 86_400_000).toISOString() },
          },
        ],
      };
      await bigCall('POST', '/contacts/search', body); // warm-up
      const started = performance.now();
      const reply = await bigCall('POST', '/contacts/search', body);
      const elapsed = performance.now() - started;
      expect(reply.body.total).toBe(12_000);
      expect(elapsed).toBeLessThan(250);
    } finally {
      await big.close();
    }
  });
});
