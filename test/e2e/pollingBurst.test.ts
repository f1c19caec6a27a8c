// A burst of 20,000 contacts through the sandbox answering each search page after a delay (small
// here, so the test stays short; `npm run bench` measures HighLevel's real page times): New
// Contact delivers every contact once, over consecutive polls, as Zapier runs them (the Zap's
// z.cursor on the sandbox's Zapier stand-in, Zapier's dedupe).
import nock from 'nock';
import App from '../../index';
import { contactsPerPoll, MAX_REQUESTS_PER_POLL } from '../../lib/polling/budget';
import { createZapierRunner } from '../../scripts/zapierRunner';
import { BURST_SIZES } from '../../sandbox/bursts';
import { perform } from '../../triggers/new_contact';
import { bundleWith } from '../support/app';
import { zapierDedupe } from '../support/contacts';
import { useSandbox } from '../support/e2e';

const PAGE_MS = 40;
const BURST = BURST_SIZES[0];

const e2e = useSandbox({
  rateLimit: false,
  latency: { allMs: 0, routes: [{ method: 'POST', path: '/contacts/search', ms: PAGE_MS }] },
});

afterAll(() => nock.disableNetConnect());

describe(`New Contact through a burst of ${BURST.toLocaleString('en-US')} (sandbox pages in ${PAGE_MS} ms)`, () => {
  it('fires every contact once over consecutive polls, then a quiet poll is one request', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const run = createZapierRunner(App, { rpcUrl: e2e.sandbox.zapierRpcUrl });
    const poll = (meta = {}) =>
      run(perform, { ...bundleWith({}, meta), authData: e2e.authData }) as Promise<
        Array<{ id: string }>
      >;
    const dedupe = zapierDedupe();
    dedupe(await poll({ isPopulatingDedupe: true }));

    const burst = e2e.sandbox.store.bulkCreateContacts(e2e.authData.locationId!, BURST, {
      at: new Date(),
    });
    const fired: string[] = [];
    const requests: number[] = [];
    const polls = Math.ceil(BURST / contactsPerPoll(PAGE_MS)) + 1;
    for (let i = 0; i < polls; i += 1) {
      const before = e2e.sandbox.requests.length;
      fired.push(...dedupe(await poll()).map((item) => item.id));
      requests.push(e2e.sandbox.requests.length - before);
    }

    expect(fired.length).toBe(BURST);
    expect(new Set(fired)).toEqual(new Set(burst.map((contact) => contact.id)));
    expect(Math.max(...requests)).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL + 1);
    expect(requests.at(-1)).toBe(1);
    log.mockRestore();
  }, 120_000);
});
