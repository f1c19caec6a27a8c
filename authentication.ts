// OAuth2 with HighLevel, the connection of the default build: the user picks one sub-account
// (location) on HighLevel's consent page; the location token that comes back is what every
// Contacts endpoint requires. The other build connects with a Private Integration Token
// (lib/connection/privateToken.ts).
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { callHighLevel, locationIdOf } from './lib/http/client';
import { marketplaceUrl, requestTimeoutMs, SCOPES, tokenUrl } from './lib/http/config';
import {
  connectionExpired,
  highLevelError,
  isNetworkFailure,
  redactSecrets,
  unexpectedResponse,
  unreachable,
  unreadableResponse,
} from './lib/http/errors';
import { agencyConnection } from './lib/connection/agency';
import type { Connection } from './lib/connection/kinds';
import { locationResponseSchema } from './lib/records/location';

type TokenResponse = {
  access_token?: string;
  refresh_token?: string;
  /** The scopes HighLevel granted, space-separated. */
  scope?: string;
  userType?: string;
  locationId?: string;
  companyId?: string;
  userId?: string;
  message?: string;
  error?: string;
  error_description?: string;
};

/**
 * The scopes the consent page asks for: the app's own, plus those the integration's owner added
 * for the API Request action (HIGHLEVEL_EXTRA_SCOPES, space-separated, set with `zapier-platform
 * env:set`; the Marketplace app must have them too). HighLevel grants what this URL asks for.
 */
export const requestedScopes = (): string =>
  [
    ...new Set([
      ...SCOPES,
      ...(process.env.HIGHLEVEL_EXTRA_SCOPES ?? '').split(/[\s,]+/).filter(Boolean),
    ]),
  ].join(' ');

const authorizeUrl = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: process.env.CLIENT_ID ?? '',
    redirect_uri: String(bundle.inputData.redirect_uri ?? ''),
    state: String(bundle.inputData.state ?? ''),
    scope: requestedScopes(),
  });
  return `${marketplaceUrl()}/v2/oauth/chooselocation?${params.toString()}`;
};

/**
 * POST /oauth/token: form-encoded, no bearer. Only HighLevel's refusals (400/401: invalid_grant,
 * "Location is not active") are `whenRefused`; a refresh that failed for any other reason (5xx,
 * 429, no answer) must not mark the connection expired, so those fail like any other call.
 */
const requestTokens = async (
  z: ZObject,
  form: Record<string, string>,
  whenRefused: (detail: string) => Error,
): Promise<TokenResponse> => {
  const secrets = [form.code, form.refresh_token, process.env.CLIENT_SECRET];
  let response;
  try {
    response = await z.request({
      method: 'POST',
      url: tokenUrl(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: {
        client_id: process.env.CLIENT_ID ?? '',
        client_secret: process.env.CLIENT_SECRET ?? '',
        user_type: 'Location',
        ...form,
      },
      timeout: requestTimeoutMs(),
      skipThrowForStatus: true,
    });
  } catch (error) {
    // core turns any 401 into RefreshAuthError, even here; on the token endpoint it means "refused".
    if (error instanceof Error && error.name === 'RefreshAuthError') throw whenRefused('');
    if (isNetworkFailure(error)) throw unreachable(error);
    throw error;
  }
  if (response.status === 400 || response.status === 401) {
    const data = (response.data ?? {}) as TokenResponse;
    const said = [data.error_description, data.message, data.error].find(Boolean) ?? '';
    throw whenRefused(redactSecrets(String(said), secrets));
  }
  if (response.status >= 400) throw highLevelError(response, secrets);
  if (response.data === undefined) {
    throw unreadableResponse(response.status, !response.content?.trim());
  }
  const data = response.data as TokenResponse | null;
  if (!data?.access_token) throw unexpectedResponse('its token response had no access_token');
  return data;
};

/** Location tokens only: an agency token would fail on every Contacts call later, so fail now. */
const connectionFields = (data: TokenResponse) => {
  if (data.userType === 'Company' || !data.locationId) {
    throw agencyConnection('oauth');
  }
  return {
    access_token: data.access_token as string,
    refresh_token: data.refresh_token ?? '',
    locationId: data.locationId,
    companyId: data.companyId ?? '',
    userId: data.userId ?? '',
    // Lets a step that needs a scope the connection lacks say so (lib/middleware.ts).
    grantedScopes: data.scope ?? '',
  };
};

const getAccessToken = async (z: ZObject, bundle: Bundle) => {
  const data = await requestTokens(
    z,
    {
      grant_type: 'authorization_code',
      code: String(bundle.inputData.code ?? ''),
      redirect_uri: String(bundle.inputData.redirect_uri ?? ''),
    },
    (detail) =>
      new z.errors.Error(
        `HighLevel did not accept the sign-in${detail ? `: ${detail}` : ''}. Please try connecting again.`,
        'oauth_code_rejected',
        400,
      ),
  );
  return connectionFields(data);
};

// Refresh tokens rotate: each refresh returns a new one and the old one stops working, so the new
// pair is always returned for Zapier to store. A reply without one keeps the current refresh token:
// storing '' would lose the connection at the next refresh.
const refreshAccessToken = async (z: ZObject, bundle: Bundle) => {
  const data = await requestTokens(
    z,
    { grant_type: 'refresh_token', refresh_token: bundle.authData.refresh_token ?? '' },
    connectionExpired,
  );
  const kept = bundle.authData;
  return connectionFields({
    ...data,
    refresh_token: data.refresh_token || kept.refresh_token,
    locationId: data.locationId ?? kept.locationId,
    companyId: data.companyId ?? kept.companyId,
    userId: data.userId ?? kept.userId,
    scope: data.scope ?? kept.grantedScopes,
  });
};

/** GET /locations/{locationId}: proves the token works and gives the label its name. */
const test = async (z: ZObject, bundle: Bundle) => {
  const { location } = await callHighLevel(
    z,
    { path: '/locations/{locationId}', pathParams: { locationId: locationIdOf(bundle) } },
    locationResponseSchema,
  );
  return { ...location, name: location.name || 'HighLevel sub-account' };
};

const authentication = {
  type: 'oauth2',
  test,
  connectionLabel: '{{name}}',
  fields: [
    { key: 'locationId', type: 'string', required: false, computed: true },
    { key: 'companyId', type: 'string', required: false, computed: true },
    { key: 'userId', type: 'string', required: false, computed: true },
    { key: 'grantedScopes', type: 'string', required: false, computed: true },
  ],
  oauth2Config: {
    authorizeUrl,
    getAccessToken,
    refreshAccessToken,
    // Marked pure so that the Private Integration Token build, which never uses it, leaves it out.
    scope: /* @__PURE__ */ SCOPES.join(' '),
    autoRefresh: true,
  },
} satisfies Authentication;

export default authentication;

export const oauthConnection: Connection = { kind: 'oauth', authentication };

export { authorizeUrl, getAccessToken, refreshAccessToken, test };
