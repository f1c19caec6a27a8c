// The relay killed with SIGKILL in the middle of a 5,000-event burst, then restarted on the same
// data: every event that was answered 200 is delivered. Shutdown with SIGTERM exits cleanly.
import fs from 'fs';
import path from 'path';
import { freePort } from './support/freePort';
import { spawnRelayProcess, type RelayProcess } from '../../relay/childProcess';
import { contactBody } from './support/events';
import { startFakeHighLevel, type FakeHighLevel } from './support/fakeHighLevel';
import { startHookReceiver, type HookReceiver } from './support/hookReceiver';
import { bundleRelayEntry } from './support/relayEntry';
import { LOCATION, postSigned, tempDir, TOKENS } from './support/relayHarness';
import { generateWebhookKeys, highlevelEvent } from './support/signing';

jest.setTimeout(150_000);

const BURST = 5_000;
const KILL_AFTER = 1_500;
const keys = generateWebhookKeys();
let entry: string;
let dataDir: string;
let highlevel: FakeHighLevel;
let hooks: HookReceiver;
let relay: RelayProcess | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  entry = bundleRelayEntry();
  dataDir = tempDir('relay-crash-');
  [highlevel, hooks] = await Promise.all([startFakeHighLevel(TOKENS), startHookReceiver()]);
  env = {
    RELAY_PORT: String(await freePort()),
    RELAY_HOST: '127.0.0.1',
    RELAY_DATA_DIR: dataDir,
    HIGHLEVEL_WEBHOOK_PUBLIC_KEY: keys.ed25519.publicPem,
    HIGHLEVEL_API_BASE_URL: highlevel.url,
    RELAY_ALLOW_LOOPBACK_TARGETS: '1',
    RELAY_RETRY_BASE_SECONDS: '1',
    RELAY_RETRY_MAX_DELAY_SECONDS: '1',
    RELAY_POLL_INTERVAL_MS: '100',
    // Deliveries claimed by the killed instance are taken back within a few seconds.
    RELAY_DELIVERY_TIMEOUT_MS: '2000',
    RELAY_DELIVERY_EXPIRE_SECONDS: '3',
    RELAY_SUPERVISE_INTERVAL_SECONDS: '1',
  };
});
afterAll(async () => {
  relay?.child.kill('SIGKILL');
  await Promise.all([hooks?.close(), highlevel?.close()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(entry), { recursive: true, force: true });
});

/** Sends events with a few requests in flight; resolves with the webhookIds answered 200. */
async function burst(url: string, events: Array<Record<string, unknown>>, onAck: () => void) {
  const acked: string[] = [];
  let next = 0;
  const sender = async () => {
    while (next < events.length) {
      const event = events[next++]!;
      try {
        const response = await postSigned(url, keys, event);
        if (response.status === 200) {
          acked.push(event.webhookId as string);
          onAck();
        }
      } catch {
        // Connection refused or reset: the relay is down; HighLevel would lose this event.
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, sender));
  return acked;
}

describe('a relay killed mid-burst', () => {
  it('delivers every acknowledged event after a restart', async () => {
    relay = await spawnRelayProcess(env, { entry });
    const install = highlevelEvent({ type: 'INSTALL', locationId: LOCATION, companyId: 'co' });
    expect((await postSigned(relay.url, keys, install)).status).toBe(200);
    const subscribed = await fetch(`${relay.url}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer token-alpha' },
      body: JSON.stringify({
        targetUrl: `${hooks.url}/burst`,
        event: 'ContactCreate',
        locationId: LOCATION,
      }),
    });
    expect(subscribed.status).toBe(201);

    const events = Array.from({ length: BURST }, (_, i) =>
      highlevelEvent({ type: 'ContactCreate', ...contactBody(LOCATION, { id: `c-${i}` }) }),
    );
    let acks = 0;
    const killed = relay;
    const acked = await burst(relay.url, events, () => {
      acks += 1;
      if (acks === KILL_AFTER) killed.child.kill('SIGKILL');
    });
    expect(await killed.exited).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(BURST);

    // Restart on the same data and send what the dead relay never answered.
    relay = await spawnRelayProcess(env, { entry });
    const ackedSet = new Set(acked);
    const rest = await burst(
      relay.url,
      events.filter((event) => !ackedSet.has(event.webhookId as string)),
      () => undefined,
    );
    const allAcked = new Set([...acked, ...rest]);
    expect(allAcked.size).toBe(BURST);

    const deadline = Date.now() + 90_000;
    const delivered = () => new Set(hooks.received.map((hook) => hook.body.webhookId as string));
    while ([...allAcked].some((id) => !delivered().has(id)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const missing = acked.filter((id) => !delivered().has(id));
    expect(missing).toEqual([]);
    expect(delivered().size).toBe(BURST);

    // SIGTERM finishes the deliveries in flight and exits cleanly.
    expect(await relay.stop()).toBe(0);
    relay = undefined;
  });
});
