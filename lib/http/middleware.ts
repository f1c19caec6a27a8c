// The HTTP pipeline every request shares: HighLevel's headers on the way out, HighLevel's errors
// mapped to Zapier errors on the way back.
import type { AfterResponseMiddleware, BeforeRequestMiddleware } from 'zapier-platform-core';
import { API_VERSION, SCOPES, tokenUrl } from './config';
import { type CallContext, highLevelError, isRecordNotFound, missingScope } from './errors';

const isTokenRequest = (url: string | undefined): boolean =>
  !!url && url.split('?')[0] === tokenUrl();

export const addHighLevelHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  request.headers = request.headers ?? {};
  // The token endpoint takes client credentials in a form body, never a (possibly stale) bearer.
  if (isTokenRequest(request.url)) return request;
  // OAuth stores `access_token`; a Private Integration Token connection stores `token`.
  const token = String(bundle.authData?.access_token ?? bundle.authData?.token ?? '').trim();
  if (token && !request.headers.Authorization) request.headers.Authorization = `Bearer ${token}`;
  request.headers.Version = API_VERSION;
  request.headers.Accept = 'application/json';
  // Core has usually set `content-type` already (lower case) when it encoded the body; a second
  // spelling would send the header twice.
  if (request.body !== undefined && !hasHeader(request.headers, 'content-type')) {
    request.headers['Content-Type'] = 'application/json';
  }
  return request;
};

const hasHeader = (headers: Record<string, unknown>, name: string): boolean =>
  Object.keys(headers).some((key) => key.toLowerCase() === name);

/**
 * What lib/client.ts tells the middleware about a call: the records and scope it concerns, and
 * whether "no such record" is an answer rather than a failure (searches return nothing instead).
 * `notHighLevel`: the call goes to another service of the app (the webhook relay), whose caller
 * words its failures itself; it still gets the bearer and the scope check.
 */
export type HighLevelMiddlewareData = CallContext & {
  allowNotFound?: boolean;
  notHighLevel?: boolean;
};

const middlewareDataOf = (request: unknown): HighLevelMiddlewareData =>
  (request as { middlewareData?: HighLevelMiddlewareData } | undefined)?.middlewareData ?? {};

/**
 * A call outside the scopes HighLevel granted this connection fails here, before it is sent.
 * HighLevel would answer it with a 401, and with `autoRefresh` core turns every 401 into
 * RefreshAuthError before any afterResponse middleware can read why: Zapier would refresh, retry,
 * and fail the same way again, since a refresh never adds a scope. `grantedScopes` is the token
 * response's `scope` (authentication.ts).
 */
export const refuseScopesNotGranted: BeforeRequestMiddleware = (request, _z, bundle) => {
  const { scope } = middlewareDataOf(request);
  if (!scope) return request;
  const granted = grantedScopesOf(bundle.authData?.grantedScopes);
  if (!granted) return request; // unknown or unreadable: let HighLevel decide
  if (!granted.has(scope.toLowerCase())) throw missingScope(scope);
  return request;
};

/**
 * The scopes in the token response, lower-cased; undefined when there are none or when the list
 * names none of the app's own scopes (a format this code does not read: better to let HighLevel
 * decide than to refuse every step of a working connection).
 */
export const grantedScopesOf = (stored: unknown): Set<string> | undefined => {
  let text = String(stored ?? '');
  try {
    text = decodeURIComponent(text);
  } catch {
    // not URL-encoded
  }
  const granted = new Set(
    text
      .toLowerCase()
      .split(/[\s,+]+/)
      .filter(Boolean),
  );
  return SCOPES.some((scope) => granted.has(scope.toLowerCase())) ? granted : undefined;
};

export const throwForHighLevelErrors: AfterResponseMiddleware = (response) => {
  if (response.status < 400) return response;
  if (isTokenRequest(response.request?.url)) return response; // authentication.ts words these itself
  if (middlewareDataOf(response.request).notHighLevel) return response;
  if (middlewareDataOf(response.request).allowNotFound && isRecordNotFound(response)) {
    return response;
  }
  throw highLevelError(response);
};
