// Turning HighLevel's answers into errors a Zapier user can act on. Every HighLevel error body
// passes through `highLevelError` (from the afterResponse middleware), so each rule lives here once.
import { errors as zapierErrors } from 'zapier-platform-core';
import { throttled } from './rateLimits';
import { readable, shown } from './readable';

/**
 * Core's AppError (z.errors.Error) keeps its message, code and status only as JSON inside its
 * message. This one also keeps them as properties, so that code handling an error reads its code
 * instead of parsing the message back. Zapier sees the same error.
 */
export class AppError extends zapierErrors.Error {
  constructor(
    readonly reason: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(reason, code, status);
  }
}

// Every error below is made through this: core's errors, with AppError as their `Error`.
const errors = { ...zapierErrors, Error: AppError };

/** A record a call is about, from its path template: `{taskId}` → `{ kind: 'task', id }`. */
export type RecordInPath = { kind: string; id: string };

/** What the client knows about a call that HighLevel's answer does not say (via middlewareData). */
export type CallContext = {
  /** The records named in the path, outermost first: contact, then its task. */
  records?: RecordInPath[];
  /** The OAuth scope HighLevel's spec declares for the endpoint. */
  scope?: string;
  /** The request can change something in HighLevel (any but a read or a search). */
  write?: boolean;
};

type ResponseLike = {
  status: number;
  data?: unknown;
  content?: string;
  headers: { get(name: string): string | null };
  request?: { url?: string; headers?: Record<string, string>; middlewareData?: CallContext };
};

// After a write HighLevel may have received, "retry" could do it twice (a second contact, task or
// note): the user is asked to look first.
const RETRY = 'This is usually temporary: the step can be retried.';
const CHECK_BEFORE_RETRY =
  'Check in HighLevel whether the change was made before retrying the step, so that nothing is done twice.';

/** Bad input found before any request was sent: names the field and what was expected. */
export const invalidInput = (field: string, expected: string): Error =>
  new errors.Error(`Invalid ${field}: ${readable(expected)}`, 'invalid_input', 400);

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

/**
 * The sentences in what HighLevel said: `message` as a string, an array of validator messages on
 * 422 (strings, or objects such as `{ property, constraints: { isEmail: "…" } }`), or an `error`
 * object with its own `message`. Nothing that is not text reaches the user ("[object Object]").
 */
const textsIn = (raw: unknown, depth = 0): string[] => {
  if (typeof raw === 'string') return raw.trim() ? [raw.trim()] : [];
  if (typeof raw === 'number') return [String(raw)];
  if (depth > 3 || !raw || typeof raw !== 'object') return [];
  if (Array.isArray(raw)) return raw.flatMap((item) => textsIn(item, depth + 1));
  const object = raw as Record<string, unknown>;
  const said = textsIn(object.message ?? object.error_description ?? object.msg, depth + 1);
  if (said.length > 0) return said;
  if (object.constraints && typeof object.constraints === 'object') {
    return textsIn(Object.values(object.constraints), depth + 1);
  }
  return textsIn(object.error, depth + 1);
};

const messagesOf = (body: Record<string, unknown>): string[] => {
  const said = textsIn(body.message ?? body.error_description);
  return said.length > 0 ? said : textsIn(body.error);
};

/** The text with a full stop, unless it already ends a sentence. */
export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

// "Task not found", "Contact with id lookup not found": HighLevel names the missing kind first.
const kindNamedIn = (said: string): string | undefined =>
  /^(?:the |a |an )?(\w+)\b.*\bnot found/i.exec(said)?.[1]?.toLowerCase();

const GENERIC_KINDS = new Set(['not', 'record', 'resource', 'entity', 'item']);

/**
 * Which record of the path a "not found" is about: the kind HighLevel names, else the innermost
 * one. `null` when HighLevel names a kind the path does not hold ("User not found", "Custom field
 * … not found"): something the step refers to, not the record it works on.
 */
const missingRecordOf = (records: RecordInPath[], said: string[]): RecordInPath | null => {
  const named = kindNamedIn(said.find((s) => /not found/i.test(s)) ?? '');
  if (named && !GENERIC_KINDS.has(named)) return records.find((r) => r.kind === named) ?? null;
  return records[records.length - 1] ?? null;
};

