import updatedContact, { perform } from '../../triggers/updated_contact';
import { bundleWith, highLevel, LOCATION_ID, noCustomFields, testerFor } from '../support/app';
import { searchAfterServer, searchRow } from '../support/contacts';

const appTester = testerFor('triggers', updatedContact);
const BY_UPDATE = [{ field: 'dateUpdated', direction: 'desc' }];
const search = (body: (b: Record<string, unknown>) => boolean) =>
  highLevel().post('/contacts/search', body);

describe('updated_contact', () => {
  it('asks for the latest updates first and returns one item per update, keeping the contact id', async () => {
    noCustomFields();
    const rows = [
      searchRow(2, 1, { sortField: 'dateUpdated' }),
      searchRow(1, 3, { sortField: 'dateUpdated' }),
    ];
    search(
      (b) =>
        b.locationId === LOCATION_ID &&
        b.pageLimit === 100 &&
        JSON.stringify(b.sort) === JSON.stringify(BY_UPDATE) &&
        b.filters === undefined &&
        b.query === undefined &&
        b.searchAfter === undefined,
    ).reply(200, { contacts: rows, total: 2 });

    const results = await appTester(perform, bundleWith());

    expect(results.map((r) => r.id)).toEqual(rows.map((row) => `${row.id}:${row.dateUpdated}`));
    expect(results.map((r) => r.contactId)).toEqual(rows.map((row) => row.id));
    expect(results[0]).toMatchObject({
      fullName: 'person 2',
      email: 'person2@example.com',
      address1: '2 Market St',
      dateUpdated: rows[0]!.dateUpdated,
    });
  });

  it('fires again for a second update of the same contact', async () => {
    noCustomFields();
    noCustomFields();
    const first = searchRow(7, 20, { sortField: 'dateUpdated' });
    const second = { ...first, dateUpdated: new Date(Date.now() - 60_000).toISOString() };
    search(() => true).reply(200, { contacts: [first], total: 1 });
    search(() => true).reply(200, { contacts: [second], total: 1 });

    const [before] = await appTester(perform, bundleWith());
    const [after] = await appTester(perform, bundleWith());

    expect(before!.contactId).toBe(after!.contactId);
    expect(before!.id).not.toBe(after!.id);
  });

  it('starts with a 500-contact page when the Zap is turned on', async () => {
    noCustomFields();
    search((b) => b.pageLimit === 500).reply(200, { contacts: [], total: 0 });

    expect(await appTester(perform, bundleWith({}, { isPopulatingDedupe: true }))).toEqual([]);
  });

  it('returns every update of a burst of 1,000 exactly once, in ceil(N/500)+1 requests', async () => {
    noCustomFields();
    const now = Date.now();
    const rowAt = (n: number, minutesAgo: number) =>
      searchRow(n, minutesAgo, { now, sortField: 'dateUpdated' });
    const burst = Array.from({ length: 1000 }, (_, i) => rowAt(2000 - i, 0.001 * i));
    const older = Array.from({ length: 600 }, (_, i) => rowAt(900 - i, 60 + i));
    const server = searchAfterServer([...burst, ...older], 3);

    const results = await appTester(perform, bundleWith());

    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const contactIds = results.map((r) => r.contactId);
    for (const contact of burst) {
      expect(contactIds.filter((id) => id === contact.id)).toHaveLength(1);
    }
    // 100, then 500, then 500 reaching updates older than the look-back window.
    expect(server.requests).toBe(3);
    expect(server.requests).toBeLessThanOrEqual(Math.ceil(1000 / 500) + 1);
  });
});
