// The two ways the app connects to HighLevel. One Zapier integration has exactly one kind of
// connection, so the kind is chosen when the app is built (HIGHLEVEL_AUTH, see scripts/bundle.ts)
// and each kind ships as its own integration; every operation is the same in both.
import type { AfterResponseMiddleware, Authentication } from 'zapier-platform-core';

export const CONNECTION_KINDS = ['oauth', 'private-token'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** What differs between the two builds: the connection, and how its refusals read. */
export type Connection = {
  kind: ConnectionKind;
  authentication: Authentication;
  /** Runs before the shared error mapping (lib/http/middleware.ts). */
  afterResponse?: AfterResponseMiddleware[];
};

/** `HIGHLEVEL_AUTH`: unset or empty means the OAuth build; anything unknown is a mistake. */
export const connectionKindFrom = (value: string | undefined): ConnectionKind => {
  if (!value) return 'oauth';
  if ((CONNECTION_KINDS as readonly string[]).includes(value)) return value as ConnectionKind;
  throw new Error(
    `HIGHLEVEL_AUTH must be one of ${CONNECTION_KINDS.join(', ')} (or unset for oauth), not "${value}".`,
  );
};

/** A Private Integration Token connection stores `token`; an OAuth one stores `access_token`. */
export const kindOfConnection = (authData: Record<string, unknown> | undefined): ConnectionKind =>
  authData?.token ? 'private-token' : 'oauth';
