import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';

const acme = SEED.locations.acme;
const jane = SEED.contacts.janeCooper;

let sandbox: Sandbox;
let call: Call;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterEach(() => sandbox.clearFaults());
afterAll(() => sandbox.close());

describe('fault injection', () => {
  it('answers the next N matching requests with the given status, body and headers', async () => {
    sandbox.injectFault({
      method: 'GET',
      path: '/contacts/{contactId}',
      status: 503,
      times: 2,
      headers: { 'X-Fault': 'yes' },
    });
    const first = await call('GET', `/contacts/${jane}`);
    const second = await call('GET', `/contacts/${jane}`);
    const third = await call('GET', `/contacts/${jane}`);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.body).toEqual({ statusCode: 503, message: 'Service Unavailable' });
    expect(first.headers.get('x-fault')).toBe('yes');
  });

  it('matches exact paths and methods only', async () => {
    sandbox.injectFault({
      method: 'POST',
      path: '/contacts/search',
      status: 500,
      body: { statusCode: 500, message: 'boom' },
    });
    expect((await call('GET', `/contacts/${jane}`)).status).toBe(200);
    const faulted = await call('POST', '/contacts/search', { locationId: acme, pageLimit: 1 });
    expect(faulted.status).toBe(500);
    expect(faulted.body).toEqual({ statusCode: 500, message: 'boom' });
  });

  it('can return malformed JSON or an empty body', async () => {
    sandbox.injectFault({ path: `/contacts/${jane}`, status: 200, body: 'malformed' });
    const malformed = await call('GET', `/contacts/${jane}`);
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(malformed.text)).toThrow();
    sandbox.injectFault({ path: `/contacts/${jane}`, status: 502, body: 'empty' });
    const empty = await call('GET', `/contacts/${jane}`);
    expect(empty.status).toBe(502);
    expect(empty.text).toBe('');
  });

  it('delays a response; a delay-only fault then lets the request through', async () => {
    sandbox.injectFault({ path: `/contacts/${jane}`, delayMs: 250 });
    const started = Date.now();
    const reply = await call('GET', `/contacts/${jane}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(reply.status).toBe(200);
    expect(reply.body.contact.id).toBe(jane);
  });

  it('applies after authentication and never changes data', async () => {
    sandbox.injectFault({ method: 'POST', path: '/contacts/', status: 500 });
    const unauthenticated = await client(sandbox)('POST', '/contacts/', {
      locationId: acme,
      email: 'fault@example.com',
    });
    expect(unauthenticated.status).toBe(401);
    const before = sandbox.store.countContacts(acme);
    const faulted = await call('POST', '/contacts/', {
      locationId: acme,
      email: 'fault@example.com',
    });
    expect(faulted.status).toBe(500);
    expect(sandbox.store.countContacts(acme)).toBe(before);
    const real = await call('POST', '/contacts/', { locationId: acme, email: 'fault@example.com' });
    expect(real.status).toBe(201);
    expect(sandbox.store.countContacts(acme)).toBe(before + 1);
  });

  it('can fault the token endpoint', async () => {
    sandbox.injectFault({ path: '/oauth/token', status: 500 });
    const response = await fetch(`${sandbox.url}/oauth/token`, { method: 'POST' });
    expect(response.status).toBe(500);
  });
});

describe('request log and HTTP admin routes', () => {
  it('logs API requests with status and location, and resets in place', async () => {
    sandbox.resetRequestLog();
    const log = sandbox.requests;
    await call('GET', `/contacts/${jane}`);
    await call('GET', '/contacts/AAAAAAAAAAAAAAAAAAAA');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: `/contacts/${jane}`,
      status: 200,
      locationId: acme,
      operationId: 'get-contact',
    });
    expect(log[1]!.status).toBe(400);
    sandbox.resetRequestLog();
    expect(sandbox.requests).toHaveLength(0);
    expect(sandbox.requests).toBe(log);
  });

  it('drives faults and the log over /__sandbox/ without a token', async () => {
    const inject = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/contacts/{contactId}', status: 429, times: 1 }),
    });
    expect(inject.status).toBe(201);
    expect((await call('GET', `/contacts/${jane}`)).status).toBe(429);
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/contacts/{contactId}', status: 500, times: 5 }),
    });
    expect((await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await call('GET', `/contacts/${jane}`)).status).toBe(200);
    const log = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as {
      count: number;
      requests: Array<{ path: string }>;
    };
    expect(log.count).toBe(sandbox.requests.length);
    expect(log.requests.some((r) => r.path.startsWith('/__sandbox'))).toBe(false);
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('issues tokens and bulk-creates contacts over HTTP', async () => {
    const tokens = (await (
      await fetch(`${sandbox.url}/__sandbox/tokens`, { method: 'POST' })
    ).json()) as { access_token: string; locationId: string };
    expect(tokens.locationId).toBe(acme);
    const before = sandbox.store.countContacts(acme);
    const created = await fetch(`${sandbox.url}/__sandbox/contacts/bulk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ count: 50 }),
    });
    expect(((await created.json()) as { count: number }).count).toBe(50);
    expect(sandbox.store.countContacts(acme)).toBe(before + 50);
    expect((await client(sandbox, tokens.access_token)('GET', `/locations/${acme}`)).status).toBe(
      200,
    );
  });
});

describe('admin input errors', () => {
  it('answers 400 for a fault without a path and switches rate limiting over HTTP', async () => {
    const bad = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
    const limited = await fetch(`${sandbox.url}/__sandbox/rate-limit`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ max: 1, windowMs: 60_000 }),
    });
    expect(limited.status).toBe(200);
    await call('GET', `/locations/${acme}`);
    expect((await call('GET', `/locations/${acme}`)).status).toBe(429);
    await fetch(`${sandbox.url}/__sandbox/rate-limit`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"enabled":false}',
    });
    expect((await call('GET', `/locations/${acme}`)).status).toBe(200);
  });
});
