// A sub-account's Private Integration Token: the connection of the second build
// (HIGHLEVEL_AUTH=private-token). The user creates the token in HighLevel with the scopes they
// choose and types the sub-account's Location ID next to it, since nothing documented reads the
// location from the token. The token never expires and never refreshes: HighLevel stops
// accepting it only when someone rotates or deletes it.
import type {
  AfterResponseMiddleware,
  Authentication,
  Bundle,
  ZObject,
} from 'zapier-platform-core';
import { errors } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../http/client';
import { locationResponseSchema } from '../records/location';
import { agencyConnection } from './agency';
import type { Connection } from './kinds';

const WHERE_TOKENS_ARE = 'Settings → Private Integrations';

/**
 * GET /locations/{locationId}: proves the token works for the Location ID and names the
 * connection. An agency token can read a sub-account too, so one contact search follows: the
 * Contacts API answers an agency token with a 401 (see explainRefusedToken), refused here at
 * connect time rather than on the first step of a Zap.
 */
const test = async (z: ZObject, bundle: Bundle) => {
  const locationId = locationIdOf(bundle);
  const { location } = await callHighLevel(
    z,
    { path: '/locations/{locationId}', pathParams: { locationId } },
    locationResponseSchema,
  );
  await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/search', body: { locationId, pageLimit: 1 } },
    zod.looseObject({}),
  );
  return { ...location, name: location.name || 'HighLevel sub-account' };
};

const authentication = {
  type: 'custom',
  test,
  connectionLabel: '{{name}}',
  fields: [
    {
      key: 'token',
      label: 'Private Integration Token',
      type: 'password',
      required: true,
      helpText:
        'Create it in the sub-account: Settings → Private Integrations → Create new Integration, choose the scopes (at least `contacts.readonly`, `contacts.write` and `locations.readonly`), then copy the token HighLevel shows once. ' +
        '[How to create a Private Integration](https://help.gohighlevel.com/support/solutions/articles/155000003054).',
    },
    {
      key: 'locationId',
      label: 'Location ID',
      type: 'string',
      required: true,
      helpText:
        "The sub-account's ID: in HighLevel, open the sub-account's Settings → Business Profile (Location ID), or copy it from the address bar after `/location/`.",
    },
  ],
} satisfies Authentication;

const messageOf = (data: unknown): string => {
  const said = (data as { message?: unknown } | null | undefined)?.message;
  return Array.isArray(said) ? said.join(' ') : typeof said === 'string' ? said : '';
};

/** The scope a step lacks, and where the user adds it: the token keeps working once saved. */
export const privateTokenMissingScope = (scope: string | undefined, said = ''): Error =>
  new errors.Error(
    `This Private Integration Token lacks a scope this step needs${scope ? `: "${scope}"` : ` (HighLevel said: ${said || 'not authorized'})`}. ` +
      `Add ${scope ? 'it' : 'the scope for this part of the API'} to the Private Integration in HighLevel (${WHERE_TOKENS_ARE}, edit the integration) and save; the token stays the same.`,
    'missing_scope',
    403,
  );

/**
 * HighLevel's refusals of a Private Integration Token, worded for it. OAuth's 401s never get here
 * (core turns them into a refresh first); this connection has no refresh, so a 401 is read:
 * HighLevel says whether the token lacks a scope, is an agency token, or is no longer valid.
 */
export const explainRefusedToken: AfterResponseMiddleware = (response, _z, bundle) => {
  if (response.status !== 401 && response.status !== 403) return response;
  const said = messageOf(response.data);
  const request = response.request as { middlewareData?: { scope?: string } } | undefined;
  if (response.status === 403) {
    if (!/access to this location/i.test(said)) return response;
    throw new errors.Error(
      `This Private Integration Token does not belong to the sub-account with Location ID "${String(bundle.authData?.locationId ?? '').trim()}". Reconnect with the Location ID of the sub-account where the token was created.`,
      'forbidden',
      403,
    );
  }
  if (/scope/i.test(said)) throw privateTokenMissingScope(request?.middlewareData?.scope, said);
  if (/IAM Service|not yet supported|agency|company/i.test(said)) {
    throw agencyConnection('private-token');
  }
  throw new errors.ExpiredAuthError(
    `HighLevel no longer accepts this Private Integration Token. These tokens never expire on their own, so it was rotated or deleted in HighLevel (${WHERE_TOKENS_ARE}). Reconnect with the integration's current token.`,
  );
};

export const privateTokenConnection: Connection = {
  kind: 'private-token',
  authentication,
  afterResponse: [explainRefusedToken],
};

export default authentication;
export { test };
