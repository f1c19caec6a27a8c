// The one client every operation uses: builds the URL from a path template, sends one request
// through the shared middleware, and checks the JSON that comes back against a zod schema.
import type { Bundle, HttpMethod, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { requestTimeoutMs } from './config';
import { invalidInput, redactSecrets, unreachable, unreadableResponse } from './errors';
import type { HighLevelMiddlewareData } from './middleware';
import { apiUrl } from './paths';

export type HighLevelCall = {
  method?: HttpMethod;
  /** A path template such as `/contacts/{contactId}/tasks`; values come from `pathParams`. */
  path: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: Record<string, unknown>;
  /** Overrides the default request timeout, e.g. to keep a multi-page poll inside its budget. */
  timeoutMs?: number;
};

// Errors Zapier itself understands pass through untouched; anything else is a network failure.
const ZAPIER_ERRORS = new Set([
  'AppError',
  'ThrottledError',
  'RefreshAuthError',
  'ExpiredAuthError',
  'HaltedError',
  'ResponseError',
  'CheckError',
]);

const describeIssues = (error: zod.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');

async function send(z: ZObject, call: HighLevelCall, allowNotFound: boolean) {
  const middlewareData: HighLevelMiddlewareData = { allowNotFound };
  const query = Object.fromEntries(
    Object.entries(call.query ?? {}).filter(([, value]) => value !== undefined && value !== ''),
  );
  const url = apiUrl(call.path, call.pathParams); // throws on an unsafe id: nothing is sent
  try {
    return await z.request({
      method: call.method ?? 'GET',
      url,
      params: query,
      body: call.body,
      middlewareData,
      timeout: call.timeoutMs ?? requestTimeoutMs(),
      // Our middleware throws for every other failure; core must not throw on the allowed 404.
      skipThrowForStatus: allowNotFound,
    });
  } catch (error) {
    if (error instanceof Error && ZAPIER_ERRORS.has(error.name)) throw error;
    throw unreachable(error);
  }
}

function parse<S extends zod.ZodType>(
  schema: S,
  response: { status: number; content: string; data: unknown },
): zod.infer<S> {
  if (response.data === undefined) {
    throw unreadableResponse(response.status, !response.content?.trim());
  }
  const result = schema.safeParse(response.data);
  if (!result.success) {
    throw invalidInput(
      'response from HighLevel',
      `it did not have the expected shape (${redactSecrets(describeIssues(result.error))}).`,
    );
  }
  return result.data;
}

/** One HighLevel call; HighLevel errors become readable Zapier errors in the middleware. */
export async function callHighLevel<S extends zod.ZodType>(
  z: ZObject,
  call: HighLevelCall,
  schema: S,
): Promise<zod.infer<S>> {
  return parse(schema, await send(z, call, false));
}

/** Like callHighLevel, but a 404 means "no such record" and resolves to null (for searches). */
export async function callHighLevelOrNull<S extends zod.ZodType>(
  z: ZObject,
  call: HighLevelCall,
  schema: S,
): Promise<zod.infer<S> | null> {
  const response = await send(z, call, true);
  if (response.status === 404) return null;
  return parse(schema, response);
}

/** The connected sub-account. Agency connections have none, and the Contacts API needs one. */
export const locationIdOf = (bundle: Bundle): string => {
  const locationId = bundle.authData.locationId;
  if (!locationId) {
    throw invalidInput(
      'connection',
      'this HighLevel connection is not tied to a sub-account (location). Reconnect HighLevel and choose a sub-account: the Contacts API only works with sub-account connections.',
    );
  }
  return locationId;
};
