// Request conformance against the vendored HighLevel OpenAPI specs. Used by the sandbox server and
// by the app's unit tests, to prove that every request the app sends is one HighLevel accepts.
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { JsonObject } from './spec/load';
import { formatAjvErrors } from './spec/messages';
import {
  listOperationDefinitions,
  matchOperation,
  OperationDefinition,
  SpecParameter,
} from './spec/operations';
import { bodySchemaFor, PATH_PARAM_OVERRIDES } from './spec/transform';

export const API_VERSION = '2021-07-28';

export interface SpecOperation {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. `/contacts/{contactId}/tasks/{taskId}`. */
  path: string;
  /** Which vendored file declares it: contacts, oauth, locations, users, ... */
  app: string;
  deprecated: boolean;
  /** Values of the template's placeholders for the matched request path. */
  params: Record<string, string>;
  security: Array<Record<string, string[]>>;
}

export type SpecCheck =
  | { ok: true; operation: SpecOperation }
  | { ok: false; status: number; errors: string[]; operation?: SpecOperation };

export interface SpecRequest {
  method: string;
  /** Request path; a query string on it is ignored (pass `query` instead). */
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The operation a request would hit; literal path segments beat `{placeholders}`. */
export function findOperation(method: string, path: string): SpecOperation | undefined {
  const match = matchOperation(method, path);
  return match ? describe(match.definition, match.params) : undefined;
}

export function listOperations(): SpecOperation[] {
  return listOperationDefinitions().map((definition) => describe(definition, {}));
}

/**
 * Checks a request the way HighLevel does: 404 for an unknown route, 400 for a missing or wrong
 * `Version` header, 422 (with class-validator style messages) for bad parameters or body.
 */
export function validateRequest(req: SpecRequest): SpecCheck {
  const match = matchOperation(req.method, req.path);
  if (!match) {
    return { ok: false, status: 404, errors: [`Cannot ${req.method.toUpperCase()} ${req.path}`] };
  }
  const operation = describe(match.definition, match.params);
  const headerErrors = checkHeaders(match.definition, req.headers ?? {});
  if (headerErrors.length > 0) return { ok: false, status: 400, errors: headerErrors, operation };
  const errors = checkInput(match.definition, match.params, req.query ?? {}, req.body);
  if (errors.length > 0) return { ok: false, status: 422, errors, operation };
  return { ok: true, operation };
}

/** Only the header part of validateRequest; the server checks it before authentication. */
export function checkVersionHeader(req: SpecRequest): string[] {
  const match = matchOperation(req.method, req.path);
  return match ? checkHeaders(match.definition, req.headers ?? {}) : [];
}

function describe(definition: OperationDefinition, params: Record<string, string>): SpecOperation {
  return {
    operationId: definition.operationId,
    method: definition.method,
    path: definition.path,
    app: definition.app,
    deprecated: definition.deprecated,
    params,
    security: definition.security,
  };
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? String(value[0]) : value;
  }
  return undefined;
}

function checkHeaders(definition: OperationDefinition, headers: Record<string, string>): string[] {
  const errors: string[] = [];
  for (const param of definition.parameters) {
    if (param.in !== 'header') continue;
    const value = headerValue(headers, param.name);
    if (value === undefined || value === '') {
      if (param.required) errors.push(`${param.name} header was not found`);
      continue;
    }
    const allowed = param.schema.enum as unknown[] | undefined;
    if (allowed && !allowed.includes(value)) {
      errors.push(
        `${param.name} header value "${value}" is not supported; use ${allowed.join(' or ')}`,
      );
    }
  }
  return errors;
}

// Bodies are validated as sent (no coercion); query and path values arrive as strings, so their
// validator coerces "20" to 20 where the spec declares a number.
const bodyAjv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false });
const paramAjv = new Ajv({
  strict: false,
  allErrors: true,
  verbose: true,
  logger: false,
  coerceTypes: true,
});
addFormats(bodyAjv);
addFormats(paramAjv);

interface CompiledOperation {
  query: ValidateFunction;
  path: ValidateFunction;
  body?: ValidateFunction;
  bodyIsForm: boolean;
}

const compiled = new Map<OperationDefinition, CompiledOperation>();

function compile(definition: OperationDefinition): CompiledOperation {
  const existing = compiled.get(definition);
  if (existing) return existing;
  const overrides = PATH_PARAM_OVERRIDES[definition.operationId] ?? {};
  const pathParams: SpecParameter[] = definition.parameters.filter((p) => p.in === 'path');
  for (const [name, schema] of Object.entries(overrides)) {
    if (!pathParams.some((p) => p.name === name)) {
      pathParams.push({ name, in: 'path', required: true, schema });
    }
  }
  const result: CompiledOperation = {
    // Unknown query parameters are rejected like unknown body properties (NestJS whitelist).
    query: paramAjv.compile(
      paramsSchema(
        definition.parameters.filter((p) => p.in === 'query'),
        false,
      ),
    ),
    path: paramAjv.compile(paramsSchema(pathParams, true, overrides)),
    bodyIsForm:
      definition.requestBody?.contentTypes.includes('application/x-www-form-urlencoded') ?? false,
  };
  if (definition.requestBody) {
    result.body = bodyAjv.compile(
      bodySchemaFor(definition.operationId, definition.requestBody.schema) as object,
    );
  }
  compiled.set(definition, result);
  return result;
}

function paramsSchema(
  params: SpecParameter[],
  allowOthers: boolean,
  overrides: Record<string, JsonObject> = {},
): object {
  const properties: Record<string, unknown> = {};
  for (const param of params) properties[param.name] = overrides[param.name] ?? param.schema;
  return {
    type: 'object',
    properties,
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: allowOthers,
  };
}

function checkInput(
  definition: OperationDefinition,
  pathParams: Record<string, string>,
  query: Record<string, string | string[]>,
  body: unknown,
): string[] {
  const validators = compile(definition);
  const errors: string[] = [];
  if (!validators.path({ ...pathParams })) errors.push(...formatAjvErrors(validators.path.errors));
  if (!validators.query({ ...query })) errors.push(...formatAjvErrors(validators.query.errors));
  if (validators.body) {
    let value = body;
    if (value === undefined || value === null || value === '') value = {};
    if (typeof value === 'string' && validators.bodyIsForm) {
      value = Object.fromEntries(new URLSearchParams(value));
    }
    if (!validators.body(value)) errors.push(...formatAjvErrors(validators.body.errors));
  }
  return errors;
}
