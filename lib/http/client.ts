// The one client every operation uses: builds the URL from a path template, sends one request
// through the shared middleware, and checks the JSON that comes back against a zod schema.
import type { Bundle, HttpMethod, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { noSubAccount } from '../connection/agency';
import { MIN_REQUEST_MS, requestTimeoutMs, stepBudgetMs } from './config';
import { requiredScope } from './scopes';
import {
  isNetworkFailure,
  isRecordNotFound,
  type RecordInPath,
  stepOutOfTime,
  unexpectedResponse,
  unreachable,
  unreadableResponse,
} from './errors';
import type { HighLevelMiddlewareData } from './middleware';
import { apiUrl } from './paths';

export type HighLevelCall = {
  method?: HttpMethod;
  /** A path template such as `/contacts/{contactId}/tasks`; values come from `pathParams`. */
  path: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: Record<string, unknown> | unknown[];
  /** Overrides the default request timeout, e.g. to keep a multi-page poll inside its budget. */
  timeoutMs?: number;
  /** The scope the endpoint needs, when lib/http/scopes.ts does not know its path (API Request). */
  scope?: string;
};

/**
 * `/contacts/{contactId}/tasks/{taskId}` → the contact, then the task: what a "not found" can be
 * about. Only `…Id` parameters name records; fixed words (`bulk`, `upsert`) and `{type}` do not.
 */
const recordsIn = (template: string, params: Record<string, unknown> = {}): RecordInPath[] =>
  [...template.matchAll(/\{(\w+)Id\}/g)].map(([, kind]) => ({
    kind: kind as string,
    id: String(params[`${kind}Id`]).trim(),
  }));

const describeIssues = (error: zod.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');

/** A request that can change something in HighLevel: any but a read or a search. */
const isWrite = (method: HttpMethod, path: string): boolean =>
  method !== 'GET' && !/\/search$/.test(path);

type StepClock = { deadline: number; wroteAlready: boolean };
// One per step: core builds a new z for each invocation, and every request of a step goes
// through the same one.
const stepClocks = new WeakMap<ZObject, StepClock>();

const stepClockOf = (z: ZObject): StepClock => {
  let clock = stepClocks.get(z);
  if (!clock) {
    clock = { deadline: Date.now() + stepBudgetMs(), wroteAlready: false };
    stepClocks.set(z, clock);
  }
  return clock;
};

async function send(z: ZObject, call: HighLevelCall, allowNotFound: boolean) {
  const method = call.method ?? 'GET';
  const write = isWrite(method, call.path);
  const query = Object.fromEntries(
    Object.entries(call.query ?? {}).filter(([, value]) => value !== undefined && value !== ''),
  );
  const url = apiUrl(call.path, call.pathParams); // throws on an unsafe id: nothing is sent
  const middlewareData: HighLevelMiddlewareData = {
    allowNotFound,
    records: recordsIn(call.path, call.pathParams),
    scope: call.scope ?? requiredScope(method, call.path),
    write,
  };
  const clock = stepClockOf(z);
  const timeLeftMs = clock.deadline - Date.now();
  if (timeLeftMs < MIN_REQUEST_MS) throw stepOutOfTime(clock.wroteAlready);
  clock.wroteAlready ||= write;
  try {
    return await z.request({
      method,
      url,
      params: query,
      body: call.body,
      middlewareData,
      timeout: Math.min(call.timeoutMs ?? requestTimeoutMs(), timeLeftMs),
      // Our middleware throws for every other failure; core must not throw on an allowed
      // "not found".
      skipThrowForStatus: allowNotFound,
    });
  } catch (error) {
    // Only "no answer" is HighLevel's fault; Zapier's errors and our own bugs surface as they are.
    if (isNetworkFailure(error)) throw unreachable(error, write);
    throw error;
  }
}

/**
 * The keys an answer must carry at least one of: HighLevel wraps what it returns (`{ contact }`,
 * `{ tags }`, `{ contacts, total }`), and an answer without the wrapper (`{}`, or
 * `{ data: { contacts } }`) is not an empty result. They are the keys a schema declares as
 * required or with a default (a list HighLevel may send empty); a schema whose keys are all
 * optional (`{ succeded? }`) needs any one of them. Non-object schemas are not checked here.
 */
const wrapperKeysOf = (schema: zod.ZodType): string[] => {
  if (!(schema instanceof zod.ZodObject)) return [];
  const shape = schema.shape as Record<string, zod.ZodType>;
  const keys = Object.keys(shape);
  const wrappers = keys.filter((key) => !(shape[key] instanceof zod.ZodOptional));
  return wrappers.length > 0 ? wrappers : keys;
};

const missingWrapper = (schema: zod.ZodType, data: unknown): string | undefined => {
  const wrappers = wrapperKeysOf(schema);
  if (wrappers.length === 0 || !data || typeof data !== 'object' || Array.isArray(data)) {
    return undefined; // zod words these
  }
  if (wrappers.some((key) => (data as Record<string, unknown>)[key] !== undefined))
    return undefined;
  const expected = wrappers.map((key) => `"${key}"`).join(' or ');
  const sent = Object.keys(data).slice(0, 5);
  return `no ${expected} in it${sent.length > 0 ? `, only ${sent.map((key) => `"${key}"`).join(', ')}` : ''}`;
};

function parse<S extends zod.ZodType>(
  schema: S,
  response: { status: number; content: string; data: unknown },
  call: HighLevelCall,
): zod.infer<S> {
  const write = isWrite(call.method ?? 'GET', call.path);
  if (response.data === undefined) {
    throw unreadableResponse(response.status, !response.content?.trim(), write);
  }
  const missing = missingWrapper(schema, response.data);
  if (missing) throw unexpectedResponse(missing, write);
  const result = schema.safeParse(response.data);
  if (!result.success) throw unexpectedResponse(describeIssues(result.error), write);
  return result.data;
}

/** One HighLevel call; HighLevel errors become readable Zapier errors in the middleware. */
export async function callHighLevel<S extends zod.ZodType>(
  z: ZObject,
  call: HighLevelCall,
  schema: S,
): Promise<zod.infer<S>> {
  return parse(schema, await send(z, call, false), call);
}

/**
 * One HighLevel call whose answer is returned as it came (status, headers, text and parsed JSON),
 * for the API Request action; failures are mapped to Zapier errors as for every other call.
 */
export const callHighLevelForResponse = (z: ZObject, call: HighLevelCall) => send(z, call, false);

/**
 * Like callHighLevel, but "no such record" resolves to null (for searches): a 404, or the 400/422
 * "… not found" HighLevel also answers with (see isRecordNotFound).
 */
export async function callHighLevelOrNull<S extends zod.ZodType>(
  z: ZObject,
  call: HighLevelCall,
  schema: S,
): Promise<zod.infer<S> | null> {
  const response = await send(z, call, true);
  if (isRecordNotFound(response)) return null;
  return parse(schema, response, call);
}

/** The connected sub-account. Agency connections have none, and the Contacts API needs one. */
export const locationIdOf = (bundle: Bundle): string => {
  // Typed by hand for a Private Integration Token, so it may carry stray spaces.
  const locationId = String(bundle.authData.locationId ?? '').trim();
  if (!locationId) throw noSubAccount(bundle.authData);
  return locationId;
};
