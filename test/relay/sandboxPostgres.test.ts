// Two relay instances on one PostgreSQL behind a round-robin load balancer, fed by the sandbox's
// own sender: each event is delivered once per subscription, a duplicate sent to the other
// instance included.
import { startRelay, type Relay } from '../../relay';
import { deliveryStateCounts } from './support/deliveryJobs';
import { startHookReceiver, type HookReceiver } from './support/hookReceiver';
import { startTestPostgres, type TestPostgres } from './support/postgres';
import { testSettings } from './support/relayHarness';
import { startRoundRobin, type RoundRobin } from './support/roundRobin';
import {
  ACME,
  relaySettingsFor,
  startSandboxSender,
  until,
  type SandboxSender,
} from './support/sandboxSender';

jest.setTimeout(120_000);

const CONTACTS = 100;
const DUPLICATED = 10;

let postgres: TestPostgres;
let sender: SandboxSender;
let hooks: HookReceiver;
let relays: Relay[] = [];
let balancer: RoundRobin;

beforeAll(async () => {
  [postgres, sender, hooks] = await Promise.all([
    startTestPostgres(),
    startSandboxSender(),
    startHookReceiver(),
  ]);
  const settings = testSettings({
    databaseUrl: await postgres.createDatabase(),
    ...relaySettingsFor(sender.sandbox),
  });
  relays = await Promise.all([startRelay(settings), startRelay(settings)]);
  balancer = await startRoundRobin(relays.map((relay) => relay.url));
  await sender.sendTo(`${balancer.url}/webhooks/highlevel`);
  await sender.approve();
  await sender.idle();
});
afterAll(async () => {
  await balancer?.close();
  await Promise.all(relays.map((relay) => relay.close()));
  await Promise.all([sender?.close(), hooks?.close()]);
  await postgres?.stop();
});

const subscribe = async (relay: Relay, path: string) => {
  const response = await fetch(`${relay.url}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sender.token}` },
    body: JSON.stringify({
      targetUrl: `${hooks.url}${path}`,
      event: 'ContactCreate',
      locationId: ACME,
    }),
  });
  expect(response.status).toBe(201);
};

describe('two relay instances on one PostgreSQL, fed by the sandbox', () => {
  it('delivers each event once per subscription, whichever instance received it', async () => {
    expect(relays.map((relay) => relay.db.engine)).toEqual(['postgres', 'postgres']);
    await subscribe(relays[0]!, '/a');
    await subscribe(relays[1]!, '/b');
    // A duplicate is sent right after its original: through the balancer, to the other instance.
    await sender.injectFaults({ kind: 'duplicate', count: DUPLICATED });
    for (let i = 0; i < CONTACTS; i += 1) await sender.createContact();
    await sender.idle();

    const sent = (await sender.log()).filter((entry) => entry.type === 'ContactCreate');
    expect(sent).toHaveLength(CONTACTS + DUPLICATED);
    expect(sent.every((entry) => entry.status === 200)).toBe(true);
    expect(balancer.forwarded.every((count) => count >= CONTACTS / 2)).toBe(true);
    const webhookIds = [...new Set(sent.map((entry) => entry.webhookId))].sort();
    expect(webhookIds).toHaveLength(CONTACTS);
    // Each copy was recognised as one by the instance that had not stored the original.
    const counted = async (relay: Relay, name: string) => {
      const text = await (await fetch(`${relay.url}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    };
    const duplicates = await Promise.all(
      relays.map((relay) => counted(relay, 'relay_events_duplicate_total')),
    );
    // INSTALL went to the first instance; then each original to the second, its copy to the first.
    expect(duplicates).toEqual([DUPLICATED, 0]);
    const stored = await Promise.all(
      relays.map((relay) => counted(relay, 'relay_events_stored_total')),
    );
    expect(stored.reduce((a, b) => a + b)).toBe(CONTACTS + 1);

    // Done when no delivery is left to make: then nothing more can arrive.
    const states = await until(async () => {
      const counts = await deliveryStateCounts(relays[0]!.db);
      return Object.keys(counts).join() === 'delivered' ? counts : undefined;
    }, 'every delivery made');
    expect(states).toEqual({ delivered: 2 * CONTACTS });
    for (const path of ['/a', '/b']) {
      const ids = hooks.received.filter((h) => h.path === path).map((h) => h.body.webhookId);
      expect([path, ids.length]).toEqual([path, CONTACTS]);
      expect([...ids].sort()).toEqual(webhookIds);
    }
  });
});
