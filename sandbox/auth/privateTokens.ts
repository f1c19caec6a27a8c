// Private Integration Tokens, as a sub-account (or an agency) creates them in HighLevel: a token
// with the scopes chosen at creation, that never expires and stops working only when it is
// rotated or deleted. The sandbox keeps them in memory: they last until it stops, and
// `npm run sandbox` issues a fresh one on every start.
import crypto from 'crypto';
import { badRequest } from '../http/errors';
import { SEED } from '../seedData';
import type { Store } from '../store';
import { ALL_SCOPES } from './grants';
import type { AccessTokenRecord } from './tokens';

export interface PrivateTokenRequest {
  /** The sub-account that creates the token (default: Acme Dental). */
  locationId?: string;
  /** The scopes chosen at creation (default: every scope the sandbox checks). */
  scopes?: string[];
  /** Created at agency level instead: a company token, which the Contacts API refuses. */
  agency?: boolean;
}

export interface IssuedPrivateToken {
  token: string;
  userType: 'Location' | 'Company';
  locationId?: string;
  companyId: string;
  scopes: string[];
}

const registries = new WeakMap<Store, Map<string, AccessTokenRecord>>();

const registryOf = (store: Store): Map<string, AccessTokenRecord> => {
  let registry = registries.get(store);
  if (!registry) registries.set(store, (registry = new Map()));
  return registry;
};

export function issuePrivateToken(
  store: Store,
  request: PrivateTokenRequest = {},
): IssuedPrivateToken {
  const locationId = request.locationId ?? SEED.locations.acme;
  const location = store.locations.get(locationId);
  if (!location) throw badRequest(`Location ${locationId} not found`);
  const scopes = request.scopes ?? ALL_SCOPES;
  const token = `pit-${crypto.randomUUID()}`;
  const userType = request.agency ? 'Company' : 'Location';
  registryOf(store).set(token, {
    token,
    userType,
    locationId: request.agency ? undefined : locationId,
    companyId: location.companyId,
    userId: '',
    scope: scopes.join(' '),
    clientId: 'private-integration',
    expiresAt: Number.POSITIVE_INFINITY,
  });
  return {
    token,
    userType,
    ...(request.agency ? {} : { locationId }),
    companyId: location.companyId,
    scopes,
  };
}

/** The grant behind a Private Integration Token, or undefined (unknown, rotated or deleted). */
export const privateTokenGrant = (store: Store, token: string): AccessTokenRecord | undefined =>
  registryOf(store).get(token);

/** What "rotate and expire now" or deleting the integration does in HighLevel. */
export const revokePrivateToken = (store: Store, token: string): boolean =>
  registryOf(store).delete(token);

/** `POST /__sandbox/private-tokens`: `{ locationId?, scopes?: string[] | "a b", agency? }`. */
export const privateTokenRequestFrom = (body: Record<string, unknown>): PrivateTokenRequest => ({
  locationId: typeof body.locationId === 'string' && body.locationId ? body.locationId : undefined,
  scopes: Array.isArray(body.scopes)
    ? body.scopes.map(String)
    : typeof body.scopes === 'string'
      ? body.scopes.split(/[\s,]+/).filter(Boolean)
      : undefined,
  agency: body.agency === true,
});
