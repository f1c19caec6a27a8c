// startSandbox(): a local HTTP server that behaves like HighLevel's API v2 for the Contacts app.
import http from 'http';
import { AddressInfo } from 'net';
import { issueTokenResponse, locationGrant, OAuthConfig } from './auth/grants';
import { Fault, FaultRegistry, sleep } from './faults';
import { Latency, latencyFromEnv, type LatencyConfig } from './latency';
import { ApiError, badRequest } from './http/errors';
import { ApiResult, errorResult, parseBody, parseQuery, readBody, send } from './http/io';
import { answer, emitInstall, Runtime } from './http/pipeline';
import { createAppointment, deleteAppointment, updateAppointment } from './model/appointmentWrites';
import { DEFAULT_RATE_LIMIT, RateLimitConfig, RateLimiter } from './rateLimit';
import { RequestLogEntry } from './requestLog';
import { ADMIN_PREFIX, adminRoute, SandboxControls } from './routes/admin';
import { buildRouteTable } from './routes/index';
import { mintCode } from './routes/oauthPages';
import { SEED } from './seedData';
import { Store } from './store';
import { appointmentEvent, uninstallEvent } from './webhooks/payloads';
import { WebhookOptions, Webhooks } from './webhooks/webhooks';
import { CursorStore, ZAPIER_RPC_PATH } from './zapierRpc';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep the data in this JSON file (loaded on start, saved after changes). */
  dataPath?: string;
  /** Seed the demo data into an empty store (default true). */
  seed?: boolean;
  /** Burst limit per location (default 100 per 10 s); false disables it. */
  rateLimit?: RateLimitConfig | false;
  /** Default 86399, like HighLevel. */
  accessTokenTtlSeconds?: number;
  clientId?: string;
  clientSecret?: string;
  /** Where the sandbox sends HighLevel's app webhooks; none (the default): nothing is sent. */
  webhookUrl?: string;
  /** Delivery settings (retry timing, timeout), the TaskCreate gap, appId and versionId. */
  webhooks?: WebhookOptions;
  /** How long API routes take to answer (sandbox/latency.ts); default: from the environment. */
  latency?: LatencyConfig;
}

export interface SandboxTokens {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  scope: string;
  userType: 'Location';
  locationId: string;
  companyId: string;
  userId: string;
  expires_in: number;
}

/** The connection Zapier stores after the OAuth flow (authentication.ts) for these tokens. */
export const connectionOf = (tokens: SandboxTokens): Record<string, string> => ({
  access_token: tokens.access_token,
  refresh_token: tokens.refresh_token,
  locationId: tokens.locationId,
  companyId: tokens.companyId,
  userId: tokens.userId,
  grantedScopes: tokens.scope,
});

export interface Sandbox {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
  /** Tokens for a location (default: Acme Dental), exactly as the OAuth flow would issue them. */
  issueTokens(locationId?: string): SandboxTokens;
  expireAccessToken(accessToken: string): void;
  /** A single-use authorization code, as the consent page's Approve button would mint. */
  authorize(locationId?: string, redirectUri?: string): string;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Every API and OAuth request (not /__sandbox/ ones), oldest first. Cleared in place. */
  requests: RequestLogEntry[];
  resetRequestLog(): void;
  setRateLimit(limit: RateLimitConfig | false): void;
  /** Slows API routes down from now on (sandbox/latency.ts). */
  setLatency(latency: Partial<LatencyConfig>): void;
  /**
   * A stand-in for Zapier's RPC endpoint (z.cursor), not part of HighLevel's API: pass it to core
   * as `event.rpc_base` to run paging dropdowns outside Zapier (see zapier-rpc.ts).
   */
  zapierRpcUrl: string;
  /**
   * HighLevel's Marketplace-app webhooks: public keys, URL, delivery log, faults, idle(). Every
   * change made through the API (and the appointment and install routes) emits its event.
   */
  webhooks: Webhooks;
  /** Appointment writes (HighLevel books them through its calendars API, which the app does not use). */
  createAppointment: SandboxControls['createAppointment'];
  updateAppointment: SandboxControls['updateAppointment'];
  deleteAppointment: SandboxControls['deleteAppointment'];
  /** Emits UNINSTALL for the location, as removing the app there would. */
  uninstall(locationId: string): void;
}

