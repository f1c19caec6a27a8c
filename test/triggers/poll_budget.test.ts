// The budget of one poll (lib/polling/budget.ts), seen through New Contact: at most MAX_REQUESTS_PER_POLL
// requests, all of them inside TIME_BUDGET_MS (each request gets at most what is left of it as its
// timeout), so a poll ends far below Zapier's 30 s. Paging that stops early says why in the log,
// and the pages already read still reach Zapier.
//
// No outcome here hangs on how fast the machine is: the poll's clock (Date.now, which the budget
// reads) stands still unless the test moves it to stand for a slow answer, and where a real timeout
// must fire, the answer it cuts off is due many seconds after it.
import nock from 'nock';
import { requestTimeoutMs, stepBudgetMs } from '../../lib/http/config';
import {
  BURST_PAGE_SIZE,
  FIRST_PAGE_SIZE,
  MAX_REQUESTS_PER_POLL,
  TIME_BUDGET_MS,
} from '../../lib/polling/budget';
import newContact, { perform } from '../../triggers/new_contact';
import { bundleWith, highLevel, noCustomFields, testerFor } from '../support/app';
import { searchAfterServer, searchRow, type SearchRow } from '../support/contacts';

const appTester = testerFor('triggers', newContact);

/** An answer that, unless cut off, comes long after any timeout these tests expect to fire. */
const LATE_MS = 20_000;

/**
 * Date.now as the poll sees it: stopped, and moved only by what the test skips ahead, so the time
 * the poll has left is what the test says however long the machine takes between two requests.
 */
const steppedClock = () => {
  let now = Date.now();
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  return { skip: (ms: number) => (now += ms) };
};

/** What the poll wrote with z.console.log. */
const consoleLog = () => jest.spyOn(console, 'log').mockImplementation(() => undefined);

/** `count` contacts added within the last minute: every page of them is inside the window. */
const burstOf = (count: number) => {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => searchRow(50_000 - i, i / count, { now }));
};

afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.HIGHLEVEL_STEP_BUDGET_MS;
});

describe('the poll budget', () => {
  it(`stops at ${MAX_REQUESTS_PER_POLL} requests however large the burst, and says so`, async () => {
    noCustomFields();
    const log = consoleLog();
    steppedClock(); // however slowly the 20 pages are read, the time budget stays whole
    const server = searchAfterServer(burstOf(12_000), MAX_REQUESTS_PER_POLL);

    const results = await appTester(perform, bundleWith());

    expect(server.requests).toBe(MAX_REQUESTS_PER_POLL);
    expect(results).toHaveLength(FIRST_PAGE_SIZE + (MAX_REQUESTS_PER_POLL - 1) * BURST_PAGE_SIZE);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/Stopped paging after 20 requests \(the cap of 20 requests per poll\)/),
    );
  });

  it('sends no further page once the time budget is spent, and says so', async () => {
    noCustomFields();
    const log = consoleLog();
    const clock = steppedClock();
    // Every answer takes 7 s: after three of them (21 s) no time is left for a fourth.
    const server = searchAfterServer(burstOf(5000), 3, { onRequest: () => clock.skip(7000) });

    const results = await appTester(perform, bundleWith());

    expect(server.requests).toBe(3);
    expect(results).toHaveLength(FIRST_PAGE_SIZE + 2 * BURST_PAGE_SIZE);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/after 3 requests \(the poll's time budget of 20 s is spent\)/),
    );
  });

  it('gives a page only the time left of the budget, and keeps the earlier pages when it runs out', async () => {
    noCustomFields();
    const log = consoleLog();
    const clock = steppedClock();
    const rows = burstOf(1000);
    // The first answer leaves 1.5 s of the budget. The second page spends the rest of it as it
    // loads, and its answer is due well inside the usual 25 s timeout: only the budget's 1.5 s can
    // cut it off, and had the poll waited for it, its contacts would be among the results. The
    // step's own budget is made roomy, so that it cannot stand in for the poll's.
    process.env.HIGHLEVEL_STEP_BUDGET_MS = String(TIME_BUDGET_MS + 2 * requestTimeoutMs());
    expect(LATE_MS).toBeLessThan(Math.min(requestTimeoutMs(), stepBudgetMs() - TIME_BUDGET_MS));
    searchAfterServer(rows, 1, { onRequest: () => clock.skip(TIME_BUDGET_MS - 1500) });
    const secondPage = highLevel()
      .post('/contacts/search')
      .delay(LATE_MS)
      .reply(() => {
        clock.skip(1500);
        return [200, { contacts: rows.slice(FIRST_PAGE_SIZE, FIRST_PAGE_SIZE + BURST_PAGE_SIZE) }];
      });

    const results = await appTester(perform, bundleWith());

    expect(secondPage.isDone()).toBe(true);
    nock.abortPendingRequests(); // the abandoned answer's timer
    expect(results.map((r) => r.id)).toEqual(rows.slice(0, FIRST_PAGE_SIZE).map((row) => row.id));
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /after 2 requests \(the poll's time budget of 20 s ran out while a page loaded\)/,
      ),
    );
  });

  it('stops, and says so, at a full page where no contact carries a searchAfter cursor', async () => {
    noCustomFields();
    const log = consoleLog();
    const rows = burstOf(FIRST_PAGE_SIZE).map(({ searchAfter: _cursor, ...row }) => row);
    highLevel().post('/contacts/search').reply(200, { contacts: rows, total: 5000 });

    const results = await appTester(perform, bundleWith());

    expect(results).toHaveLength(FIRST_PAGE_SIZE);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /HighLevel returned a full page whose last contact has no searchAfter cursor/,
      ),
    );
  });

  it('stops, and says so, at a full page whose last contact alone carries no searchAfter cursor', async () => {
    noCustomFields();
    const log = consoleLog();
    const rows: Array<Omit<SearchRow, 'searchAfter'> & { searchAfter?: SearchRow['searchAfter'] }> =
      burstOf(5000);
    delete rows[FIRST_PAGE_SIZE - 1]!.searchAfter;
    // Answers the first page only: a second request would find no answer.
    const server = searchAfterServer(rows as SearchRow[], 1);

    const results = await appTester(perform, bundleWith());

    expect(server.requests).toBe(1);
    expect(results).toHaveLength(FIRST_PAGE_SIZE);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /HighLevel returned a full page whose last contact has no searchAfter cursor/,
      ),
    );
  });
});
