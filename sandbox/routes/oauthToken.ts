// POST /oauth/token (code exchange and refresh, single-use rotating refresh tokens) and the
// agency-only POST /oauth/locationToken.
//
// Refusals use the bodies apps/oauth.json declares for this operation, not RFC 6749's
// `{ error, error_description }`: 400 BadRequestDTO `{ statusCode, message }` for a code or
// refresh token that cannot be used (HighLevel staff confirm a refused refresh is a 400 with a
// message such as "Location is not active", highlevel-api-docs#249), 401 UnauthorizedDTO
// `{ statusCode, message, error: "Unauthorized" }` for wrong client credentials, 422 with a
// message array for a body the spec rejects. The spec is the only source that shows HighLevel's
// own shapes, so an app tested here must read `message`, as it must against the real HighLevel.
import { grantFor, issueTokenResponse, locationGrant, OAuthConfig } from '../auth/grants';
import { UserType } from '../auth/tokens';
import { badRequest, unauthorized, unprocessable } from '../http/errors';
import { ApiResult } from '../http/io';
import { validateRequest } from '../spec';
import type { Store } from '../store';
import { Handler, loadLocation, ok } from './context';

interface TokenRequest {
  client_id: string;
  client_secret: string;
  grant_type: 'authorization_code' | 'refresh_token' | 'client_credentials';
  code?: string;
  refresh_token?: string;
  user_type?: UserType;
  redirect_uri?: string;
}

export function exchangeToken(store: Store, config: OAuthConfig, body: unknown): ApiResult {
  const check = validateRequest({ method: 'POST', path: '/oauth/token', body: body ?? {} });
  // Extra form fields are tolerated here: OAuth clients commonly send a few (scope, state...).
  const problems = check.ok ? [] : check.errors.filter((e) => !e.endsWith('should not exist'));
  if (problems.length > 0) throw unprocessable(problems);
  const request = body as TokenRequest;
  if (request.client_id !== config.clientId || request.client_secret !== config.clientSecret) {
    throw unauthorized('Invalid client credentials');
  }
  if (request.grant_type === 'authorization_code') {
    const code = request.code ? store.auth.consumeCode(request.code) : undefined;
    if (!code || code.clientId !== request.client_id) {
      throw badRequest('Invalid grant: the authorization code is invalid, expired or used');
    }
    if (request.redirect_uri !== code.redirectUri) {
      throw badRequest('Invalid grant: redirect_uri does not match the authorization request');
    }
    const { code: _code, redirectUri: _uri, expiresAt: _expiry, ...grant } = code;
    const issued = issueTokenResponse(
      store,
      grantFor(grant, request.user_type ?? 'Location'),
      config.accessTokenTtlSeconds,
    );
    return ok(issued);
  }
  if (request.grant_type === 'refresh_token') {
    const record = request.refresh_token
      ? store.auth.consumeRefresh(request.refresh_token)
      : undefined;
    if (!record || record.clientId !== request.client_id) {
      throw badRequest('Invalid grant: the refresh token is invalid or was already used');
    }
    const { token: _token, ...grant } = record;
    return ok(issueTokenResponse(store, grant, config.accessTokenTtlSeconds));
  }
  throw badRequest(
    'Unsupported grant_type: only authorization_code and refresh_token are supported',
  );
}

/** Agency token → token of one of its locations (security Agency-Access-Only). */
export function locationTokenRoute(config: OAuthConfig): Handler {
  return (ctx) => {
    const body = ctx.body as { companyId: string; locationId: string };
    const location = loadLocation(ctx, body.locationId);
    const grant = locationGrant(ctx.store, location.id, ctx.grant.clientId, ctx.grant.scope);
    return ok(issueTokenResponse(ctx.store, grant, config.accessTokenTtlSeconds));
  };
}
