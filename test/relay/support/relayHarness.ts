// One relay on 127.0.0.1 with its own embedded store, a fake HighLevel for token checks and a
// local hook receiver, plus the calls tests make: send a signed event, install, subscribe.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startRelay, type Relay, type RelaySettings } from '../../../relay';
import { startFakeHighLevel, type FakeHighLevel } from './fakeHighLevel';
import { startHookReceiver, type HookReceiver } from './hookReceiver';
import { generateWebhookKeys, highlevelEvent, signedRequest, type WebhookKeys } from './signing';

export const LOCATION = 'loc-alpha';
export const OTHER_LOCATION = 'loc-beta';
/** token-alpha sees loc-alpha only; token-beta sees loc-beta only. */
export const TOKENS = { 'token-alpha': [LOCATION], 'token-beta': [OTHER_LOCATION] };

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Settings that make a test relay quick: retries a second apart, loopback targets allowed. */
export const testSettings = (overrides: Partial<RelaySettings> = {}): Partial<RelaySettings> => ({
  port: 0,
  host: '127.0.0.1',
  allowLoopbackTargets: true,
  retryBaseSeconds: 1,
  retryMaxDelaySeconds: 1,
  retryForMs: 60_000,
  pollIntervalMs: 50,
  deliveryTimeoutMs: 2_000,
  deliveryExpireSeconds: 3,
  superviseIntervalSeconds: 1,
  logLevel: 'silent',
  ...overrides,
});

export interface RelayHarness {
  relay: Relay;
  keys: WebhookKeys;
  highlevel: FakeHighLevel;
  hooks: HookReceiver;
  send(
    event: Record<string, unknown>,
    which?: { ed25519?: boolean; rsa?: boolean },
  ): Promise<Response>;
  install(locationId?: string): Promise<void>;
  subscribe(body: Record<string, unknown>, token?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function startRelayHarness(
  overrides: Partial<RelaySettings> = {},
): Promise<RelayHarness> {
  const keys = generateWebhookKeys();
  const highlevel = await startFakeHighLevel(TOKENS);
  const hooks = await startHookReceiver();
  const dataDir = tempDir('relay-test-');
  const relay = await startRelay(
    testSettings({
      dataDir,
      webhookPublicKey: keys.ed25519.publicPem,
      webhookRsaPublicKey: keys.rsa.publicPem,
      highlevelApiBaseUrl: highlevel.url,
      ...overrides,
    }),
  );
  const harness: RelayHarness = {
    relay,
    keys,
    highlevel,
    hooks,
    send: (event, which) => postSigned(relay.url, keys, event, which),
    install: async (locationId = LOCATION) => {
      const response = await harness.send(
        highlevelEvent({ type: 'INSTALL', locationId, companyId: 'company-1' }),
      );
      if (response.status !== 200) throw new Error(`INSTALL answered ${response.status}`);
    },
    subscribe: (body, token = 'token-alpha') =>
      fetch(`${relay.url}/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await relay.close();
      await Promise.all([hooks.close(), highlevel.close()]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function postSigned(
  relayUrl: string,
  keys: WebhookKeys,
  event: Record<string, unknown>,
  which?: { ed25519?: boolean; rsa?: boolean },
): Promise<Response> {
  const { body, headers } = signedRequest(keys, event, which);
  return fetch(`${relayUrl}/webhooks/highlevel`, { method: 'POST', headers, body });
}
