// Who may call what: a valid bearer token, of the right kind (sub-account vs agency), with the
// operation's scope, and only for its own location (or its own company's locations).
import { forbiddenCompany, forbiddenLocation, unauthorized } from '../http/errors';
import type { SpecOperation } from '../spec';
import type { Store } from '../store';
import { privateTokenGrant } from './privateTokens';
import { AccessTokenRecord } from './tokens';

const LOCATION_SCHEMES = ['bearer', 'Location-Access', 'Location-Access-Only'];
const AGENCY_SCHEMES = ['Agency-Access', 'Agency-Access-Only'];

export function authenticate(store: Store, authorization: string | undefined): AccessTokenRecord {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match) throw unauthorized();
  const token = match[1]!.trim();
  const privateToken = privateTokenGrant(store, token);
  if (privateToken) return privateToken;
  const record = store.auth.verifyAccess(token);
  // HighLevel answers the same for unknown, malformed and expired tokens.
  if (!record || record === 'expired') throw unauthorized();
  return record;
}

/** Token kind and scope against the operation's declared `security`. */
export function authorizeOperation(grant: AccessTokenRecord, operation: SpecOperation): void {
  const schemes = grant.userType === 'Company' ? AGENCY_SCHEMES : LOCATION_SCHEMES;
  const entries = operation.security.flatMap((entry) =>
    Object.entries(entry).filter(([scheme]) => schemes.includes(scheme)),
  );
  const declaresAgency = operation.security.some((entry) =>
    Object.keys(entry).some((scheme) => AGENCY_SCHEMES.includes(scheme)),
  );
  const declaresLocation = operation.security.some((entry) =>
    Object.keys(entry).some((scheme) => LOCATION_SCHEMES.includes(scheme)),
  );
  if (grant.userType === 'Company' && !declaresAgency) {
    throw unauthorized('This route is not yet supported by the IAM Service');
  }
  if (grant.userType === 'Location' && declaresAgency && !declaresLocation) {
    throw unauthorized('This route is not yet supported by the IAM Service');
  }
  if (entries.length === 0) return;
  const granted = new Set(grant.scope.split(/\s+/).filter(Boolean));
  const satisfied = entries.some(
    ([, scopes]) => scopes.length === 0 || scopes.some((scope) => granted.has(scope)),
  );
  if (!satisfied) throw unauthorized('The token is not authorized for this scope.');
}

/** locationId/companyId in path, query or body must be the token's own (403 otherwise). */
export function checkTenant(
  store: Store,
  grant: AccessTokenRecord,
  sources: Array<Record<string, unknown> | undefined>,
): void {
  for (const source of sources) {
    if (!source) continue;
    const locationId = source.locationId;
    if (typeof locationId === 'string' && locationId !== '') {
      if (!canAccessLocation(store, grant, locationId)) throw forbiddenLocation();
    }
    const companyId = source.companyId;
    if (typeof companyId === 'string' && companyId !== '' && companyId !== grant.companyId) {
      throw forbiddenCompany();
    }
  }
}

export function canAccessLocation(
  store: Store,
  grant: AccessTokenRecord,
  locationId: string,
): boolean {
  if (grant.userType === 'Location') return grant.locationId === locationId;
  return store.locations.get(locationId)?.companyId === grant.companyId;
}
