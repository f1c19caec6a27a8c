import newContact, { perform } from '../../triggers/new_contact';
import { bundleWith, highLevel, LOCATION_ID, noCustomFields, testerFor } from '../support/app';
import { searchAfterServer, searchRow } from '../support/contacts';

const appTester = testerFor('triggers', newContact);
const search = (body: (b: Record<string, unknown>) => boolean) =>
  highLevel().post('/contacts/search', body);

describe('new_contact', () => {
  it('asks for the newest contacts first and returns them flat, one request when little changed', async () => {
    noCustomFields();
    const rows = [searchRow(2, 1), searchRow(1, 3)];
    const scope = search(
      (b) =>
        b.locationId === LOCATION_ID &&
        b.pageLimit === 100 &&
        JSON.stringify(b.sort) === JSON.stringify([{ field: 'dateAdded', direction: 'desc' }]) &&
        b.filters === undefined,
    ).reply(200, { contacts: rows, total: 2 });

    const results = await appTester(perform, bundleWith());

    expect(scope.isDone()).toBe(true);
    expect(results.map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(results[0]).toMatchObject({
      fullName: 'person 2',
      address1: '2 Market St',
      tags: ['lead'],
      tagsText: 'lead',
      dateAdded: rows[0]!.dateAdded,
    });
  });

  it('returns every contact of a burst of 1,000 exactly once, in ceil(N/page)+1 requests', async () => {
    noCustomFields();
    const now = Date.now();
    const burst = Array.from({ length: 1000 }, (_, i) => searchRow(2000 - i, 0.001 * i, { now }));
    const older = Array.from({ length: 600 }, (_, i) => searchRow(900 - i, 60 + i, { now }));
    const server = searchAfterServer([...burst, ...older], 3);

    const results = await appTester(perform, bundleWith());

    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const contact of burst) expect(ids).toContain(contact.id);
    // 100, then 500, then 500 reaching contacts older than the look-back window.
    expect(server.requests).toBe(3);
    expect(server.requests).toBeLessThanOrEqual(Math.ceil(1000 / 500) + 1);
  });
});