const notFoundMessage = (records: RecordInPath[], said: string[]): string => {
  const missing = missingRecordOf(records, said);
  if (!missing)
    return `HighLevel could not find what this step asked for${said[0] ? ` (${said[0]})` : ''}.`;
  const owner = records.find((r) => r !== missing && r.kind === 'contact');
  const where = owner ? ` on contact "${shown(owner.id)}"` : '';
  return `HighLevel could not find the ${missing.kind} "${shown(missing.id)}"${where}. It may have been deleted, or it belongs to another sub-account.`;
};

/**
 * The connection was never granted the scope this step needs. Not ExpiredAuthError: the
 * connection still works for every other step, and refreshing cannot add a scope; only
 * reconnecting (approving the app's current scopes) can.
 */
export const missingScope = (scope: string | undefined, said = ''): Error => {
  const which = scope
    ? `: "${scope}".`
    : said
      ? `. HighLevel said: ${sentence(readable(said))}`
      : '.';
  return new errors.Error(
    `This HighLevel connection lacks a permission (scope) this step needs${which} Reconnect HighLevel in Zapier and approve every permission the app asks for, to grant it.`,
    'missing_scope',
    403,
  );
};

const SCOPE_REFUSAL = /scope|not authorized|permission/i;

const forbidden = (said: string[], scope: string | undefined): Error => {
  const text = said.join(' ');
  if (/access to this location/i.test(text)) {
    return new errors.Error(
      'This HighLevel connection has no access to that sub-account (location). Reconnect HighLevel and choose the sub-account this Zap should use.',
      'forbidden',
      403,
    );
  }
  if (SCOPE_REFUSAL.test(text)) return missingScope(scope, text);
  return new errors.Error(
    `HighLevel refused this step (403)${text ? `: ${sentence(text)}` : '.'}`,
    'forbidden',
    403,
  );
};

/**
 * "No such record" for the record the call is about. Not only 404: HighLevel documents 400/401/422
 * (never 404) for its record endpoints, and answers an unknown contact id with 400 "Contact with
 * id … not found". A 400 about something else not found ("Location not found" on a search, a
 * deleted custom field on an update) is a refusal, not an empty result.
 */
export const isRecordNotFound = (response: ResponseLike): boolean => {
  if (response.status === 404) return true;
  if (response.status !== 400 && response.status !== 422) return false;
  const said = messagesOf(bodyOf(response));
  if (!said.some((message) => /not found/i.test(message))) return false;
  const records = response.request?.middlewareData?.records ?? [];
  return missingRecordOf(records, said) !== null;
};

const duplicateMessage = (meta: Record<string, unknown>): string => {
  const name =
    typeof meta.contactName === 'string' && meta.contactName ? `${shown(meta.contactName)} ` : '';
  const field =
    typeof meta.matchingField === 'string' ? shown(meta.matchingField) : 'email or phone';
  return (
    `This sub-account does not allow duplicate contacts, and contact ${name}(ID ${shown(meta.contactId)}) ` +
    `already has this ${field}. Use the Create or Update Contact action to update that contact instead, ` +
    'or Find Contact to look it up.'
  );
};

/**
 * The Zapier error for a failed HighLevel response. Statuses below 400 never get here. `secrets`
 * are values to keep out of the message besides the request's bearer (e.g. a refresh token).
 * With autoRefresh, core turns every 401 into RefreshAuthError before this runs, so HighLevel's
 * 401 for a missing scope is never read here: missing scopes are checked before a request is sent
 * instead (see middleware.ts).
 */
