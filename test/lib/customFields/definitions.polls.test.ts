// What the custom-field definitions cost a poll once the connection keeps them: nothing at any
// interval Zapier polls at, until a contact carries a field the kept copy does not know.
import nock from 'nock';
import newContact, { perform } from '../../../triggers/new_contact';
import {
  bundleWith,
  customFieldsReply,
  failureOf,
  highLevel,
  LOCATION_ID,
  testerFor,
} from '../../support/app';
import { searchRow } from '../../support/contacts';
import { captureLog, definitions } from './fixtures';

// Zapier's cache forgets a value at its TTL; core's app tester keeps it for ever. This stand-in
// forgets it by the (fake) clock, as Zapier's does.
const mockCache = new Map<string, { value: unknown; expiresAt: number }>();
jest.mock('../../../lib/http/connectionCache', () => ({
  readConnectionCache: async (_z: unknown, key: string) => {
    const entry = mockCache.get(key);
    return entry && entry.expiresAt > Date.now() ? entry.value : undefined;
  },
  writeConnectionCache: async (_z: unknown, key: string, value: unknown, ttl: number) => {
    mockCache.set(key, {
      value: JSON.parse(JSON.stringify(value)),
      expiresAt: Date.now() + ttl * 1000,
    });
  },
}));

const appTester = testerFor('triggers', newContact);
const MINUTE = 60 * 1000;
const START = Date.parse('2026-12-04T09:00:00Z');

/** The requests HighLevel received, as `METHOD path`. */
const requests: string[] = [];
const record = (scope: nock.Scope) =>
  scope.on('request', (request: { method: string; path: string }) =>
    requests.push(`${request.method} ${request.path.split('?')[0]}`),
  );
const DEFINITIONS = `GET /locations/${LOCATION_ID}/customFields`;
const SEARCH = 'POST /contacts/search';

const definitionsReply = (fields: unknown[]) => record(customFieldsReply(fields));
const searchReply = (rows: unknown[]) =>
  record(highLevel().post('/contacts/search').reply(200, { contacts: rows, total: rows.length }));

/** A contact added just now, with these custom-field values. */
const contact = (n: number, customFields: Array<{ id: string; value: unknown }> = []) => ({
  ...searchRow(n, 0, { now: Date.now() }),
  customFields,
});

const poll = () => appTester(perform, bundleWith());

/** Moves the fake clock to `minutes` after the first poll and forgets the requests so far. */
const minutesLater = (minutes: number) => {
  jest.setSystemTime(START + minutes * MINUTE);
  requests.length = 0;
};

beforeEach(() => {
  mockCache.clear();
  requests.length = 0;
  // Only the clock is fake: nock and core keep their real timers.
  jest.useFakeTimers({
    now: START,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
});

afterEach(() => jest.useRealTimers());

describe('custom-field definitions across polls', () => {
  it.each([1, 5, 15])(
    'polls %i minutes apart cost one request each once the definitions are kept',
    async (interval) => {
      const rex = [{ id: 'cfText', value: 'Rex' }];
      definitionsReply(definitions);
      searchReply([contact(1, rex)]);
      await poll();
      expect(requests.sort()).toEqual([DEFINITIONS, SEARCH]); // the first poll loads them

      for (let n = 1; n <= 4; n += 1) {
        minutesLater(n * interval);
        searchReply([contact(n + 1, rex)]);
        const [first] = await poll();
        expect(requests).toEqual([SEARCH]);
        expect(first?.customFieldValues).toEqual({ pet_name: 'Rex' });
      }
    },
  );

  it('a contact with a field id the kept definitions lack reloads them exactly once', async () => {
    definitionsReply([definitions[0]]);
    searchReply([contact(1)]);
    await poll();

    // "Visits" was created since, and two contacts carry it.
    minutesLater(5);
    const visits = [{ id: 'cfNum', value: 3 }];
    searchReply([contact(2, visits), contact(3, visits)]);
    definitionsReply([definitions[0], definitions[2]]);
    const results = await poll();
    expect(requests).toEqual([SEARCH, DEFINITIONS]);
    expect(results.map((result) => result.customFieldValues)).toEqual([
      { visits: 3 },
      { visits: 3 },
    ]);

    // The reloaded copy is kept: the next poll is one request again.
    minutesLater(20);
    searchReply([contact(4, visits)]);
    await poll();
    expect(requests).toEqual([SEARCH]);
  });

  it('a value left by a field HighLevel no longer lists costs one reload, not one per poll', async () => {
    definitionsReply(definitions);
    searchReply([]);
    await poll();

    const orphan = [{ id: 'cfDeleted', value: 'left behind' }];
    minutesLater(1);
    searchReply([contact(1, orphan)]);
    definitionsReply(definitions);
    const [first] = await poll();
    expect(requests).toEqual([SEARCH, DEFINITIONS]);
    expect(first?.customFields).toEqual(orphan);

    minutesLater(2);
    searchReply([contact(1, orphan)]);
    await poll();
    expect(requests).toEqual([SEARCH]);
  });

  it('when the cache loses them, the next poll loads them again (one more request) and keeps them', async () => {
    definitionsReply(definitions);
    searchReply([]);
    await poll();

    mockCache.clear();
    minutesLater(1);
    definitionsReply(definitions);
    searchReply([]);
    await poll();
    expect(requests.sort()).toEqual([DEFINITIONS, SEARCH]);

    minutesLater(2);
    searchReply([]);
    await poll();
    expect(requests).toEqual([SEARCH]);
  });

  it('a poll that cannot reload them for a new id fails (the next poll reads the window again)', async () => {
    definitionsReply([definitions[0]]);
    searchReply([]);
    await poll();

    minutesLater(1);
    searchReply([contact(1, [{ id: 'cfNum', value: 3 }])]);
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query(true)
      .reply(503, { message: 'Service Unavailable' });
    const log = captureLog();
    const failure = await failureOf(poll());
    log.mockRestore();
    expect(failure.message).toMatch(/HTTP 503/);
  });
});
