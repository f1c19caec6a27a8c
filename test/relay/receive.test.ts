// POST /webhooks/highlevel: what is accepted, what is refused, and that nothing refused is stored,
// on both stores (the replay and the not-installed checks are the store's).
import { highlevelEvent, signedRequest } from './support/signing';
import { LOCATION, startRelayHarness, type RelayHarness } from './support/relayHarness';
import { freshStore, STORES, type StoreOptions } from './support/stores';

jest.setTimeout(60_000);

describe.each(STORES)('receiving HighLevel webhooks, %s store', (kind) => {
  let store: StoreOptions;
  let h: RelayHarness;
  beforeAll(async () => {
    store = await freshStore(kind);
    h = await startRelayHarness({ webhookMaxAgeSeconds: 7200, ...store.settings });
    await h.install();
  });
  afterAll(async () => {
    await h?.close();
    store?.remove();
  });

  const storedEvents = async () =>
    Number((await h.relay.db.query<{ n: string }>('SELECT count(*) AS n FROM relay_events'))[0]!.n);

  const contactCreate = (fields: Record<string, unknown> = {}) =>
    highlevelEvent({ type: 'ContactCreate', locationId: LOCATION, id: 'c1', tags: [], ...fields });

  it('accepts an event signed with Ed25519 (x-ghl-signature)', async () => {
    expect((await h.send(contactCreate(), { ed25519: true })).status).toBe(200);
  });

  it('accepts an event signed only with the legacy RSA key (x-wh-signature)', async () => {
    expect((await h.send(contactCreate(), { rsa: true })).status).toBe(200);
  });

  it('refuses an unsigned event with 401 and stores nothing', async () => {
    const before = await storedEvents();
    const response = await fetch(`${h.relay.url}/webhooks/highlevel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(contactCreate()),
    });
    expect(response.status).toBe(401);
    expect(await storedEvents()).toBe(before);
  });

  it('refuses a body changed after signing, and a signature by another key', async () => {
    const before = await storedEvents();
    const { body, headers } = signedRequest(h.keys, contactCreate());
    const tampered = await fetch(`${h.relay.url}/webhooks/highlevel`, {
      method: 'POST',
      headers,
      body: body.replace('"c1"', '"c2"'),
    });
    expect(tampered.status).toBe(401);
    // A valid RSA signature does not rescue a bad Ed25519 one: Ed25519 is checked first.
    const both = signedRequest(h.keys, contactCreate(), { ed25519: true, rsa: true });
    const badEd = await fetch(`${h.relay.url}/webhooks/highlevel`, {
      method: 'POST',
      headers: { ...both.headers, 'x-ghl-signature': Buffer.alloc(64).toString('base64') },
      body: both.body,
    });
    expect(badEd.status).toBe(401);
    expect(await storedEvents()).toBe(before);
  });

  it('accepts a retry of HighLevel (same body, 70 minutes later) but refuses a stale event', async () => {
    const seventyMinutesAgo = new Date(Date.now() - 70 * 60 * 1000).toISOString();
    expect((await h.send(contactCreate({ timestamp: seventyMinutesAgo }))).status).toBe(200);
    const before = await storedEvents();
    const threeHoursAgo = new Date(Date.now() - 3 * 3600 * 1000).toISOString();
    expect((await h.send(contactCreate({ timestamp: threeHoursAgo }))).status).toBe(401);
    expect((await h.send(contactCreate({ timestamp: undefined }))).status).toBe(401);
    expect(await storedEvents()).toBe(before);
  });

  it('answers 200 to a replayed webhookId and stores it once', async () => {
    const event = contactCreate();
    expect((await h.send(event)).status).toBe(200);
    const before = await storedEvents();
    const replay = await h.send(event);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ok: true, duplicate: true });
    expect(await storedEvents()).toBe(before);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await h.send(contactCreate({ notes: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
  });

  it('refuses with 403 an event of a sub-account that never installed the app', async () => {
    const before = await storedEvents();
    const response = await h.send(contactCreate({ locationId: 'loc-never-installed' }));
    expect(response.status).toBe(403);
    expect(await storedEvents()).toBe(before);
  });

  it('counts what it received, stored and refused in /metrics', async () => {
    const text = await (await fetch(`${h.relay.url}/metrics`)).text();
    expect(text).toMatch(/relay_events_stored_total \d+/);
    expect(text).toContain('relay_events_rejected_total{reason="bad_signature"} 2');
    expect(text).toContain('relay_events_rejected_total{reason="too_large"} 1');
    expect(text).toContain('relay_events_rejected_total{reason="not_installed"} 1');
    expect(await (await fetch(`${h.relay.url}/health`)).json()).toEqual({
      ok: true,
      store: kind,
    });
  });
});
