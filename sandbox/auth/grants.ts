// Building grants and token responses, shared by the OAuth endpoints and Sandbox.issueTokens().
import { badRequest } from '../http/errors';
import type { Store } from '../store';
import { Grant, UserType } from './tokens';

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  accessTokenTtlSeconds: number;
}

/**
 * Every scope the sandbox's routes check, and the one its appointment webhooks need; granted when
 * the authorize URL names none.
 */
export const ALL_SCOPES = [
  'contacts.readonly',
  'contacts.write',
  'locations.readonly',
  'locations/tags.readonly',
  'locations/tags.write',
  'locations/customFields.readonly',
  'users.readonly',
  'campaigns.readonly',
  'workflows.readonly',
  'businesses.readonly',
  'calendars/events.readonly',
  'oauth.readonly',
  'oauth.write',
];

/** The installing user: the location's first admin (or first user). */
export function installerOf(store: Store, locationId: string): string {
  const users = [...store.users.values()].filter((user) => user.locationIds.includes(locationId));
  const admin = users.find((user) => user.role === 'admin') ?? users[0];
  return admin?.id ?? '';
}

export function locationGrant(
  store: Store,
  locationId: string,
  clientId: string,
  scope = ALL_SCOPES.join(' '),
): Grant {
  const location = store.locations.get(locationId);
  if (!location) throw badRequest(`Location ${locationId} not found`);
  return {
    userType: 'Location',
    locationId,
    companyId: location.companyId,
    userId: installerOf(store, locationId),
    scope,
    clientId,
  };
}

/** Re-shapes a grant for the requested token type (agency token for `user_type=Company`). */
export function grantFor(grant: Grant, userType: UserType): Grant {
  if (userType === grant.userType) return grant;
  if (userType === 'Company') {
    const { locationId, ...rest } = grant;
    return { ...rest, userType, approvedLocations: locationId ? [locationId] : [] };
  }
  return grant;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
  userType: UserType;
  locationId?: string;
  companyId: string;
  approvedLocations?: string[];
  userId: string;
  isBulkInstallation?: boolean;
}

export function issueTokenResponse(store: Store, grant: Grant, ttlSeconds: number): TokenResponse {
  const issued = store.auth.issue(grant, ttlSeconds);
  const response: TokenResponse = {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    scope: grant.scope,
    userType: grant.userType,
    companyId: grant.companyId,
    userId: grant.userId,
  };
  if (grant.userType === 'Location') response.locationId = grant.locationId;
  else {
    response.approvedLocations = grant.approvedLocations ?? [];
    response.isBulkInstallation = false;
  }
  return response;
}
