// The webhook relay on 127.0.0.1 in front of a sandbox, for `npm start` and the end-to-end tests:
// its own store in a temporary folder, the sandbox's signing keys, loopback hook URLs allowed (a
// production relay delivers only to Zapier's), and the sandbox's webhooks pointed at it. The app
// finds it through RELAY_URL, as it would find a deployed one.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startRelay, type Relay } from '../relay';
import { countSubscriptions } from '../relay/store/subscriptions';
import type { Sandbox } from '../sandbox/server';

export type LocalRelay = {
  relay: Relay;
  /** How many subscriptions the relay holds. */
  subscriptionCount(): Promise<number>;
  close(): Promise<void>;
};

export const startLocalRelay = async (sandbox: Sandbox): Promise<LocalRelay> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'highlevel-relay-'));
  const { ed25519, rsa } = sandbox.webhooks.publicKeys;
  const relay = await startRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    webhookPublicKey: ed25519,
    webhookRsaPublicKey: rsa,
    highlevelApiBaseUrl: sandbox.url,
    allowLoopbackTargets: true,
    retryBaseSeconds: 1,
    retryMaxDelaySeconds: 1,
    pollIntervalMs: 50,
    logLevel: 'silent',
  });
  const previousUrl = sandbox.webhooks.url;
  const previousRelayUrl = process.env.RELAY_URL;
  sandbox.webhooks.setUrl(`${relay.url}/webhooks/highlevel`);
  process.env.RELAY_URL = relay.url;
  // The relay delivers only for sub-accounts where the app is installed: approving the app on the
  // consent page sends INSTALL, as in HighLevel.
  sandbox.authorize();
  await sandbox.webhooks.idle();
  return {
    relay,
    subscriptionCount: () => countSubscriptions(relay.db),
    close: async () => {
      sandbox.webhooks.setUrl(previousUrl);
      if (previousRelayUrl === undefined) delete process.env.RELAY_URL;
      else process.env.RELAY_URL = previousRelayUrl;
      await relay.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
