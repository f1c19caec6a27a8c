// The sandbox can be slow: one delay for every API route, per-route delays that override it, set
// from the environment, the options, or over HTTP; bursts of contacts changed at once.
import { Latency, latencyFromEnv } from '../../sandbox/latency';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';

const acme = SEED.locations.acme;

let sandbox: Sandbox;
let call: Call;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false, latency: { allMs: 0, routes: [] } });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterEach(() => sandbox.setLatency({}));
afterAll(() => sandbox.close());

const timedSearch = async () => {
  const started = performance.now();
  const reply = await call('POST', '/contacts/search', { locationId: acme, pageLimit: 1 });
  return { status: reply.status, ms: performance.now() - started };
};

describe('sandbox latency', () => {
  it('reads SANDBOX_LATENCY_MS and SANDBOX_ROUTE_LATENCY_MS', () => {
    expect(
      latencyFromEnv({
        SANDBOX_LATENCY_MS: '150',
        SANDBOX_ROUTE_LATENCY_MS:
          'POST /contacts/search=1500; GET /contacts/business/{businessId}=2500',
      }),
    ).toEqual({
      allMs: 150,
      routes: [
        { method: 'POST', path: '/contacts/search', ms: 1500 },
        { method: 'GET', path: '/contacts/business/{businessId}', ms: 2500 },
      ],
    });
    expect(latencyFromEnv({})).toEqual({ allMs: 0, routes: [] });
    expect(() => latencyFromEnv({ SANDBOX_LATENCY_MS: 'slow' })).toThrow(
      'SANDBOX_LATENCY_MS must be a number of milliseconds ≥ 0, not "slow"',
    );
  });

  it('delays a matching route by its own latency, and the others by the common one', async () => {
    const routes = [{ method: 'POST', path: '/contacts/search', ms: 200 }];
    const latency = new Latency({ allMs: 30, routes });
    expect(latency.delayFor('POST', '/contacts/search')).toBe(200);
    expect(latency.delayFor('GET', '/contacts/abc')).toBe(30);

    sandbox.setLatency({ routes });
    const slow = await timedSearch();
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(195);
  });

  it('is set over HTTP at /__sandbox/latency', async () => {
    const reply = await fetch(`${sandbox.url}/__sandbox/latency`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ allMs: 120 }),
    });
    expect(await reply.json()).toEqual({ latency: { allMs: 120, routes: [] } });
    expect((await timedSearch()).ms).toBeGreaterThanOrEqual(115);
  });
});

describe('sandbox bursts', () => {
  it('changes 20,000 contacts at once (one date), adding a tag', async () => {
    sandbox.store.bulkCreateContacts(acme, 20_000);
    const reply = await fetch(`${sandbox.url}/__sandbox/contacts/bulk-change`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ count: 20_000, tag: 'imported' }),
    });
    const { count, ids } = (await reply.json()) as { count: number; ids: string[] };

    expect(count).toBe(20_000);
    const changed = ids.map((id) => sandbox.store.contacts.get(id)!);
    expect(new Set(changed.map((c) => c.dateUpdated)).size).toBe(1);
    expect(changed.every((c) => c.tags.includes('imported'))).toBe(true);
  });
});
