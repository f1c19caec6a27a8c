import searchContacts, { perform } from '../../searches/search_contacts';
import {
  bundleWith,
  expectInvalidInput,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';
import { searchRow } from '../support/contacts';
import { asZapierSendsIt } from '../support/zapierProduction';

const appTester = testerFor('searches', searchContacts);

/** Replies to POST /contacts/search and records each body sent. */
const contactSearch = (status: number, reply: unknown) => {
  const bodies: unknown[] = [];
  highLevel()
    .post('/contacts/search', (body: unknown) => {
      bodies.push(body);
      return true;
    })
    .reply(status, reply as Record<string, unknown>);
  return bodies;
};

const row = (n: number, fields: Partial<ReturnType<typeof searchRow>>) => ({
  ...searchRow(n, n),
  ...fields,
});

describe('search_contacts', () => {
  it('sends free text and every filter in the shape HighLevel documents', async () => {
    noCustomFields();
    const bodies = contactSearch(200, { contacts: [], total: 0 });

    await appTester(
      perform,
      bundleWith({
        query: 'Deo',
        firstName: ' Rosan ',
        lastName: 'DEO',
        tag: 'vip',
        assignedTo: 'user123',
        dateAddedFrom: '2026-01-01T00:00:00-05:00',
        dateAddedTo: '2026-02-01T00:00:00Z',
      }),
    );

    expect(bodies).toEqual([
      {
        locationId: LOCATION_ID,
        pageLimit: 100,
        query: 'Deo',
        filters: [
          { field: 'firstNameLowerCase', operator: 'eq', value: 'rosan' },
          { field: 'lastNameLowerCase', operator: 'eq', value: 'deo' },
          { field: 'tags', operator: 'eq', value: 'vip' },
          { field: 'assignedTo', operator: 'eq', value: 'user123' },
          {
            field: 'dateAdded',
            operator: 'range',
            value: { gte: '2026-01-01T05:00:00.000Z', lte: '2026-02-01T00:00:00.000Z' },
          },
        ],
      },
    ]);
  });

  it('sends a one-sided date range and no query when only a filter is given', async () => {
    noCustomFields();
    const bodies = contactSearch(200, { contacts: [] });
    await appTester(perform, bundleWith({ dateAddedTo: '2026-02-01T00:00:00Z' }));
    expect(bodies).toEqual([
      {
        locationId: LOCATION_ID,
        pageLimit: 100,
        filters: [
          { field: 'dateAdded', operator: 'range', value: { lte: '2026-02-01T00:00:00.000Z' } },
        ],
      },
    ]);
  });

  it('puts exact full-name and email matches first, then keeps HighLevel order', async () => {
    noCustomFields();
    const contacts = [
      row(1, { id: 'partial1', contactName: 'rosan deorro', email: 'rd@example.com' }),
      row(2, { id: 'byName', contactName: 'Rosan  Deo', email: 'other@example.com' }),
      row(3, { id: 'partial2', contactName: 'mary deo', email: 'rosan.deo@example.com' }),
    ];
    contactSearch(200, { contacts, total: 3 });

    const results = await appTester(perform, bundleWith({ query: 'rosan deo' }));

    expect(results.map((r) => r.id)).toEqual(['byName', 'partial1', 'partial2']);
    expect(results[0]).toMatchObject({ fullName: 'Rosan  Deo', address1: '2 Market St' });
  });

  it('counts a whole email, and first plus last name, as exact matches', async () => {
    noCustomFields();
    contactSearch(200, {
      contacts: [row(1, { id: 'other' }), row(2, { id: 'byEmail', email: 'Ann@Example.com' })],
    });
    const byEmail = await appTester(perform, bundleWith({ query: 'ann@example.com' }));
    expect(byEmail.map((r) => r.id)).toEqual(['byEmail', 'other']);

    noCustomFields();
    contactSearch(200, {
      contacts: [
        row(3, { id: 'annette', contactName: 'ann smith-jones' }),
        row(4, { id: 'ann', contactName: 'ann smith' }),
      ],
    });
    const byName = await appTester(perform, bundleWith({ firstName: 'Ann', lastName: 'Smith' }));
    expect(byName.map((r) => r.id)).toEqual(['ann', 'annette']);
  });

  it('returns no result when nothing matches, and on a 404', async () => {
    noCustomFields();
    contactSearch(200, { contacts: [], total: 0 });
    expect(await appTester(perform, bundleWith({ query: 'nobody' }))).toEqual([]);

    noCustomFields();
    contactSearch(404, { statusCode: 404, message: 'Not found' });
    expect(await appTester(perform, bundleWith({ query: 'nobody' }))).toEqual([]);
  });

  it.each([
    [{}, /Invalid search: fill at least one of Search Text/],
    [{ query: ' ', firstName: '', tag: '' }, /Invalid search: fill at least one/],
    [{ query: 'x'.repeat(76) }, /Invalid Search Text: HighLevel searches at most 75 characters/],
    [{ dateAddedFrom: 'soon' }, /Invalid Added On or After: "soon" is not a date and time/],
    [
      { dateAddedFrom: '2026-03-01T00:00:00Z', dateAddedTo: '2026-02-01T00:00:00Z' },
      /Invalid Added On or Before: .* is earlier than Added On or After/,
    ],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it.each(['31 Feb 2026', 'I may come 12/25/2026 maybe'])(
    'refuses "%s" in Added On or Before as Zapier passes it on, naming the field',
    async (dateAddedTo) => {
      const input = asZapierSendsIt(searchContacts.operation.inputFields, { dateAddedTo });
      await expectInvalidInput(
        appTester(perform, bundleWith(input)),
        /^Invalid Added On or Before: ".*" is not a date and time that exists/,
      );
    },
  );

  it("reads the Added On bounds in the Zap's time zone (New York), a date alone at 09:00", async () => {
    noCustomFields();
    const bodies = contactSearch(200, { contacts: [] });
    const input = asZapierSendsIt(
      searchContacts.operation.inputFields,
      { dateAddedFrom: '01/01/2026', dateAddedTo: '07/01/2026 17:00' },
      'America/New_York',
    );
    await appTester(perform, bundleWith(input, { timezone: 'America/New_York' }));
    expect(bodies).toEqual([
      {
        locationId: LOCATION_ID,
        pageLimit: 100,
        filters: [
          {
            field: 'dateAdded',
            operator: 'range',
            value: { gte: '2026-01-01T14:00:00.000Z', lte: '2026-07-01T21:00:00.000Z' },
          },
        ],
      },
    ]);
  });
});
