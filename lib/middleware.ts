// The HTTP pipeline every request shares: HighLevel's headers on the way out, HighLevel's errors
// mapped to Zapier errors on the way back.
import type { AfterResponseMiddleware, BeforeRequestMiddleware } from 'zapier-platform-core';
import { API_VERSION, tokenUrl } from './config';
import { highLevelError } from './errors';

const isTokenRequest = (url: string | undefined): boolean =>
  !!url && url.split('?')[0] === tokenUrl();

export const addHighLevelHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  request.headers = request.headers ?? {};
  // The token endpoint takes client credentials in a form body, never a (possibly stale) bearer.
  if (isTokenRequest(request.url)) return request;
  if (bundle.authData?.access_token && !request.headers.Authorization) {
    request.headers.Authorization = `Bearer ${bundle.authData.access_token}`;
  }
  request.headers.Version = API_VERSION;
  request.headers.Accept = 'application/json';
  if (request.body !== undefined && !request.headers['Content-Type']) {
    request.headers['Content-Type'] = 'application/json';
  }
  return request;
};

/** Requests can opt into receiving a 404 (searches answer "nothing found" instead of failing). */
export type HighLevelMiddlewareData = { allowNotFound?: boolean };

export const throwForHighLevelErrors: AfterResponseMiddleware = (response) => {
  if (response.status < 400) return response;
  if (isTokenRequest(response.request?.url)) return response; // authentication.ts words these itself
  const data = (response.request as { middlewareData?: HighLevelMiddlewareData }).middlewareData;
  if (response.status === 404 && data?.allowNotFound) return response;
  throw highLevelError(response);
};
