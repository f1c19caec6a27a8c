// API Request: any endpoint of HighLevel's API (calendars, opportunities, conversations, …) with
// this connection, sent through the same client as every other step: the connection's token,
// the Version header, readable errors, rate limits and the step's time budget. The path stays on
// HighLevel's API (lib/apiRequest/path.ts); a body that is not JSON is refused before sending.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { apiRequestResult } from '../lib/apiRequest/output';
import { apiRequestPath, LOCATION_PLACEHOLDER } from '../lib/apiRequest/path';
import { scopeForRequest } from '../lib/apiRequest/scopes';
import { callHighLevelForResponse, locationIdOf } from '../lib/http/client';
import { invalidInput } from '../lib/http/errors';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

const inputFields = defineInputFields([
  {
    key: 'method',
    label: 'Method',
    type: 'string',
    required: true,
    choices: [...METHODS],
    default: 'GET',
  },
  {
    key: 'path',
    label: 'Path',
    type: 'string',
    required: true,
    helpText: `The endpoint's path on HighLevel's API, such as \`/calendars/\` or \`/opportunities/search\` (see [HighLevel's API reference](https://highlevel.stoplight.io/docs/integrations)). Write \`${LOCATION_PLACEHOLDER}\` for this connection's sub-account, here, in a query value or in the body. The connection needs the scope of that part of the API.`,
  },
  {
    key: 'query',
    label: 'Query Parameters',
    dict: true,
    required: false,
    helpText: 'Sent as `?name=value`; many endpoints want `locationId`.',
  },
  {
    key: 'body',
    label: 'Body (JSON)',
    type: 'text',
    required: false,
    helpText: 'A JSON object or list, for POST, PUT, PATCH and DELETE. Checked before sending.',
  },
]);

const methodOf = (value: unknown): Method => {
  const method = String(value ?? 'GET')
    .trim()
    .toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) {
    throw invalidInput('Method', `"${String(value)}" is not one of ${METHODS.join(', ')}.`);
  }
  return method as Method;
};

/** The body as JSON, with the placeholder filled in; refused unless it is an object or a list. */
const bodyOf = (
  text: unknown,
  method: Method,
  locationId: string,
): Record<string, unknown> | unknown[] | undefined => {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (!raw) return undefined;
  if (method === 'GET') {
    throw invalidInput('Body (JSON)', 'a GET request has no body. Leave it empty or pick POST.');
  }
  const filled = raw.split(LOCATION_PLACEHOLDER).join(JSON.stringify(locationId).slice(1, -1));
  let parsed: unknown;
  try {
    parsed = JSON.parse(filled);
  } catch (error) {
    throw invalidInput(
      'Body (JSON)',
      `it is not valid JSON (${(error as Error).message}). Nothing was sent.`,
    );
  }
  if (!parsed || typeof parsed !== 'object') {
    throw invalidInput('Body (JSON)', 'a JSON object `{…}` or list `[…]` is expected.');
  }
  return parsed as Record<string, unknown> | unknown[];
};

const queryOf = (dict: unknown, locationId: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries((dict ?? {}) as Record<string, unknown>)
      .filter(([name]) => name.trim() !== '')
      .map(([name, value]) => [
        name.trim(),
        String(value ?? '')
          .split(LOCATION_PLACEHOLDER)
          .join(locationId),
      ]),
  );

export const perform = async (z: ZObject, bundle: Bundle) => {
  const locationId = locationIdOf(bundle);
  const method = methodOf(bundle.inputData.method);
  const path = apiRequestPath(bundle.inputData.path, locationId);
  const body = bodyOf(bundle.inputData.body, method, locationId);
  const response = await callHighLevelForResponse(z, {
    method,
    path,
    query: queryOf(bundle.inputData.query, locationId),
    body,
    scope: scopeForRequest(method, path),
  });
  return apiRequestResult(response);
};

const sampleBody = { calendar: { id: 'ocQHyuzHvysMo5N5VsXc', name: 'Consultations' } };

export default defineCreate({
  key: 'api_request' as const,
  noun: 'Request',
  display: {
    label: 'API Request',
    description:
      "Sends a request to any endpoint of HighLevel's API with this connection, for what no other action covers.",
  },
  operation: {
    perform,
    inputFields,
    sample: {
      id: 'ocQHyuzHvysMo5N5VsXc',
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '99' },
      body__calendar__id: sampleBody.calendar.id,
      body__calendar__name: sampleBody.calendar.name,
      bodyText: JSON.stringify(sampleBody),
    },
    outputFields: [
      { key: 'id', label: 'Record ID (when the response names one)', type: 'string' },
      { key: 'status', label: 'Status Code', type: 'integer' },
      { key: 'headers__content-type', label: 'Content Type', type: 'string' },
      { key: 'headers__x-ratelimit-remaining', label: 'Requests Left in the Rate Window' },
      { key: 'bodyText', label: 'Response Body (Raw JSON)', type: 'string' },
    ],
  },
});