export const highLevelError = (
  response: ResponseLike,
  secrets: Array<string | undefined> = [],
): Error => {
  const body = bodyOf(response);
  const bearer = response.request?.headers?.Authorization?.replace(/^Bearer\s+/i, '');
  const said = messagesOf(body).map((m) => readable(redactSecrets(m, [bearer, ...secrets])));
  const status = response.status;
  const meta = body.meta as Record<string, unknown> | undefined;
  const context = response.request?.middlewareData ?? {};

  if (status === 400 && meta && typeof meta.contactId === 'string') {
    return new errors.Error(duplicateMessage(meta), 'duplicate_contact', status);
  }
  if (status === 401) return new errors.RefreshAuthError();
  if (status === 403) return forbidden(said, context.scope);
  if (isRecordNotFound(response)) {
    // One meaning, one error: a 400 "… not found" reads (and reports) like a 404.
    return new errors.Error(notFoundMessage(context.records ?? [], said), 'not_found', 404);
  }
  if (status === 429) return throttled(response.headers);
  if (status >= 500) {
    // A gateway's 502/504 can come after HighLevel applied a write: only a read is safe to repeat.
    const outcome = context.write
      ? `may not have completed this step. ${CHECK_BEFORE_RETRY}`
      : `could not complete this step. ${RETRY}`;
    return new errors.Error(
      `HighLevel had a problem on its side (HTTP ${status}) and ${outcome}`,
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

/**
 * A response that should carry JSON but does not (empty or malformed). `write`: the request may
 * have changed something in HighLevel.
 */
export const unreadableResponse = (status: number, empty: boolean, write = false): Error =>
  new errors.Error(
    `HighLevel sent ${empty ? 'an empty' : 'an unreadable (not JSON)'} response (HTTP ${status}), so the result of this step is unknown. ${write ? CHECK_BEFORE_RETRY : RETRY}`,
    'unreadable_response',
    502,
  );

/**
 * HighLevel answered with JSON of the wrong shape: not the user's input at fault, and not known to
 * be temporary. `what` names what was wrong (field paths, never values that could be tokens).
 * `write`: the request may have changed something in HighLevel, so it must not be retried blindly.
 */
export const unexpectedResponse = (what: string, write = false): Error =>
  new errors.Error(
    `HighLevel sent a response this app did not expect (${readable(redactSecrets(what))}), so the result of this step is unknown. ${write ? CHECK_BEFORE_RETRY : 'The step can be retried; if this keeps happening, HighLevel may have changed its API.'}`,
    'unexpected_response',
    502,
  );

/**
 * The refresh token was refused: Zapier marks the connection expired and asks the user to
 * reconnect. Core appends "What happened: … with bundle {…}" to every error not flagged
 * `doNotContextify` (zapier-platform-core src/middleware.js, enrichErrorMessages; its own
 * z.errors.Error sets the flag, ExpiredAuthError does not), so the flag keeps the message the
 * sentence it is.
 */
export const connectionExpired = (detail = ''): Error =>
  Object.assign(
    new errors.ExpiredAuthError(
      `Your HighLevel connection has expired or was revoked${detail ? ` (${readable(detail)})` : ''}. Please reconnect your HighLevel account.`,
    ),
    { doNotContextify: true },
  );

// What "no answer" looks like from node-fetch and Node's sockets; anything else is a bug to surface.
const NETWORK_ERROR_NAMES = new Set(['FetchError', 'AbortError', 'TimeoutError']);
const NETWORK_ERROR_CODES =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|ENETUNREACH|EPROTO|UND_ERR_\w+|ERR_SOCKET_\w+|ERR_STREAM_PREMATURE_CLOSE)$/;

/** A request that never got an answer, as opposed to a programming error (TypeError…). */
export const isNetworkFailure = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    NETWORK_ERROR_NAMES.has(error.name) ||
    (typeof code === 'string' && NETWORK_ERROR_CODES.test(code))
  );
};

// Failures that happen before a request leaves: HighLevel cannot have acted on it.
const NEVER_SENT_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/;

/**
 * The request never got an answer (connection refused, reset, timed out). `write`: the request
 * may have changed something in HighLevel, which a timeout or a reset does not rule out.
 */
export const unreachable = (cause: unknown, write = false): Error => {
  const reason =
    cause instanceof Error ? readable(redactSecrets(cause.message)) : 'unknown network error';
  const code = (cause as { code?: unknown } | undefined)?.code;
  const neverSent = typeof code === 'string' && NEVER_SENT_CODES.test(code);
  return new errors.Error(
    `Could not reach HighLevel (${reason}). ${write && !neverSent ? CHECK_BEFORE_RETRY : RETRY}`,
    'network_error',
    503,
  );
};

/**
 * Zapier stops a step after 30 s: when the step's earlier requests used up nearly all of it, the
 * next one is not sent rather than cut off mid-way. `wroteAlready`: an earlier request of the
 * step may have changed something.
 */
export const stepOutOfTime = (wroteAlready: boolean): Error =>
  new errors.Error(
    `HighLevel answered this step's earlier requests so slowly that Zapier's 30-second limit left no time for the next one, so it was not sent. ${wroteAlready ? CHECK_BEFORE_RETRY : RETRY}`,
    'network_error',
    503,
  );

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
