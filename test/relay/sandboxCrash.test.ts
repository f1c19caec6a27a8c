// The relay (a child process) killed with SIGKILL in the middle of a 5,000-event burst that the
// sandbox's own sender makes (5,000 contacts created through the API), then restarted on the same
// data and port: every event the sender got a 200 for is delivered.
import fs from 'fs';
import { freePort } from './support/freePort';
import path from 'path';
import { spawnRelayProcess, type RelayProcess } from '../../relay/childProcess';
import { startHookReceiver, type HookReceiver } from './support/hookReceiver';
import { bundleRelayEntry } from './support/relayEntry';
import { tempDir } from './support/relayHarness';
import { ACME, startSandboxSender, until, type SandboxSender } from './support/sandboxSender';

jest.setTimeout(240_000);

const BURST = 5_000;
const KILL_AFTER = 1_500;
/** Contacts created through the API at once (the sender still sends one event at a time). */
const WRITERS = 8;

let entry: string;
let dataDir: string;
let sender: SandboxSender;
let hooks: HookReceiver;
let relay: RelayProcess | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  entry = bundleRelayEntry();
  dataDir = tempDir('relay-sandbox-crash-');
  [sender, hooks] = await Promise.all([startSandboxSender(), startHookReceiver()]);
  const { ed25519, rsa } = sender.sandbox.webhooks.publicKeys;
  env = {
    RELAY_PORT: String(await freePort()),
    RELAY_HOST: '127.0.0.1',
    RELAY_DATA_DIR: dataDir,
    HIGHLEVEL_WEBHOOK_PUBLIC_KEY: ed25519,
    HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY: rsa,
    HIGHLEVEL_API_BASE_URL: sender.sandbox.url,
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
  await Promise.all([sender?.close(), hooks?.close()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(entry), { recursive: true, force: true });
});

/** Creates `count` contacts through the API, `WRITERS` requests at a time. */
async function createContacts(count: number): Promise<void> {
  let made = 0;
  const writer = async () => {
    while (made < count) {
      made += 1;
      await sender.createContact();
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

describe('a relay killed mid-burst from the sandbox', () => {
  it('delivers every event the sandbox got a 200 for, after a restart', async () => {
    relay = await spawnRelayProcess(env, { entry });
    await sender.sendTo(`${relay.url}/webhooks/highlevel`);
    await sender.approve();
    await sender.idle();
    const subscribed = await fetch(`${relay.url}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sender.token}` },
      body: JSON.stringify({
        targetUrl: `${hooks.url}/burst`,
        event: 'ContactCreate',
        locationId: ACME,
      }),
    });
    expect(subscribed.status).toBe(201);

    // The sender's log is read in process here: polled every few milliseconds, over 5,000 entries.
    const log = sender.sandbox.webhooks.log;
    const acked = () => log.filter((e) => e.type === 'ContactCreate' && e.status === 200);
    const killed = relay;
    const burst = createContacts(BURST);
    await until(() => acked().length >= KILL_AFTER, `${KILL_AFTER} events acknowledged`, 120_000);
    const sentAtKill = log.filter((e) => e.type === 'ContactCreate').length;
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBe('SIGKILL');
    // Mid-burst: most of the burst was still to be sent.
    expect(sentAtKill).toBeLessThan(BURST);

    // Restarted on the same data and port: the sender's URL stays the same.
    relay = await spawnRelayProcess(env, { entry });
    await burst;
    await sender.idle();

    const sent = log.filter((e) => e.type === 'ContactCreate');
    expect(new Set(sent.map((e) => e.webhookId)).size).toBe(BURST);
    // Each event got a 200, or no answer at all (the relay was down): HighLevel loses those.
    const answers = new Set(sent.map((e) => e.status ?? e.outcome));
    expect([...answers].every((answer) => answer === 200 || answer === 'lost')).toBe(true);

    // The restarted relay takes new events again.
    for (let i = 0; i < 10; i += 1) await sender.createContact();
    await sender.idle();
    const after = log.filter((e) => e.type === 'ContactCreate').slice(sent.length);
    expect(after.map((e) => e.status)).toEqual(Array<number>(10).fill(200));

    const ackedIds = new Set(acked().map((e) => e.webhookId));

    const delivered = () => new Set(hooks.received.map((hook) => hook.body.webhookId as string));
    await until(
      () => {
        const now = delivered();
        return [...ackedIds].every((id) => now.has(id));
      },
      'every acknowledged event delivered',
      120_000,
    ).catch(() => undefined);
    expect([...ackedIds].filter((id) => !delivered().has(id))).toEqual([]);
    // Nothing delivered that the sandbox did not send.
    const sentIds = new Set(log.map((e) => e.webhookId));
    expect([...delivered()].filter((id) => !sentIds.has(id))).toEqual([]);

    // SIGTERM finishes the deliveries in flight and exits cleanly.
    expect(await relay.stop()).toBe(0);
    relay = undefined;
  });
});
