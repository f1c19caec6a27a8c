// OAuth2 with HighLevel: the user picks one sub-account (location) on HighLevel's consent page;
// the location token that comes back is what every Contacts endpoint requires.
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { callHighLevel, locationIdOf } from './lib/client';
import { marketplaceUrl, SCOPES, tokenUrl } from './lib/config';
import { redactSecrets } from './lib/errors';
import { locationResponseSchema } from './lib/schemas';

type TokenResponse = {
  access_token?: string;
  refresh_token?: string;
  userType?: string;
  locationId?: string;
  companyId?: string;
  userId?: string;
  message?: string;
  error?: string;
  error_description?: string;
};

const AGENCY_TOKEN_MESSAGE =
  'HighLevel connected an agency (company) account, but the Contacts API only works with a sub-account. ' +
  'Reconnect and choose a sub-account (location) on the HighLevel consent screen.';

const authorizeUrl = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: process.env.CLIENT_ID ?? '',
    redirect_uri: String(bundle.inputData.redirect_uri ?? ''),
    state: String(bundle.inputData.state ?? ''),
    scope: SCOPES.join(' '),
  });
  return `${marketplaceUrl()}/v2/oauth/chooselocation?${params.toString()}`;
};

/** POST /oauth/token: form-encoded, no bearer; HighLevel's refusals are worded for the user. */
const requestTokens = async (
  z: ZObject,
  form: Record<string, string>,
  whenRefused: (detail: string) => Error,
): Promise<TokenResponse> => {
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
      skipThrowForStatus: true,
    });
  } catch (error) {
    // core turns any 401 into RefreshAuthError, even here; on the token endpoint it means "refused".
    if (error instanceof Error && error.name === 'RefreshAuthError') throw whenRefused('');
    throw error;
  }
  const data = (response.data ?? {}) as TokenResponse;
  if (response.status >= 400 || !data.access_token) {
    const said = [data.error_description, data.message, data.error].find(Boolean) ?? '';
    throw whenRefused(redactSecrets(String(said), [form.code, form.refresh_token]));
  }
  return data;
};

/** Location tokens only: an agency token would fail on every Contacts call later, so fail now. */
const connectionFields = (z: ZObject, data: TokenResponse) => {
  if (data.userType === 'Company' || !data.locationId) {
    throw new z.errors.Error(AGENCY_TOKEN_MESSAGE, 'agency_token', 400);
  }
  return {
    access_token: data.access_token as string,
    refresh_token: data.refresh_token ?? '',
    locationId: data.locationId,
    companyId: data.companyId ?? '',
    userId: data.userId ?? '',
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
  return connectionFields(z, data);
};

// Refresh tokens rotate: each refresh returns a new one and the old one stops working, so the new
// pair is always returned for Zapier to store.
const refreshAccessToken = async (z: ZObject, bundle: Bundle) => {
  const data = await requestTokens(
    z,
    { grant_type: 'refresh_token', refresh_token: bundle.authData.refresh_token ?? '' },
    (detail) =>
      new z.errors.ExpiredAuthError(
        `Your HighLevel connection has expired or was revoked${detail ? ` (${detail})` : ''}. Please reconnect your HighLevel account.`,
      ),
  );
  return connectionFields(z, {
    ...data,
    locationId: data.locationId ?? bundle.authData.locationId,
    companyId: data.companyId ?? bundle.authData.companyId,
    userId: data.userId ?? bundle.authData.userId,
  });
};

/** GET /locations/{locationId}: proves the token works and gives the label its name. */
const test = async (z: ZObject, bundle: Bundle) => {
  if (!bundle.authData.locationId)
    throw new z.errors.Error(AGENCY_TOKEN_MESSAGE, 'agency_token', 400);
  const { location } = await callHighLevel(
    z,
    { path: '/locations/{locationId}', pathParams: { locationId: locationIdOf(bundle) } },
    locationResponseSchema,
  );
  return { ...location, name: location.name || 'HighLevel sub-account' };
};

export default {
  type: 'oauth2',
  test,
  connectionLabel: '{{name}}',
  fields: [
    { key: 'locationId', type: 'string', required: false, computed: true },
    { key: 'companyId', type: 'string', required: false, computed: true },
    { key: 'userId', type: 'string', required: false, computed: true },
  ],
  oauth2Config: {
    authorizeUrl,
    getAccessToken,
    refreshAccessToken,
    scope: SCOPES.join(' '),
    autoRefresh: true,
  },
} satisfies Authentication;

export { authorizeUrl, getAccessToken, refreshAccessToken, test };
