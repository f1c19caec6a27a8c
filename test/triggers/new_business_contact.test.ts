import type { Bundle } from 'zapier-platform-core';
import { MAX_REQUESTS_PER_POLL, MEMBER_PAGE_SIZE as PAGE_SIZE } from '../../lib/polling/budget';
import newBusinessContact, { perform } from '../../triggers/new_business_contact';
import {
  bundleWith,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';
import {
  BUSINESS_ID,
  businessMember,
  businessMembersServer,
  zapierDedupe,
  type BusinessMember,
} from '../support/contacts';
import { fakeCursor } from '../support/cursor';

const appTester = testerFor('triggers', newBusinessContact);
const PATH = `/contacts/business/${BUSINESS_ID}`;

/** Member `n`, who joined the business `n` minutes after the first one. */
const member = (n: number) =>
  businessMember(n, new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString());
/** Members `from`..`to` in the order they joined: the newest last, as our sandbox lists them. */
const joined = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => member(from + i));
const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

type Meta = Partial<Bundle['meta']>;

/** Zapier's cursor store, started by the test's first run (each Zap has its own storeKey). */
let cursor: ReturnType<typeof fakeCursor> | undefined;
beforeEach(() => (cursor = undefined));

/**
 * One HighLevel connection on which Zaps on New Contact in Business run. `zap()` is one Zap (its
 * own app tester, so its own z.cursor, as on Zapier): `turnOn()` is Zapier's first poll
 * (isPopulatingDedupe), `poll()` the ones after it, each returning what the trigger returned and
 * what fired after that Zap's dedupe; `sample()` is an editor test, recorded by no dedupe.
 */
const connectionOnBusiness = () => {
  const zap = () => {
    const tester = testerFor('triggers', newBusinessContact);
    let runs = 0;
    const run = async (meta: Meta, { emptyCache = false } = {}) => {
      cursor ??= fakeCursor();
      if (runs === 0) noCustomFields();
      const bundle = bundleWith({ businessId: BUSINESS_ID }, meta);
      const results = await tester(perform, bundle, { keepCache: runs > 0 && !emptyCache });
      runs += 1;
      return results;
    };
    const dedupe = zapierDedupe();
    const poll = async (isPopulatingDedupe: boolean) => {
      const results = await run({ isPopulatingDedupe });
      return { results, fired: dedupe(results) };
    };
    return {
      turnOn: () => poll(true),
      poll: () => poll(false),
      sample: () => run({ isLoadingSample: true }),
      /** A poll with z.cache emptied, so that it loads the custom-field definitions again. */
      pollWithEmptyCache: () => run({ isPopulatingDedupe: false }, { emptyCache: true }),
    };
  };
  return { zap };
};

/** One Zap on its own connection. */
const zapOnBusiness = () => connectionOnBusiness().zap();

/** Requests a step of the test sent to the fake business list. */
const requestsOf = async (server: { requests: number }, step: () => Promise<unknown>) => {
  const before = server.requests;
  await step();
  return server.requests - before;
};

/**
 * Polls `zap` until a poll fires nothing (at most 10 polls): for each poll, the requests it sent
 * to `server`, the ids it returned and the ids that fired after Zapier's dedupe.
 */
const pollUntilCaughtUp = async (
  zap: ReturnType<typeof zapOnBusiness>,
  server: { requests: number },
) => {
  const polls: Array<{ requests: number; returned: string[]; fired: string[] }> = [];
  for (let poll = 0; poll < 10; poll += 1) {
    const before = server.requests;
    const { results, fired } = await zap.poll();
    polls.push({ requests: server.requests - before, returned: ids(results), fired: ids(fired) });
    if (fired.length === 0) break;
  }
  return polls;
};

/** Each poll returned exactly what fired: nobody is returned again once fired. */
const expectOnlyNewReturned = (polls: Array<{ returned: string[]; fired: string[] }>) => {
  for (const { returned, fired } of polls) expect([...returned].sort()).toEqual([...fired].sort());
};

