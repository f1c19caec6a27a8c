// The Contacts API only accepts sub-account (location) tokens. Both connections refuse an agency
// (company) one, and the HTTP client refuses a connection without a sub-account: one message.
import { errors } from 'zapier-platform-core';
import type { ConnectionKind } from './kinds';

const WHAT_TO_DO: Record<ConnectionKind, string> = {
  oauth: 'Reconnect and choose a sub-account (location) on the HighLevel consent screen.',
  'private-token':
    'Create the Private Integration inside the sub-account (switch to the sub-account, then Settings → Private Integrations), not at agency level, and connect with that token.',
};

export const agencyConnectionMessage = (kind: ConnectionKind): string =>
  `This HighLevel connection is for an agency (company) account, but the Contacts API only works with a sub-account (location). ${WHAT_TO_DO[kind]}`;

export const agencyConnection = (kind: ConnectionKind): Error =>
  new errors.Error(agencyConnectionMessage(kind), 'agency_token', 400);
