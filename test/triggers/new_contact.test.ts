import { BURST_PAGE_SIZE, FIRST_PAGE_SIZE, LOOKBACK_MS } from '../../lib/polling/budget';
import newContact, { perform } from '../../triggers/new_contact';
import {
  bundleWith,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';
import { searchAfterServer, searchRow, zapierDedupe } from '../support/contacts';

const appTester = testerFor('triggers', newContact);
const search = (body: (b: Record<string, unknown>) => boolean) =>
  highLevel().post('/contacts/search', body);
const turningOn = { isPopulatingDedupe: true };

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

  it('reads rows shaped like the spec example (followers as one id, nulls) instead of failing the poll', async () => {
    noCustomFields();
    const odd = { ...searchRow(2, 1), followers: 'sx6wyHhbFdRXh302Lunr', locationId: null };
    const last = { ...searchRow(1, 3), followers: '', searchAfter: null };
    search(() => true).reply(200, { contacts: [odd, last], total: 2 });

    const results = await appTester(perform, bundleWith());

    expect(results.map((r) => r.followers)).toEqual([['sx6wyHhbFdRXh302Lunr'], []]);
    expect(results[0]).toMatchObject({ locationId: '' });
  });

  it('sends exactly one request per poll in the steady state, the custom fields coming from the cache', async () => {
    noCustomFields(); // once: the second poll must find the definitions in z.cache
    const server = searchAfterServer([searchRow(2, 1), searchRow(1, 3)], 2);

    await appTester(perform, bundleWith());
    const before = server.requests;
    await appTester(perform, bundleWith(), { keepCache: true });

    expect(server.requests - before).toBe(1);
  });

  const customFieldsAnswer = (status: number, message: string) =>
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query({ model: 'contact' })
      .reply(status, { statusCode: status, message });
  const rowWithCustomField = {
    ...searchRow(1, 1),
    customFields: [{ id: 'cfPlan', value: 'Gold' }],
  };

  it('fails the poll when the custom-field list has a passing failure, so no contact fires without its values', async () => {
    customFieldsAnswer(503, 'Service Unavailable');
    search(() => true).reply(200, { contacts: [rowWithCustomField], total: 1 });

    const failure = await failureOf(appTester(perform, bundleWith()));

    expect(failure).toMatchObject({ code: 'highlevel_unavailable', status: 503 });
  });

  it('still fires, with the raw custom fields, when the connection may not read custom fields', async () => {
    customFieldsAnswer(403, 'The token is not authorized for this scope.');
    search(() => true).reply(200, { contacts: [rowWithCustomField], total: 1 });

    const results = await appTester(perform, bundleWith());

    expect(results.map((r) => r.id)).toEqual([rowWithCustomField.id]);
    expect(results[0]).toMatchObject({ customFields: [{ id: 'cfPlan', value: 'Gold' }] });
  });

  it('keeps paging while the last contact of a full page is 20 to 29 minutes old: the look-back window is at least 30', async () => {
    expect(LOOKBACK_MS).toBeGreaterThanOrEqual(30 * 60 * 1000);
    noCustomFields();
    const now = Date.now();
    // A full first page that ends 25 minutes back, then contacts older than any window.
    const recent = Array.from({ length: FIRST_PAGE_SIZE }, (_, i) =>
      searchRow(5000 - i, (25 * (i + 1)) / FIRST_PAGE_SIZE, { now }),
    );
    const old = Array.from({ length: 50 }, (_, i) => searchRow(100 - i, 40 + i, { now }));
    const server = searchAfterServer([...recent, ...old], 2);

    const results = await appTester(perform, bundleWith());

    expect(server.requests).toBe(2);
    // What lies beyond the window is not the poll's to return: it existed before the Zap's window.
    expect(results).toHaveLength(FIRST_PAGE_SIZE);
  });

  it('returns each contact of a burst of 1,000 exactly once across polls, with Zapier dropping ids it has seen', async () => {
    noCustomFields();
    const now = Date.now();
    const before = Array.from({ length: 600 }, (_, i) => searchRow(900 - i, 60 + i, { now }));
    const burst = Array.from({ length: 1000 }, (_, i) => searchRow(2000 - i, 0.001 * i, { now }));
    const dedupe = zapierDedupe();

    // The Zap is turned on, then polled once while nothing happens: nothing fires.
    searchAfterServer(before, 1);
    dedupe(await appTester(perform, bundleWith({}, turningOn)));
    const quiet = searchAfterServer(before, 1);
    expect(dedupe(await appTester(perform, bundleWith(), { keepCache: true }))).toEqual([]);
    expect(quiet.requests).toBe(1);

    // The burst lands. 100, then 500, then 500 reaching contacts older than the look-back window.
    const during = searchAfterServer([...burst, ...before], 3);
    const fired = dedupe(await appTester(perform, bundleWith(), { keepCache: true }));
    expect(during.requests).toBe(Math.ceil(burst.length / BURST_PAGE_SIZE) + 1);

    // The next poll re-reads the burst (still inside the window) and Zapier drops all of it.
    searchAfterServer([...burst, ...before], 3);
    const after = dedupe(await appTester(perform, bundleWith(), { keepCache: true }));

    const firedIds = [...fired, ...after].map((r) => r.id);
    expect(firedIds.sort()).toEqual(burst.map((row) => row.id).sort());
  });

  it('records the newest 500 contacts when the Zap is turned on, without paging through history', async () => {
    // Its dedupe id is the contact id, and a later poll's first page holds the newest 100: an
    // older contact never shows up again, so reading all of them would only cost time.
    noCustomFields();
    const history = Array.from({ length: 1200 }, (_, i) => searchRow(5000 - i, 60 + i));
    const server = searchAfterServer(history, 1);

    const results = await appTester(perform, bundleWith({}, turningOn));

    expect(server.requests).toBe(1);
    expect(results.map((r) => r.id)).toEqual(
      history.slice(0, BURST_PAGE_SIZE).map((row) => row.id),
    );
  });

  it('still pages through a burst inside the look-back window when the Zap is turned on', async () => {
    noCustomFields();
    const now = Date.now();
    const burst = Array.from({ length: 700 }, (_, i) => searchRow(5000 - i, 0.01 * i, { now }));
    const old = Array.from({ length: 100 }, (_, i) => searchRow(100 - i, 60 + i, { now }));
    const server = searchAfterServer([...burst, ...old], 2);

    const results = await appTester(perform, bundleWith({}, turningOn));

    expect(server.requests).toBe(2);
    expect(results).toHaveLength(800);
  });
});
