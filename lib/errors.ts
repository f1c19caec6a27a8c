// Turning HighLevel's answers into errors a Zapier user can act on. Every HighLevel error body
// passes through `highLevelError` (from the afterResponse middleware), so each rule lives here once.
import { errors } from 'zapier-platform-core';

type ResponseLike = {
  status: number;
  data?: unknown;
  content?: string;
  headers: { get(name: string): string | null };
  request?: { url?: string; headers?: Record<string, string> };
};

/** HighLevel's rate window, used when a 429 carries no hint of its own. */
const DEFAULT_THROTTLE_SECONDS = 10;

/** Bad input found before any request was sent: names the field and what was expected. */
export const invalidInput = (field: string, expected: string): Error =>
  new errors.Error(`Invalid ${field}: ${expected}`, 'invalid_input', 400);

/** Tokens must never reach a message: drop bearer values and anything shaped like a JWT. */
export const redactSecrets = (text: string, secrets: Array<string | undefined> = []): string => {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted]')
    .replace(/\b(pit-[\w-]{8,})/gi, '[redacted]');
};

const bodyOf = (response: ResponseLike): Record<string, unknown> => {
  if (response.data && typeof response.data === 'object') {
    return response.data as Record<string, unknown>;
  }
  return {};
};

/** HighLevel sends `message` as a string, or as an array of validator messages on 422. */
const messagesOf = (body: Record<string, unknown>): string[] => {
  const raw = body.message ?? body.error_description ?? body.error;
  if (Array.isArray(raw)) return raw.map(String).filter(Boolean);
  if (typeof raw === 'string' && raw.trim()) return [raw.trim()];
  return [];
};

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** `/contacts/c1/tasks/t1` → [['contacts','c1'],['tasks','t1']]: what a 404 was about. */
const NOUNS: Record<string, string> = {
  contacts: 'contact',
  tasks: 'task',
  notes: 'note',
  campaigns: 'campaign',
  workflow: 'workflow',
  business: 'business',
  locations: 'location',
  appointments: 'appointment',
};

const objectsInPath = (url: string | undefined): Array<{ noun: string; id: string }> => {
  if (!url) return [];
  const segments = new URL(url, 'https://x').pathname.split('/').filter(Boolean);
  const found: Array<{ noun: string; id: string }> = [];
  for (let i = 0; i < segments.length - 1; i += 1) {
    const noun = NOUNS[segments[i] as string];
    const id = segments[i + 1] as string;
    if (noun && !(id in NOUNS) && id !== 'removeAll' && id !== 'search') {
      found.push({ noun, id: decodeURIComponent(id) });
      i += 1;
    }
  }
  return found;
};

const notFoundMessage = (response: ResponseLike, said: string[]): string => {
  const objects = objectsInPath(response.request?.url);
  // HighLevel usually names the missing kind ("Contact not found"); trust it over the URL.
  const named = /^(\w+) not found/i.exec(said[0] ?? '')?.[1]?.toLowerCase();
  const missing = objects.find((o) => o.noun === named) ?? objects[objects.length - 1];
  if (!missing)
    return `HighLevel could not find what this step asked for${said[0] ? ` (${said[0]})` : ''}.`;
  const owner = objects.find((o) => o !== missing && o.noun === 'contact');
  const where = owner ? ` on contact "${owner.id}"` : '';
  return `HighLevel could not find the ${missing.noun} "${missing.id}"${where}. It may have been deleted, or it belongs to another sub-account.`;
};

const forbiddenMessage = (said: string[]): string => {
  const text = said.join(' ');
  if (/access to this location/i.test(text)) {
    return 'This HighLevel connection has no access to that sub-account (location). Reconnect HighLevel and choose the sub-account this Zap should use.';
  }
  if (/scope|not authorized|permission/i.test(text)) {
    return `This HighLevel connection lacks a permission (scope) this step needs: ${sentence(text)} Reconnect HighLevel to grant the app's current scopes.`;
  }
  return `HighLevel refused this step (403)${text ? `: ${sentence(text)}` : '.'}`;
};

