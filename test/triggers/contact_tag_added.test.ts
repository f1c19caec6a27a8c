import contactTagAdded, { perform } from '../../triggers/contact_tag_added';
import {
  bundleWith,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';
import { searchAfterServer, searchRow } from '../support/contacts';

const appTester = testerFor('triggers', contactTagAdded);
const search = (body: (b: Record<string, unknown>) => boolean) =>
  highLevel().post('/contacts/search', body);
const row = (n: number, minutesAgo: number, now = Date.now()) => ({
  ...searchRow(n, minutesAgo, { now, sortField: 'dateUpdated' }),
  tags: ['lead', 'vip'],
});

describe('contact_tag_added', () => {
  it('searches contacts with the tag, latest updated first, and fires once per contact and tag', async () => {
    noCustomFields();
    const rows = [row(2, 1), row(1, 3)];
    search(
      (b) =>
        b.locationId === LOCATION_ID &&
        b.pageLimit === 100 &&
        JSON.stringify(b.sort) === JSON.stringify([{ field: 'dateUpdated', direction: 'desc' }]) &&
        JSON.stringify(b.filters) ===
          JSON.stringify([{ field: 'tags', operator: 'eq', value: 'vip' }]) &&
        b.query === undefined,
    ).reply(200, { contacts: rows, total: 2 });

    const results = await appTester(perform, bundleWith({ tag: ' vip ' }));

    expect(results.map((r) => r.id)).toEqual(rows.map((r) => `${r.id}:vip`));
    expect(results[0]).toMatchObject({
      contactId: rows[0]!.id,
      tag: 'vip',
      fullName: 'person 2',
      tags: ['lead', 'vip'],
      tagsText: 'lead, vip',
    });
  });

  it('keeps the same id when a tagged contact changes again, so it does not fire twice', async () => {
    noCustomFields();
    noCustomFields();
    const tagged = row(5, 10);
    search(() => true).reply(200, { contacts: [tagged], total: 1 });
    search(() => true).reply(200, {
      contacts: [{ ...tagged, dateUpdated: new Date().toISOString() }],
      total: 1,
    });

    const [first] = await appTester(perform, bundleWith({ tag: 'vip' }));
    const [again] = await appTester(perform, bundleWith({ tag: 'vip' }));

    expect(again!.id).toBe(first!.id);
  });

  it('returns nothing when no contact has the tag', async () => {
    noCustomFields();
    search(() => true).reply(200, { contacts: [], total: 0 });
    expect(await appTester(perform, bundleWith({ tag: 'vip' }))).toEqual([]);
  });

  it('requires a tag, before any request', async () => {
    const failure = await failureOf(appTester(perform, bundleWith({ tag: '  ' })));
    expect(failure.message).toMatch(/Invalid Tag/);
  });

  it('starts with a 500-contact page when the Zap is turned on', async () => {
    noCustomFields();
    search((b) => b.pageLimit === 500).reply(200, { contacts: [], total: 0 });

    const results = await appTester(
      perform,
      bundleWith({ tag: 'vip' }, { isPopulatingDedupe: true }),
    );
    expect(results).toEqual([]);
  });

  it('returns every contact of a burst of 1,000 tagged at once exactly once, in ceil(N/500)+1 requests', async () => {
    noCustomFields();
    const now = Date.now();
    const burst = Array.from({ length: 1000 }, (_, i) => row(2000 - i, 0.001 * i, now));
    const older = Array.from({ length: 600 }, (_, i) => row(900 - i, 60 + i, now));
    const server = searchAfterServer([...burst, ...older], 3);

    const results = await appTester(perform, bundleWith({ tag: 'vip' }));

    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const contact of burst) {
      expect(ids.filter((id) => id === `${contact.id}:vip`)).toHaveLength(1);
    }
    expect(server.requests).toBe(3);
    expect(server.requests).toBeLessThanOrEqual(Math.ceil(1000 / 500) + 1);
  });
});
