// Index of every operation in the vendored specs, and path-template matching over it.
import { dereference } from './deref';
import { JsonObject, loadSpecDocuments, SpecDocument } from './load';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
}

export interface OperationDefinition {
  operationId: string;
  method: string;
  /** Path template as written in the spec, e.g. `/contacts/{contactId}`. */
  path: string;
  app: string;
  deprecated: boolean;
  parameters: SpecParameter[];
  /** Dereferenced requestBody content, or undefined when the operation takes no body. */
  requestBody?: { required: boolean; contentTypes: string[]; schema: unknown };
  security: Array<Record<string, string[]>>;
  segments: string[];
  source: SpecDocument;
}

export interface MatchedOperation {
  definition: OperationDefinition;
  /** Values of the template's `{placeholders}`, URL-decoded. */
  params: Record<string, string>;
}

let operations: OperationDefinition[] | undefined;

export function listOperationDefinitions(): OperationDefinition[] {
  if (operations) return operations;
  const { apps, byFile } = loadSpecDocuments();
  const found: OperationDefinition[] = [];
  for (const doc of apps) {
    const paths = (doc.json.paths ?? {}) as Record<string, JsonObject>;
    for (const [template, item] of Object.entries(paths)) {
      for (const method of HTTP_METHODS) {
        const op = item[method] as JsonObject | undefined;
        if (op) found.push(defineOperation(doc, byFile, template, method, op));
      }
    }
  }
  operations = found;
  return found;
}

function defineOperation(
  doc: SpecDocument,
  byFile: Map<string, SpecDocument>,
  template: string,
  method: string,
  op: JsonObject,
): OperationDefinition {
  const rawParameters = (dereference(op.parameters ?? [], doc, byFile) as JsonObject[]) ?? [];
  const parameters = rawParameters.map((p) => ({
    name: String(p.name),
    in: p.in as SpecParameter['in'],
    required: p.required === true,
    schema: (p.schema as JsonObject | undefined) ?? {},
  }));
  const body = op.requestBody as JsonObject | undefined;
  let requestBody: OperationDefinition['requestBody'];
  if (body) {
    const content = (body.content ?? {}) as Record<string, JsonObject>;
    const contentTypes = Object.keys(content);
    const first = contentTypes[0] ? content[contentTypes[0]] : undefined;
    requestBody = {
      required: body.required === true,
      contentTypes,
      schema: dereference(first?.schema ?? {}, doc, byFile),
    };
  }
  return {
    operationId: String(op.operationId ?? `${method} ${template}`),
    method: method.toUpperCase(),
    path: template,
    app: doc.app,
    deprecated: op.deprecated === true,
    parameters,
    requestBody,
    security: (op.security as Array<Record<string, string[]>> | undefined) ?? [],
    segments: splitPath(template),
    source: doc,
  };
}

/** Segments of a path without empty ones, so `/contacts/` and `/contacts` are the same route. */
export function splitPath(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((segment) => segment.length > 0);
}

function isPlaceholder(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Matches `segments` against a template; returns the placeholder values or undefined. */
export function matchTemplate(
  templateSegments: string[],
  segments: string[],
): Record<string, string> | undefined {
  if (templateSegments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = templateSegments[i]!;
    const actual = segments[i]!;
    if (isPlaceholder(expected)) params[expected.slice(1, -1)] = safeDecode(actual);
    else if (expected !== actual) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Literal segments beat placeholders at the first position where two templates differ. */
function moreSpecific(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const aLiteral = !isPlaceholder(a[i]!);
    const bLiteral = !isPlaceholder(b[i] ?? '{}');
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

export function matchOperation(method: string, path: string): MatchedOperation | undefined {
  const segments = splitPath(path);
  const wanted = method.toUpperCase();
  let best: MatchedOperation | undefined;
  for (const definition of listOperationDefinitions()) {
    if (definition.method !== wanted) continue;
    const params = matchTemplate(definition.segments, segments);
    if (!params) continue;
    if (!best || moreSpecific(definition.segments, best.definition.segments) < 0) {
      best = { definition, params };
    }
  }
  return best;
}
