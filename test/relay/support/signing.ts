// Signs HighLevel webhooks the way HighLevel (and the sandbox's sender) does: the body is the JSON
// text; `x-ghl-signature` is the base64 Ed25519 signature of its bytes and `x-wh-signature` the
// base64 RSA-SHA256 one.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'crypto';

export interface WebhookKeys {
  ed25519: { publicPem: string; privateKey: KeyObject };
  rsa: { publicPem: string; privateKey: KeyObject };
}

export function generateWebhookKeys(): WebhookKeys {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ed25519: {
      publicPem: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: ed.privateKey,
    },
    rsa: {
      publicPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: rsa.privateKey,
    },
  };
}

export function signedRequest(
  keys: WebhookKeys,
  event: Record<string, unknown>,
  which: { ed25519?: boolean; rsa?: boolean } = { ed25519: true },
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (which.ed25519) {
    headers['x-ghl-signature'] = sign(null, Buffer.from(body), keys.ed25519.privateKey).toString(
      'base64',
    );
  }
  if (which.rsa) {
    headers['x-wh-signature'] = sign('sha256', Buffer.from(body), keys.rsa.privateKey).toString(
      'base64',
    );
  }
  return { body, headers };
}

/** An event as HighLevel sends it: the given fields plus timestamp, webhookId, appId, versionId. */
export function highlevelEvent(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    timestamp: new Date().toISOString(),
    webhookId: randomUUID(),
    appId: 'app123',
    versionId: 'ver123',
    ...fields,
  };
}
