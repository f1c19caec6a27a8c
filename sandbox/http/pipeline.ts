// The order HighLevel checks a request in: route → Version header (400) → bearer token (401) →
// token kind and scope (401) → rate limit (429) → injected fault → location of the token (403) →
// spec validation (422) → handler (404 for missing path objects). Faults come after auth, so a
// faulted request never reaches a handler and never changes data.
import http from 'http';
import { installerOf, OAuthConfig } from '../auth/grants';
import { authenticate, authorizeOperation, checkTenant } from '../auth/guard';
import { FaultRegistry, faultResponse, sleep } from '../faults';
import { RateLimiter } from '../rateLimit';
import { RequestLogEntry } from '../requestLog';
import { Handler } from '../routes/context';
import { approve, APPROVE_PATHS, AUTHORIZE_PATHS, authorizePage } from '../routes/oauthPages';
import { exchangeToken } from '../routes/oauthToken';
import { checkVersionHeader, findOperation, validateRequest } from '../spec';
import type { Store } from '../store';
import { installEvent } from '../webhooks/payloads';
import { Webhooks } from '../webhooks/webhooks';
import { badRequest, routeNotFound, unprocessable } from './errors';
import { ApiResult, errorResult } from './io';

export interface Runtime {
  store: Store;
  oauth: OAuthConfig;
  limiter: RateLimiter;
  faults: FaultRegistry;
  routes: Record<string, Handler>;
  log: RequestLogEntry[];
  webhooks: Webhooks;
}

export interface IncomingApiRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface Outcome {
  result: ApiResult;
  locationId?: string;
  operationId?: string;
}

export async function route(runtime: Runtime, req: IncomingApiRequest): Promise<Outcome> {
  const flatQuery = Object.fromEntries(
    Object.entries(req.query).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]),
  );
  if (req.method === 'GET' && AUTHORIZE_PATHS.includes(req.path)) {
    return { result: authorizePage(runtime.store, runtime.oauth, flatQuery) };
  }
  if (APPROVE_PATHS.includes(req.path) && (req.method === 'GET' || req.method === 'POST')) {
    const params = { ...flatQuery, ...((req.body as Record<string, string>) ?? {}) };
    const result = approve(runtime.store, runtime.oauth, params);
    if (result.status === 302) emitInstall(runtime, params.locationId!);
    return { result };
  }
  if (req.method === 'POST' && /^\/oauth\/token\/?$/.test(req.path)) {
    const fault = await applyFault(runtime, req);
    if (fault) return { result: fault, operationId: 'get-access-token' };
    return {
      result: exchangeToken(runtime.store, runtime.oauth, req.body),
      operationId: 'get-access-token',
    };
  }
  return apiRequest(runtime, req);
}

async function apiRequest(runtime: Runtime, req: IncomingApiRequest): Promise<Outcome> {
  const operation = findOperation(req.method, req.path);
  if (!operation) throw routeNotFound(req.method, req.path);
  const headers = flattenHeaders(req.headers);
  const versionErrors = checkVersionHeader({ method: req.method, path: req.path, headers });
  if (versionErrors.length > 0) throw badRequest(versionErrors[0]!);

  const grant = authenticate(runtime.store, headers.authorization);
  const outcome: Outcome = {
    result: { status: 500 },
    locationId: grant.locationId,
    operationId: operation.operationId,
  };
  authorizeOperation(grant, operation);
  const rateHeaders = runtime.limiter.take(grant.locationId ?? `company:${grant.companyId}`);
  try {
    const fault = await applyFault(runtime, req);
    if (fault) {
      outcome.result = { ...fault, headers: { ...rateHeaders, ...fault.headers } };
      return outcome;
    }
    const body =
      req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : undefined;
    checkTenant(runtime.store, grant, [
      operation.params,
      req.query,
      body as Record<string, unknown>,
    ]);
    const check = validateRequest({
      method: req.method,
      path: req.path,
      query: req.query,
      headers,
      body: req.body,
    });
    if (!check.ok) throw unprocessable(check.errors);
    const handler = runtime.routes[operation.operationId];
    if (!handler) throw routeNotFound(req.method, req.path);
    const result = await handler({
      store: runtime.store,
      webhooks: runtime.webhooks,
      grant,
      params: operation.params,
      query: req.query,
      body: req.body ?? {},
    });
    outcome.result = { ...result, headers: { ...rateHeaders, ...(result.headers ?? {}) } };
  } catch (error) {
    const result = errorResult(error);
    outcome.result = { ...result, headers: { ...rateHeaders, ...(result.headers ?? {}) } };
  }
  return outcome;
}

/** Consent to install the app in a location: HighLevel's INSTALL webhook. */
export function emitInstall(
  runtime: Pick<Runtime, 'store' | 'webhooks'>,
  locationId: string,
): void {
  const location = runtime.store.locations.get(locationId);
  if (!location) return;
  runtime.webhooks.emit(
    installEvent(locationId, location.companyId, installerOf(runtime.store, locationId)),
  );
}

async function applyFault(
  runtime: Runtime,
  req: IncomingApiRequest,
): Promise<ApiResult | undefined> {
  const fault = runtime.faults.take(req.method, req.path);
  if (!fault) return undefined;
  if (fault.delayMs) await sleep(fault.delayMs);
  return faultResponse(fault);
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Runs the pipeline and turns thrown ApiErrors into responses; never throws. */
export async function answer(runtime: Runtime, req: IncomingApiRequest): Promise<Outcome> {
  try {
    return await route(runtime, req);
  } catch (error) {
    return { result: errorResult(error) };
  }
}