/** Polls a burst of `size` members needs at most: its pages spread over polls of the cap. */
const pollsFor = (size: number) => Math.ceil(size / PAGE_SIZE / MAX_REQUESTS_PER_POLL);

/** The custom-field definitions request, to answer as a test needs. */
const customFieldsRequest = () =>
  highLevel().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' });

afterEach(() => jest.restoreAllMocks());

describe('new_business_contact', () => {
  it('lists the business contacts with string paging and returns them newest added first', async () => {
    noCustomFields();
    const rows = [member(1), member(9), member(4)];
    highLevel()
      .get(PATH)
      .query({ locationId: LOCATION_ID, limit: '100', skip: '0' })
      .reply(200, { contacts: rows, count: 3 });

    const results = await appTester(perform, bundleWith({ businessId: BUSINESS_ID }));

    expect(ids(results)).toEqual(ids([rows[1]!, rows[2]!, rows[0]!]));
    expect(results[0]).toMatchObject({
      fullName: 'Member 9',
      email: 'member9@example.com',
      businessId: BUSINESS_ID,
      dateAdded: rows[1]!.dateAdded,
    });
  });

  describe('a business of 1,500 members listed oldest first (the newest last)', () => {
    it('records all of them when the Zap is turned on: the first page, then from the end back', async () => {
      const server = businessMembersServer(joined(1, 1500));
      const zap = zapOnBusiness();

      const { results } = await zap.turnOn();

      expect(server.requests).toBe(15);
      expect(results).toHaveLength(1500);
      expect(results[0]!.id).toBe(member(1500).id);
    });

    it('then costs one request per poll, and fires each new member once', async () => {
      const server = businessMembersServer(joined(1, 1500));
      const zap = zapOnBusiness();
      await zap.turnOn();

      let results: Array<{ id: string }> = [];
      let fired: Array<{ id: string }> = [];
      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
      expect(fired).toEqual([]);

      server.members.push(member(1501));
      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
      expect(ids(fired)).toEqual([member(1501).id]);

      // Not returned again: the Zap's shape has moved past it.
      expect(await requestsOf(server, async () => ({ results, fired } = await zap.poll()))).toBe(1);
      expect(results).toEqual([]);
      expect(fired).toEqual([]);
    });

    it('reads on to the end after a burst: 250 new members in 3 requests, each fired once', async () => {
      const server = businessMembersServer(joined(1, 1500));
      const zap = zapOnBusiness();
      await zap.turnOn();

      server.members.push(...joined(1501, 1750));
      let fired: Array<{ id: string }> = [];
      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(3);

      expect(ids(fired).sort()).toEqual(ids(joined(1501, 1750)).sort());
      expect(fired[0]!.id).toBe(member(1750).id);
    });
  });

  describe('a business of 1,500 members listed newest first', () => {
    it('records all of them when turned on, then costs one request per poll, new members included', async () => {
      const server = businessMembersServer(joined(1, 1500).reverse());
      const zap = zapOnBusiness();

      let fired: Array<{ id: string }> = [];
      expect(await requestsOf(server, async () => ({ fired } = await zap.turnOn()))).toBe(15);
      expect(fired).toHaveLength(1500);

      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
      expect(fired).toEqual([]);

      server.members.unshift(member(1501));
      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
      expect(ids(fired)).toEqual([member(1501).id]);

      server.members.unshift(...joined(1502, 1751).reverse());
      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(3);
      expect(ids(fired).sort()).toEqual(ids(joined(1502, 1751)).sort());
    });
  });

  it('watches both ends while the dates do not tell the order, then only the end where members join', async () => {
    // Listed by some order of HighLevel's own: the dates along the list go up and down.
    const shuffled = joined(1, 1500).map((row, i) => ({
      ...row,
      dateAdded: member(i % 2 === 0 ? i : 3000 - i).dateAdded,
    }));
    const server = businessMembersServer(shuffled);
    const zap = zapOnBusiness();
    await zap.turnOn();

    let fired: Array<{ id: string }> = [];
    expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(2);
    expect(fired).toEqual([]);

    server.members.push(member(5001));
    expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(2);
    expect(ids(fired)).toEqual([member(5001).id]);

    // Members joined at the end: from now on only the end is read.
    server.members.push(member(5002));
    expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
    expect(ids(fired)).toEqual([member(5002).id]);
  });

  it('reads the whole list when a member joins away from the end watched, so none is missed', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = businessMembersServer(joined(1, 1500));
    const zap = zapOnBusiness();
    await zap.turnOn();

    // A contact added long ago joins the business: a list ordered by dateAdded puts it mid-way.
    const longKnown = businessMember(9999, new Date(Date.UTC(2025, 0, 1)).toISOString());
    server.members.splice(700, 0, longKnown);
    let fired: Array<{ id: string }> = [];
    const requests = await requestsOf(server, async () => ({ fired } = await zap.poll()));

    expect(ids(fired)).toEqual([longKnown.id]);
    expect(requests).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/Reading the whole member list: the member count grew by 1/),
    );
  });

  it('reads the whole list when the member remembered at the end has left', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = businessMembersServer(joined(1, 1500));
    const zap = zapOnBusiness();
    await zap.turnOn();

    server.members.pop();
    server.members.push(member(1501));
    let fired: Array<{ id: string }> = [];
    expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBeGreaterThan(1);
    expect(ids(fired)).toEqual([member(1501).id]);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /Reading the whole member list: the member remembered at an end of the list is no longer there/,
      ),
    );
  });

  it(`stops at ${MAX_REQUESTS_PER_POLL} requests in a business of 2,500, newest end first, and says so`, async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = businessMembersServer(joined(1, 2500));
    const zap = zapOnBusiness();

    const { results } = await zap.turnOn();

    expect(server.requests).toBe(MAX_REQUESTS_PER_POLL);
    // The first page (to learn the order), then 19 pages back from the newest end.
    expect(ids(results).sort()).toEqual(ids([...joined(1, 100), ...joined(601, 2500)]).sort());
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/Stopped paging after 20 requests \(the cap of 20 requests per poll\)/),
    );

    server.members.push(member(2501));
    let fired: Array<{ id: string }> = [];
    expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
    expect(ids(fired)).toEqual([member(2501).id]);
  });

  describe.each([
    [
      'oldest first',
      (burst: BusinessMember[], server: { members: BusinessMember[] }) => {
        server.members.push(...burst);
      },
    ],
    [
      'newest first',
      (burst: BusinessMember[], server: { members: BusinessMember[] }) => {
        server.members.unshift(...[...burst].reverse());
      },
    ],
  ])('a burst bigger than one poll can read, in a business listed %s', (order, join) => {
    const listed = (rows: BusinessMember[]) => (order === 'oldest first' ? rows : rows.reverse());

    it.each([5_000, 2_500])(
      'delivers %s new members over consecutive polls, each fired once, then costs one request',
      async (size) => {
        const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
        const server = businessMembersServer(listed(joined(1, 1500)));
        const zap = zapOnBusiness();
        await zap.turnOn();

        const burst = joined(1501, 1500 + size);
        join(burst, server);
        const polls = await pollUntilCaughtUp(zap, server);
        const delivering = polls.slice(0, -1);

        // Every new member fired once, and no poll returns a member again.
        expect(polls.flatMap((poll) => poll.fired).sort()).toEqual(ids(burst).sort());
        expectOnlyNewReturned(polls);
        // As few polls as the cap allows, each within it; then back to one request per poll.
        expect(delivering).toHaveLength(pollsFor(size));
        for (const poll of delivering)
          expect(poll.requests).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
        expect(polls.at(-1)).toEqual({ requests: 1, returned: [], fired: [] });
        // Each cut poll says that the rest follows.
        const cut = log.mock.calls.filter(([line]) => /follow in the next poll/.test(String(line)));
        expect(cut).toHaveLength(delivering.length - 1);

        server.members[order === 'oldest first' ? 'push' : 'unshift'](member(9000));
        expect(
          await requestsOf(server, async () =>
            expect(ids((await zap.poll()).fired)).toEqual([member(9000).id]),
          ),
        ).toBe(1);
      },
    );

    it('delivers 5,000 members assigned at once to a business that had none', async () => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const server = businessMembersServer([]);
      const zap = zapOnBusiness();
      expect((await zap.turnOn()).results).toEqual([]);

      const burst = joined(1, 5000);
      join(burst, server);
      const polls = await pollUntilCaughtUp(zap, server);

      expect(polls.flatMap((poll) => poll.fired).sort()).toEqual(ids(burst).sort());
      expectOnlyNewReturned(polls);
      expect(polls.slice(0, -1)).toHaveLength(pollsFor(5000));
      for (const poll of polls) expect(poll.requests).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
      expect(polls.at(-1)).toEqual({ requests: 1, returned: [], fired: [] });
    });

    it('still reads the whole list for a member who joined mid-list during the burst, once the burst is delivered', async () => {
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const server = businessMembersServer(listed(joined(1, 1500)));
      const zap = zapOnBusiness();
      await zap.turnOn();

      const burst = joined(1501, 4000);
      join(burst, server);
      // A contact added long ago joins too: a list ordered by dateAdded puts it at the oldest end,
      // away from the end watched, which the whole-list read reads first.
      const longKnown = businessMember(9999, new Date(Date.UTC(2025, 0, 1)).toISOString());
      if (order === 'oldest first') server.members.unshift(longKnown);
      else server.members.push(longKnown);
      const polls = await pollUntilCaughtUp(zap, server);

      expect(polls.flatMap((poll) => poll.fired).sort()).toEqual(ids([...burst, longKnown]).sort());
      for (const poll of polls) expect(poll.requests).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
      expect(log).toHaveBeenCalledWith(
        expect.stringMatching(
          /Reading the whole member list: the member count grew by 1 more than/,
        ),
      );
    });
  });

  it.each(['end', 'start'])(
    'delivers a burst of 5,000 at the %s of a list whose dates do not tell the order',
    async (end) => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const shuffled = joined(1, 1500).map((row, i) => ({
        ...row,
        dateAdded: member(i % 2 === 0 ? i : 3000 - i).dateAdded,
      }));
      const server = businessMembersServer(shuffled);
      const zap = zapOnBusiness();
      await zap.turnOn();

      const burst = joined(5001, 10_000);
      if (end === 'end') server.members.push(...burst);
      else server.members.unshift(...[...burst].reverse());
      const polls = await pollUntilCaughtUp(zap, server);

      expect(polls.flatMap((poll) => poll.fired).sort()).toEqual(ids(burst).sort());
      expectOnlyNewReturned(polls);
      expect(polls.slice(0, -1)).toHaveLength(pollsFor(5000));
      for (const poll of polls) expect(poll.requests).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
      // Both ends were watched until the burst showed where members join: now only that end.
      expect(polls.at(-1)).toEqual({ requests: 1, returned: [], fired: [] });
    },
  );

  describe('delivery that does not depend on a poll being recorded', () => {
    it('loses nothing when a poll fails after its member read (custom fields 503): the next poll fires the member', async () => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const server = businessMembersServer(joined(1, 1500));
      const zap = zapOnBusiness();
      await zap.turnOn();

      server.members.push(member(1501));
      // The custom-field definitions are loaded again (an empty z.cache), and fail.
      customFieldsRequest().reply(503, { statusCode: 503, message: 'Service Unavailable' });
      const storedBefore = [...cursor!.stored.values()];
      expect(await failureOf(zap.pollWithEmptyCache())).toMatchObject({ status: 503 });
      expect([...cursor!.stored.values()]).toEqual(storedBefore);

      noCustomFields();
      let fired: Array<{ id: string }> = [];
      // The ends read as they would have been without the failed poll (one or both ends).
      expect(
        await requestsOf(server, async () => ({ fired } = await zap.poll())),
      ).toBeLessThanOrEqual(2);
      expect(ids(fired)).toEqual([member(1501).id]);
    });

    it('delivers every member of a burst to each of two Zaps on one connection and business, once', async () => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const server = businessMembersServer(joined(1, 1500));
      const connection = connectionOnBusiness();
      const zaps = [connection.zap(), connection.zap()];
      for (const zap of zaps) await zap.turnOn();

      const burst = joined(1501, 4500);
      server.members.push(...burst);
      const fired = zaps.map(() => [] as string[]);
      // Their polls interleave, as Zapier runs them independently.
      for (let round = 0; round < 3; round += 1) {
        for (const [i, zap] of zaps.entries()) fired[i]!.push(...ids((await zap.poll()).fired));
      }
      for (const firedByZap of fired) expect(firedByZap.sort()).toEqual(ids(burst).sort());
    });

    it('a Zap turned on starts afresh, and other Zaps still fire who joined before', async () => {
      const server = businessMembersServer(joined(1, 1500));
      const connection = connectionOnBusiness();
      const [first, second] = [connection.zap(), connection.zap()];
      await first.turnOn();

      server.members.push(member(1501));
      expect(ids((await second.turnOn()).results)).toContain(member(1501).id);

      expect(ids((await first.poll()).fired)).toEqual([member(1501).id]);
      // There when the second Zap was turned on: recorded then, it never fires for that Zap.
      expect((await second.poll()).fired).toEqual([]);
    });
  });

  describe('an editor test (isLoadingSample)', () => {
    it.each([
      ['oldest first', 2],
      ['newest first', 1],
    ])(
      'in a business listed %s returns the new member from the newest page (%s requests), and the next poll still fires it',
      async (order, requests) => {
        const oldestFirst = order === 'oldest first';
        const server = businessMembersServer(
          oldestFirst ? joined(1, 1500) : joined(1, 1500).reverse(),
        );
        const zap = zapOnBusiness();
        await zap.turnOn();
        server.members[oldestFirst ? 'push' : 'unshift'](member(1501));

        let sample: Array<{ id: string }> = [];
        expect(await requestsOf(server, async () => (sample = await zap.sample()))).toBe(requests);
        expect(ids(sample)).toEqual(ids(joined(1402, 1501).reverse()));

        let fired: Array<{ id: string }> = [];
        expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
        expect(ids(fired)).toEqual([member(1501).id]);
      },
    );

    it('stores nothing: the next poll is as if it never ran', async () => {
      const server = businessMembersServer(joined(1, 1500));
      const zap = zapOnBusiness();
      await zap.turnOn();
      server.members.push(member(1501));
      const stored = [...cursor!.stored.values()];

      await zap.sample();
      expect([...cursor!.stored.values()]).toEqual(stored);

      let fired: Array<{ id: string }> = [];
      expect(await requestsOf(server, async () => ({ fired } = await zap.poll()))).toBe(1);
      expect(ids(fired)).toEqual([member(1501).id]);
    });

    it('remembers nothing before the Zap has polled: its first poll still reads the whole list', async () => {
      const server = businessMembersServer(joined(1, 1500));
      const zap = zapOnBusiness();

      expect(await requestsOf(server, () => zap.sample())).toBe(2);
      expect(cursor!.calls).toEqual([]);

      let results: Array<{ id: string }> = [];
      expect(await requestsOf(server, async () => ({ results } = await zap.poll()))).toBe(15);
      expect(results).toHaveLength(1500);
    });
  });

  it('returns nothing for a business without contacts', async () => {
    noCustomFields();
    highLevel().get(PATH).query(true).reply(200, { contacts: [], count: 0 });
    expect(await appTester(perform, bundleWith({ businessId: BUSINESS_ID }))).toEqual([]);
  });

  it('requires a business, before any request', async () => {
    const failure = await failureOf(appTester(perform, bundleWith({})));
    expect(failure.message).toMatch(/Invalid Business ID/);
  });
});