const throttleDelaySeconds = (response: ResponseLike): number => {
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter;
  const intervalMs = Number.parseInt(
    response.headers.get('x-ratelimit-interval-milliseconds') ?? '',
    10,
  );
  if (Number.isFinite(intervalMs) && intervalMs > 0) return Math.ceil(intervalMs / 1000);
  return DEFAULT_THROTTLE_SECONDS;
};

const duplicateMessage = (meta: Record<string, unknown>): string => {
  const name =
    typeof meta.contactName === 'string' && meta.contactName ? `${meta.contactName} ` : '';
  const field = typeof meta.matchingField === 'string' ? meta.matchingField : 'email or phone';
  return (
    `This sub-account does not allow duplicate contacts, and contact ${name}(ID ${String(meta.contactId)}) ` +
    `already has this ${field}. Use the Create or Update Contact action to update that contact instead, ` +
    'or Find Contact to look it up.'
  );
};

/**
 * The Zapier error for a failed HighLevel response. Statuses below 400 never get here.
 * 401 is normally turned into RefreshAuthError by core before this runs (autoRefresh).
 */
export const highLevelError = (response: ResponseLike): Error => {
  const body = bodyOf(response);
  const said = messagesOf(body).map((m) =>
    redactSecrets(m, [response.request?.headers?.Authorization?.replace(/^Bearer\s+/i, '')]),
  );
  const status = response.status;
  const meta = body.meta as Record<string, unknown> | undefined;

  if (status === 400 && meta && typeof meta.contactId === 'string') {
    return new errors.Error(duplicateMessage(meta), 'duplicate_contact', status);
  }
  if (status === 401) return new errors.RefreshAuthError();
  if (status === 403) return new errors.Error(forbiddenMessage(said), 'forbidden', status);
  if (status === 404) return new errors.Error(notFoundMessage(response, said), 'not_found', status);
  if (status === 429) {
    return new errors.ThrottledError(
      "HighLevel's rate limit for this sub-account (100 requests per 10 seconds) was reached. Zapier will retry this step shortly.",
      throttleDelaySeconds(response),
    );
  }
  if (status >= 500) {
    return new errors.Error(
      `HighLevel had a problem on its side (HTTP ${status}) and could not complete this step. This is usually temporary: the step can be retried.`,
      'highlevel_unavailable',
      status,
    );
  }
  if (said.length === 0) {
    return new errors.Error(
      `HighLevel rejected the request (HTTP ${status}) without saying why.`,
      'rejected',
      status,
    );
  }
  const detail = said.map(sentence).join(' ');
  return new errors.Error(`HighLevel rejected the request: ${detail}`, 'rejected', status);
};

/** A response that should carry JSON but does not (empty or malformed). */
export const unreadableResponse = (status: number, empty: boolean): Error =>
  new errors.Error(
    `HighLevel sent ${empty ? 'an empty' : 'an unreadable (not JSON)'} response (HTTP ${status}), so the result of this step is unknown. This is usually temporary: the step can be retried.`,
    'unreadable_response',
    502,
  );

/** The request never got an answer (connection refused, reset, timed out). */
export const unreachable = (cause: unknown): Error => {
  const reason = cause instanceof Error ? redactSecrets(cause.message) : 'unknown network error';
  return new errors.Error(
    `Could not reach HighLevel (${reason}). This is usually temporary: the step can be retried.`,
    'network_error',
    503,
  );
};

/** HighLevel answers some writes with `succeded: false` and a 200; that is still a failure. */
export const requireSucceeded = (succeded: boolean | undefined, what: string): void => {
  if (succeded === false) {
    throw new errors.Error(
      `HighLevel answered that it could not ${what}, without saying why. Check the contact in HighLevel, then retry the step.`,
      'not_succeeded',
      502,
    );
  }
};
