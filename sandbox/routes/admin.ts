// /__sandbox/* control routes: the same knobs as the Sandbox object, over HTTP, so a sandbox
// started from the CLI can be driven by scripts and the benchmark. No token, no rate limit, and
// not recorded in the request log.
import {
  issuePrivateToken,
  privateTokenRequestFrom,
  revokePrivateToken,
} from '../auth/privateTokens';
import { bulkChangeContacts } from '../bursts';
import { Fault } from '../faults';
import type { LatencyConfig } from '../latency';
import { ApiResult } from '../http/io';
import { RateLimitConfig } from '../rateLimit';
import { RequestLogEntry } from '../requestLog';
import { SEED } from '../seedData';
import type { Store } from '../store';
import { WebhookControls, webhookAdminRoute } from '../webhooks/adminRoutes';

export interface SandboxControls extends WebhookControls {
  store: Store;
  requests: RequestLogEntry[];
  injectFault(fault: Fault): void;
  clearFaults(): void;
  listFaults(): Fault[];
  resetRequestLog(): void;
  setRateLimit(limit: RateLimitConfig | false): void;
  setLatency(latency: Partial<LatencyConfig>): LatencyConfig;
  issueTokens(locationId?: string): unknown;
  expireAccessToken(accessToken: string): void;
  authorize(locationId?: string, redirectUri?: string): string;
}

export const ADMIN_PREFIX = '/__sandbox/';

type Body = Record<string, unknown>;

export function adminRoute(
  controls: SandboxControls,
  method: string,
  path: string,
  body: Body,
): ApiResult | Promise<ApiResult> {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const webhookAnswer = webhookAdminRoute(controls, method, path.replace(/\/+$/, ''), body);
  if (webhookAnswer) return webhookAnswer;
  switch (route) {
    case 'GET /__sandbox/health':
      return json(200, { ok: true });
    case 'GET /__sandbox/seed':
      return json(200, SEED);
    case 'GET /__sandbox/faults':
      return json(200, { faults: controls.listFaults() });
    case 'POST /__sandbox/faults': {
      const faults = Array.isArray(body.faults)
        ? (body.faults as Fault[])
        : [body as unknown as Fault];
      faults.forEach((fault) => controls.injectFault(fault));
      return json(201, { faults: controls.listFaults() });
    }
    case 'DELETE /__sandbox/faults':
      controls.clearFaults();
      return json(200, { faults: [] });
    case 'GET /__sandbox/requests':
      return json(200, { count: controls.requests.length, requests: controls.requests });
    case 'DELETE /__sandbox/requests':
      controls.resetRequestLog();
      return json(200, { count: 0 });
    case 'PUT /__sandbox/rate-limit':
    case 'POST /__sandbox/rate-limit': {
      // `{ "enabled": false }` switches limiting off; otherwise `{ "max": n, "windowMs": ms }`.
      const limit =
        body.enabled === false ? false : { max: Number(body.max), windowMs: Number(body.windowMs) };
      controls.setRateLimit(limit);
      return json(200, { rateLimit: limit });
    }
    case 'PUT /__sandbox/latency':
      // `{ "allMs": 150, "routes": [{ "method": "POST", "path": "/contacts/search", "ms": 1500 }] }`
      return json(200, { latency: controls.setLatency(body as Partial<LatencyConfig>) });
    case 'POST /__sandbox/tokens':
      return json(201, controls.issueTokens(optionalString(body.locationId)));
    case 'POST /__sandbox/private-tokens':
      return json(201, issuePrivateToken(controls.store, privateTokenRequestFrom(body)));
    case 'DELETE /__sandbox/private-tokens':
      return json(200, { revoked: revokePrivateToken(controls.store, String(body.token ?? '')) });
    case 'POST /__sandbox/tokens/expire':
      controls.expireAccessToken(String(body.access_token ?? ''));
      return json(200, { expired: true });
    case 'POST /__sandbox/authorize':
      return json(201, {
        code: controls.authorize(optionalString(body.locationId), optionalString(body.redirectUri)),
      });
    case 'POST /__sandbox/contacts/bulk': {
      const locationId = optionalString(body.locationId) ?? SEED.locations.acme;
      const at = optionalString(body.at);
      const tags = Array.isArray(body.tags) ? body.tags.map(String) : undefined;
      const created = controls.store.bulkCreateContacts(locationId, Number(body.count ?? 0), {
        at: at ? new Date(at) : undefined,
        tags,
      });
      return json(201, { count: created.length, ids: created.map((c) => c.id) });
    }
    case 'POST /__sandbox/contacts/bulk-change': {
      // `{ "count": 20000, "tag": "imported" }`: that many contacts changed at once.
      const locationId = optionalString(body.locationId) ?? SEED.locations.acme;
      const at = optionalString(body.at);
      const changed = bulkChangeContacts(controls.store, locationId, {
        count: Number(body.count ?? 0),
        tag: optionalString(body.tag),
        at: at ? new Date(at) : undefined,
      });
      return json(200, { count: changed.length, ids: changed.map((c) => c.id) });
    }
    default:
      return json(404, {
        statusCode: 404,
        message: `Cannot ${method} ${path}`,
        error: 'Not Found',
      });
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function json(status: number, body: unknown): ApiResult {
  return { status, body };
}
