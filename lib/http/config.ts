// Where HighLevel lives and how to talk to it. The base URLs come from the environment so that the
// very same app runs against the local sandbox (`npm run sandbox`) and against HighLevel itself.

export const API_VERSION = '2021-07-28';

const DEFAULT_API_BASE_URL = 'https://services.leadconnectorhq.com';
const DEFAULT_MARKETPLACE_URL = 'https://marketplace.gohighlevel.com';

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/** Read at call time, not at load time, so tests and `invoke` can point the app elsewhere. */
export const apiBaseUrl = (): string =>
  withoutTrailingSlash(process.env.HIGHLEVEL_API_BASE_URL || DEFAULT_API_BASE_URL);

export const marketplaceUrl = (): string =>
  withoutTrailingSlash(process.env.HIGHLEVEL_MARKETPLACE_URL || DEFAULT_MARKETPLACE_URL);

export const tokenUrl = (): string => `${apiBaseUrl()}/oauth/token`;

/**
 * Exactly the scopes the app uses: contacts for every operation, read access to what the
 * dropdowns, custom fields and the connection label need, and calendar events for the instant
 * appointment triggers (lib/instant/events.ts).
 */
export const SCOPES = [
  'contacts.readonly',
  'contacts.write',
  'locations.readonly',
  'locations/tags.readonly',
  'locations/customFields.readonly',
  'users.readonly',
  'campaigns.readonly',
  'workflows.readonly',
  'businesses.readonly',
  'calendars/events.readonly',
] as const;

/**
 * How long one request may take before the step fails with a readable "could not reach
 * HighLevel" instead of Zapier's 30 s hard stop. Overridable so tests can provoke it quickly.
 */
export const requestTimeoutMs = (): number =>
  Number(process.env.HIGHLEVEL_REQUEST_TIMEOUT_MS) || 25_000;

/**
 * How long all of one step's requests may take together: Zapier stops a step after 30 s, and a
 * write that loads the custom-field list first would otherwise have 2 × 25 s. The rest of the 30 s
 * is left for Zapier's own work. Overridable so tests can provoke it quickly.
 */
export const stepBudgetMs = (): number => Number(process.env.HIGHLEVEL_STEP_BUDGET_MS) || 27_000;

/** With less time than this left of a step or a poll, a request would only time out: not sent. */
export const MIN_REQUEST_MS = 1_000;
