// The sandbox's own webhook sender in front of a relay, driven as a user of the sandbox drives it:
// its admin routes for the webhook URL, settings, faults, log and idle, its API for the changes
// that emit events, and the consent page's Approve button for INSTALL.
import type { RelaySettings } from '../../../relay';
import http from 'http';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_REDIRECT_URI,
  startSandbox,
  type Sandbox,
} from '../../../sandbox/server';
import { SEED } from '../../../sandbox/seedData';
import type { WebhookFault } from '../../../sandbox/webhooks/faults';
import type { WebhookLogEntry } from '../../../sandbox/webhooks/delivery';

export const ACME = SEED.locations.acme;
/** A seeded sub-account where the app is never approved: the relay never hears its INSTALL. */
export const BRIGHT = SEED.locations.bright;

type Json = Record<string, unknown>;
export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
}

interface Init {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * One request on its own connection. Not fetch: its pooled keep-alive sockets can be reused just
 * after the sandbox closed them as idle while a relay was starting (a blocked event loop), which
 * fails the request with ECONNRESET.
 */
function requestOnce(url: string, init: Init): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { ...init, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

export interface SandboxSender {
  sandbox: Sandbox;
  /** An access token of Acme Dental (the relay checks subscriptions with it at the sandbox). */
  token: string;
  /** A call to HighLevel's API as Acme Dental (or with `token`). */
  api(method: string, path: string, body?: unknown, token?: string): Promise<Reply>;
  /** A call to the sandbox's /__sandbox/ routes. */
  admin(method: string, path: string, body?: unknown): Promise<Reply>;
  /** Points the sender at a relay's webhook route (or any URL). */
  sendTo(url: string): Promise<void>;
  /** Approves the app for a sub-account on the consent page: HighLevel sends INSTALL. */
  approve(locationId?: string): Promise<void>;
  injectFaults(...faults: WebhookFault[]): Promise<void>;
  /** Waits until every queued event, held event and retry has been sent. */
  idle(): Promise<void>;
  /** Every send, oldest first: the status the receiver answered, the faults, the body sent. */
  log(): Promise<WebhookLogEntry[]>;
  /** Creates a contact of Acme Dental; returns its id. */
  createContact(fields?: Json): Promise<string>;
  close(): Promise<void>;
}

/**
 * Retries after a 429 come within a second, not ten minutes, so a test sees HighLevel's retry
 * policy at work; everything else is the sandbox's default (HighLevel's policy).
 */
export const SENDER_SETTINGS = { retryDelayMs: 300, retryJitterMs: 50, timeoutMs: 10_000 };

export async function startSandboxSender(): Promise<SandboxSender> {
  const sandbox = await startSandbox({ rateLimit: false });
  const token = sandbox.issueTokens(ACME).access_token;
  const request = async (path: string, init: Init): Promise<Reply> => {
    const { status, text } = await requestOnce(`${sandbox.url}${path}`, init);
    return { status, body: text ? JSON.parse(text) : undefined };
  };
  const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const expectOk = (reply: Reply, what: string) => {
    if (reply.status >= 300) throw new Error(`${what} answered ${reply.status}`);
    return reply;
  };
  const sender: SandboxSender = {
    sandbox,
    token,
    api: (method, path, body, bearer = token) =>
      request(
        path,
        jsonInit(method, body, { authorization: `Bearer ${bearer}`, version: '2021-07-28' }),
      ),
    admin: (method, path, body) => request(path, jsonInit(method, body)),
    sendTo: async (url) => {
      expectOk(await sender.admin('PUT', '/__sandbox/webhooks/url', { url }), 'webhooks/url');
    },
    approve: async (locationId = ACME) => {
      const approved = await requestOnce(`${sandbox.url}/v2/oauth/chooselocation/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: DEFAULT_CLIENT_ID,
          redirect_uri: DEFAULT_REDIRECT_URI,
          locationId,
        }).toString(),
      });
      if (approved.status !== 302) throw new Error(`approve answered ${approved.status}`);
    },
    injectFaults: async (...faults) => {
      expectOk(await sender.admin('POST', '/__sandbox/webhooks/faults', { faults }), 'faults');
    },
    idle: async () => {
      expectOk(await sender.admin('POST', '/__sandbox/webhooks/idle'), 'webhooks/idle');
    },
    log: async () =>
      expectOk(await sender.admin('GET', '/__sandbox/webhooks/log'), 'webhooks/log').body.entries,
    createContact: async (fields = {}) => {
      const email = `e2e-${Math.random().toString(36).slice(2)}@example.com`;
      const reply = await sender.api('POST', '/contacts/', { locationId: ACME, email, ...fields });
      return expectOk(reply, 'POST /contacts/').body.contact.id as string;
    },
    close: () => sandbox.close(),
  };
  expectOk(await sender.admin('PUT', '/__sandbox/webhooks/settings', SENDER_SETTINGS), 'settings');
  return sender;
}

/** What a relay needs to hear the sandbox: its public keys, and its API to check tokens with. */
export function relaySettingsFor(sandbox: Sandbox): Partial<RelaySettings> {
  const { ed25519, rsa } = sandbox.webhooks.publicKeys;
  return { webhookPublicKey: ed25519, webhookRsaPublicKey: rsa, highlevelApiBaseUrl: sandbox.url };
}

/** The sends of one event (by webhookId), oldest first. */
export const sendsOf = (log: WebhookLogEntry[], webhookId: string) =>
  log.filter((entry) => entry.webhookId === webhookId);

/** Polls `check` until it returns something truthy; fails naming `what` after `timeoutMs`. */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
