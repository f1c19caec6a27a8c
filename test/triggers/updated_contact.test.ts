import { BURST_PAGE_SIZE } from '../../lib/polling/budget';
import updatedContact, { perform } from '../../triggers/updated_contact';
import { bundleWith, highLevel, LOCATION_ID, noCustomFields, testerFor } from '../support/app';
import { searchAfterServer, searchRow, zapierDedupe } from '../support/contacts';

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

  it('records the latest 500 updates when the Zap is turned on, without paging through history', async () => {
    // An update's id carries its time: an older contact that changes later fires with a new id
    // anyway, so recording every contact ever updated would only cost time.
    noCustomFields();
    const history = Array.from({ length: 1200 }, (_, i) =>
      searchRow(5000 - i, 60 + i, { sortField: 'dateUpdated' }),
    );
    const server = searchAfterServer(history, 1);

    const results = await appTester(perform, bundleWith({}, { isPopulatingDedupe: true }));

    expect(server.requests).toBe(1);
    expect(results.map((r) => r.contactId)).toEqual(
      history.slice(0, BURST_PAGE_SIZE).map((row) => row.id),
    );
  });

  it('returns each update of a burst of 1,000 exactly once across polls, with Zapier dropping ids it has seen', async () => {
    noCustomFields();
    const now = Date.now();
    const rowAt = (n: number, minutesAgo: number) =>
      searchRow(n, minutesAgo, { now, sortField: 'dateUpdated' });
    const before = Array.from({ length: 600 }, (_, i) => rowAt(900 - i, 60 + i));
    // The burst updates 1,000 contacts, 300 of which the poll before had already seen.
    const burst = Array.from({ length: 1000 }, (_, i) => rowAt(1600 - i, 0.001 * i));
    const untouched = before.filter((row) => !burst.some((b) => b.id === row.id));
    const dedupe = zapierDedupe();

    // The Zap is turned on, then polled once while nothing happens: nothing fires.
    searchAfterServer(before, 1);
    dedupe(await appTester(perform, bundleWith({}, { isPopulatingDedupe: true })));
    const quiet = searchAfterServer(before, 1);
    expect(dedupe(await appTester(perform, bundleWith(), { keepCache: true }))).toEqual([]);
    expect(quiet.requests).toBe(1);

    const during = searchAfterServer([...burst, ...untouched], 3);
    const fired = dedupe(await appTester(perform, bundleWith(), { keepCache: true }));
    // 100, then 500, then 500 reaching updates older than the look-back window.
    expect(during.requests).toBe(Math.ceil(burst.length / BURST_PAGE_SIZE) + 1);

    searchAfterServer([...burst, ...untouched], 3);
    const after = dedupe(await appTester(perform, bundleWith(), { keepCache: true }));

    const firedContacts = [...fired, ...after].map((r) => r.contactId);
    expect(firedContacts.sort()).toEqual(burst.map((row) => row.id).sort());
  });
});
