// The Contacts API only accepts sub-account (location) tokens. Both connections refuse an agency
// (company) one, and the HTTP client refuses a connection without a sub-account: the messages
// live here, once.
import { errors } from 'zapier-platform-core';
import { type ConnectionKind, kindOfConnection } from './kinds';

const WHAT_TO_DO: Record<ConnectionKind, string> = {
  oauth: 'Reconnect and choose a sub-account (location) on the HighLevel consent screen.',
  'private-token':
    'Create the Private Integration inside the sub-account (switch to the sub-account, then Settings → Private Integrations), not at agency level, and connect with that token.',
};

const agencyConnectionMessage = (kind: ConnectionKind): string =>
  `This HighLevel connection is for an agency (company) account, but the Contacts API only works with a sub-account (location). ${WHAT_TO_DO[kind]}`;

export const agencyConnection = (kind: ConnectionKind): Error =>
  new errors.Error(agencyConnectionMessage(kind), 'agency_token', 400);

/**
 * A connection with no sub-account to work on: an OAuth install on an agency, or a token
 * connection whose Location ID is blank (only spaces: Zapier requires the field).
 */
export const noSubAccount = (authData: Record<string, unknown> | undefined): Error =>
  kindOfConnection(authData) === 'oauth'
    ? agencyConnection('oauth')
    : new errors.Error(
        "This HighLevel connection has no Location ID. Reconnect and enter the sub-account's Location ID (Settings → Business Profile).",
        'invalid_input',
        400,
      );
