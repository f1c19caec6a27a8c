// The demo's runner (scripts/zapier-runner.ts): the app run through core's own handler, with the
// sandbox's stand-in for Zapier's cursor store, so a paging dropdown's "load more" works outside
// Zapier exactly as it does on Zapier. For both builds.
import { createZapierRunner } from '../../scripts/zapierRunner';
import { SEED } from '../../sandbox/seedData';
import { BUILDS, useSandbox } from '../support/e2e';

type Performable = { operation: { perform: unknown } };

describe.each(BUILDS)('the demo’s runner with the %s build', (build) => {
  const e2e = useSandbox({ build, rateLimit: false });
  const performOf = (section: 'triggers' | 'searches', key: string) =>
    (e2e.app[section] as Record<string, Performable>)[key]!.operation.perform as never;
  const contactChoices = performOf('triggers', 'contact_choices');

  it('pages the contacts dropdown with its searchAfter cursor, like Zapier', async () => {
    e2e.sandbox.store.bulkCreateContacts(SEED.locations.acme, 150);
    const total = e2e.sandbox.store.countContacts(SEED.locations.acme);
    const run = createZapierRunner(e2e.app, { rpcUrl: e2e.sandbox.zapierRpcUrl });
    const page = (number: number) =>
      run(contactChoices, {
        authData: e2e.authData,
        inputData: {},
        meta: { isFillingDynamicDropdown: true, page: number },
      }) as Promise<Array<{ id: string }>>;

    const first = await page(0);
    const second = await page(1);
    e2e.sandbox.resetRequestLog();
    const third = await page(2);

    expect(first).toHaveLength(100);
    expect(second).toHaveLength(total - 100);
    const ids = [...first, ...second].map((contact) => contact.id);
    expect(new Set(ids).size).toBe(total);
    // The short second page stored an empty cursor: "load more" ends without asking HighLevel.
    expect(third).toEqual([]);
    expect(e2e.sandbox.requests).toEqual([]);
  });

  it('refuses a function that is not part of the app, and runs a registered one', async () => {
    const run = createZapierRunner(e2e.app, { rpcUrl: e2e.sandbox.zapierRpcUrl });
    const notRegistered = async () => 'not part of the app';
    await expect(run(notRegistered as never, {})).rejects.toThrow(/not part of the app/);
    const found = (await run(performOf('searches', 'get_contact'), {
      authData: e2e.authData,
      inputData: { contactId: SEED.contacts.janeCooper },
    })) as Array<{ id: string }>;
    expect(found.map((contact) => contact.id)).toEqual([SEED.contacts.janeCooper]);
  });
});