export const DEFAULT_CLIENT_ID = 'sandbox-client-id';
export const DEFAULT_CLIENT_SECRET = 'sandbox-client-secret';
export const DEFAULT_REDIRECT_URI = 'https://zapier.com/dashboard/auth/oauth/return/App/';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = Store.open({ dataPath: options.dataPath, seed: options.seed });
  const oauth: OAuthConfig = {
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 86399,
  };
  const webhooks = new Webhooks(options.webhookUrl, oauth.clientId, options.webhooks);
  const runtime: Runtime = {
    store,
    oauth,
    webhooks,
    limiter: new RateLimiter(
      options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
    ),
    faults: new FaultRegistry(),
    routes: buildRouteTable(oauth),
    log: [],
  };
  const defaultLocation = (): string =>
    store.locations.has(SEED.locations.acme)
      ? SEED.locations.acme
      : ([...store.locations.keys()][0] ?? '');

  const latency = new Latency(options.latency ?? latencyFromEnv(process.env));
  const controls: SandboxControls = {
    store,
    requests: runtime.log,
    injectFault: (fault) => runtime.faults.add(fault),
    clearFaults: () => runtime.faults.clear(),
    listFaults: () => runtime.faults.list(),
    resetRequestLog: () => {
      runtime.log.length = 0;
    },
    setRateLimit: (limit) => runtime.limiter.setConfig(limit),
    setLatency: (config) => latency.set(config),
    issueTokens: (locationId = defaultLocation()) => {
      const grant = locationGrant(store, locationId, oauth.clientId);
      return issueTokenResponse(store, grant, oauth.accessTokenTtlSeconds) as SandboxTokens;
    },
    expireAccessToken: (token) => store.auth.expireAccess(token),
    authorize: (locationId = defaultLocation(), redirectUri = DEFAULT_REDIRECT_URI) => {
      const code = mintCode(store, oauth, locationId, redirectUri);
      emitInstall(runtime, locationId);
      return code;
    },
    webhooks,
    createAppointment: (input) => {
      const appointment = createAppointment(store, input);
      webhooks.emit(appointmentEvent('AppointmentCreate', appointment));
      return appointment;
    },
    updateAppointment: (id, patch) => {
      const appointment = updateAppointment(store, id, patch);
      webhooks.emit(appointmentEvent('AppointmentUpdate', appointment));
      return appointment;
    },
    deleteAppointment: (id) => {
      const appointment = deleteAppointment(store, id);
      webhooks.emit(appointmentEvent('AppointmentDelete', appointment));
      return appointment;
    },
    uninstall: (locationId) => {
      if (!store.locations.has(locationId)) throw new Error(`Unknown locationId "${locationId}"`);
      webhooks.emit(uninstallEvent(locationId));
    },
  };

  const zapierCursors = new CursorStore();
  const server = http.createServer((req, res) => {
    void handle(runtime, controls, zapierCursors, latency, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    ...controls,
    issueTokens: (locationId?: string) => controls.issueTokens(locationId) as SandboxTokens,
    url,
    port,
    zapierRpcUrl: `${url}${ZAPIER_RPC_PATH}`,
    close: () => {
      webhooks.close();
      return closeServer(server, store);
    },
  };
}

async function handle(
  runtime: Runtime,
  controls: SandboxControls,
  zapierCursors: CursorStore,
  latency: Latency,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const query = parseQuery(url.searchParams);
  let body: unknown;
  try {
    const raw = await readBody(req);
    body = parseBody(raw, req.headers['content-type']);
  } catch (error) {
    send(res, errorResult(error));
    return;
  }
  if (method === 'POST' && url.pathname === ZAPIER_RPC_PATH) {
    send(res, zapierCursors.answer(req.headers, body));
    return;
  }
  if (url.pathname.startsWith(ADMIN_PREFIX)) {
    send(res, await adminAnswer(controls, method, url.pathname, body));
    return;
  }
  const delayMs = latency.delayFor(method, url.pathname);
  if (delayMs > 0) await sleep(delayMs);
  const outcome = await answer(runtime, {
    method,
    path: url.pathname,
    query,
    headers: req.headers,
    body,
  });
  const requestLocation = (query.locationId ??
    (body as { locationId?: unknown } | undefined)?.locationId) as string | undefined;
  runtime.log.push({
    method,
    path: url.pathname,
    query,
    body,
    status: outcome.result.status,
    locationId:
      outcome.locationId ?? (typeof requestLocation === 'string' ? requestLocation : undefined),
    operationId: outcome.operationId,
    durationMs: Date.now() - started,
    at: new Date(started).toISOString(),
  });
  send(res, outcome.result);
}

/** Admin mistakes (a fault without a path, an unknown location) are the caller's: 400. */
async function adminAnswer(
  controls: SandboxControls,
  method: string,
  path: string,
  body: unknown,
): Promise<ApiResult> {
  try {
    return await adminRoute(controls, method, path, (body ?? {}) as Record<string, unknown>);
  } catch (error) {
    if (error instanceof ApiError) return errorResult(error);
    return errorResult(badRequest(error instanceof Error ? error.message : String(error)));
  }
}

function closeServer(server: http.Server, store: Store): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      store.flush();
      if (error) reject(error);
      else resolve();
    });
    // Keep-alive connections (fetch keeps them open) would otherwise hold close() for seconds.
    server.closeIdleConnections();
    setImmediate(() => server.closeAllConnections());
  });
}
