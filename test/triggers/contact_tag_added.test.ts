import { BURST_PAGE_SIZE, MAX_REQUESTS_PER_POLL } from '../../lib/polling/budget';
import contactTagAdded, { perform } from '../../triggers/contact_tag_added';
import {
  bundleWith,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';
import { searchAfterServer, searchRow, zapierDedupe } from '../support/contacts';

const appTester = testerFor('triggers', contactTagAdded);
const turningOn = { isPopulatingDedupe: true };
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

  it('says plainly that a contact fires once per tag, not again when the tag is removed and re-added', () => {
    const { inputFields } = contactTagAdded.operation as {
      inputFields: Array<{ helpText?: string }>;
    };
    expect(contactTagAdded.display.description).toMatch(
      /^Triggers when a tag is first added to a contact\. .*Tag Added to Contact \(Instant\)/,
    );
    expect(inputFields[0]!.helpText).toMatch(
      /A contact whose tag is removed and added again later does not fire again\./,
    );
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

  it('records every contact that has the tag when the Zap is turned on, so one tagged long ago never fires when edited', async () => {
    // The id (contact + tag) never changes: a tagged contact left unrecorded now would fire the
    // first time it is edited, however long ago it got the tag.
    noCustomFields();
    const now = Date.now();
    const tagged = Array.from({ length: 1800 }, (_, i) => row(5000 - i, 60 * 24 * (i + 1), now));
    const server = searchAfterServer(tagged, 4); // 500, 500, 500, then a short page of 300
    const dedupe = zapierDedupe();

    const recorded = dedupe(
      await appTester(perform, bundleWith({ tag: 'vip' }, turningOn), { keepCache: true }),
    );
    expect(server.requests).toBe(Math.ceil(tagged.length / BURST_PAGE_SIZE));
    expect(recorded).toHaveLength(tagged.length);

    // The contact tagged longest ago is edited: it comes first, and Zapier drops it.
    const edited = { ...tagged[tagged.length - 1]!, dateUpdated: new Date().toISOString() };
    searchAfterServer([edited, ...tagged.slice(0, -1)], 1);
    const fired = dedupe(await appTester(perform, bundleWith({ tag: 'vip' }), { keepCache: true }));
    expect(fired).toEqual([]);
  });

  it('stops recording at the request cap when the Zap is turned on, and says so', async () => {
    noCustomFields();
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const tagged = Array.from({ length: 10_500 }, (_, i) => row(20_000 - i, 60 + i));
    const server = searchAfterServer(tagged, MAX_REQUESTS_PER_POLL);

    const results = await appTester(perform, bundleWith({ tag: 'vip' }, turningOn));

    expect(server.requests).toBe(MAX_REQUESTS_PER_POLL);
    expect(results).toHaveLength(MAX_REQUESTS_PER_POLL * BURST_PAGE_SIZE);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/Stopped paging after 20 requests \(the cap of 20 requests per poll\)/),
    );
  });

  it('returns each contact of a burst of 1,000 tagged at once exactly once across polls, with Zapier dropping ids it has seen', async () => {
    noCustomFields();
    const now = Date.now();
    const before = Array.from({ length: 600 }, (_, i) => row(900 - i, 60 + i, now));
    const burst = Array.from({ length: 1000 }, (_, i) => row(2000 - i, 0.001 * i, now));
    const dedupe = zapierDedupe();

    // The Zap is turned on (recording all 600), then polled once while nothing happens.
    searchAfterServer(before, 2);
    dedupe(await appTester(perform, bundleWith({ tag: 'vip' }, turningOn)));
    const quiet = searchAfterServer(before, 1);
    const nothing = dedupe(
      await appTester(perform, bundleWith({ tag: 'vip' }), { keepCache: true }),
    );
    expect(nothing).toEqual([]);
    expect(quiet.requests).toBe(1);

    const during = searchAfterServer([...burst, ...before], 3);
    const fired = dedupe(await appTester(perform, bundleWith({ tag: 'vip' }), { keepCache: true }));
    // 100, then 500, then 500 reaching contacts older than the look-back window.
    expect(during.requests).toBe(Math.ceil(burst.length / BURST_PAGE_SIZE) + 1);

    searchAfterServer([...burst, ...before], 3);
    const after = dedupe(await appTester(perform, bundleWith({ tag: 'vip' }), { keepCache: true }));

    const firedIds = [...fired, ...after].map((r) => r.id);
    expect(firedIds.sort()).toEqual(burst.map((contact) => `${contact.id}:vip`).sort());
  });
});
