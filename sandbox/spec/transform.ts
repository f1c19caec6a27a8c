// Turns a dereferenced spec schema into the schema HighLevel effectively enforces:
// NestJS' whitelist rejects unknown properties, a few spec typos are relaxed, and the parts the
// spec leaves empty or wrong are replaced by hand-written schemas.
import { JsonObject } from './load';
import { searchBodySchema } from './searchBody';

/** `customFields` item as HighLevel accepts it: `id` or `key`, and `field_value` or `fieldValue`. */
export const customFieldInputSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1 },
    field_value: {},
    fieldValue: {},
  },
  additionalProperties: false,
  anyOf: [{ required: ['id'] }, { required: ['key'] }],
  'x-anyOf-message': 'must have an id or a key',
};

/** Replacement schemas for request bodies, by operationId. */
const BODY_OVERRIDES: Record<string, unknown> = {
  'search-contacts-advanced': searchBodySchema,
};

/** Path parameters the spec forgets to declare, by operationId. */
export const PATH_PARAM_OVERRIDES: Record<string, Record<string, JsonObject>> = {
  'create-association': { type: { type: 'string', enum: ['add', 'remove'] } },
};

export function bodySchemaFor(operationId: string, dereferenced: unknown): unknown {
  const override = BODY_OVERRIDES[operationId];
  if (override) return override;
  return strictify(dereferenced);
}

/**
 * Returns a copy in which every object schema that declares properties forbids other ones,
 * `customFields` arrays use the real input shape, and bare `type: "object"` fields whose example
 * is a scalar (the spec types numbers and dates of birth as "object") accept any value.
 */
export function strictify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema as JsonObject)) copy[key] = strictify(value);

  const properties = copy.properties as JsonObject | undefined;
  if (properties && Object.keys(properties).length > 0) {
    if (copy.additionalProperties === undefined) copy.additionalProperties = false;
    const customFields = properties.customFields as JsonObject | undefined;
    if (customFields?.type === 'array') {
      properties.customFields = { ...customFields, items: customFieldInputSchema };
    }
  }
  if (isMistypedScalar(copy)) {
    // Ajv refuses `nullable` without `type`, and a field that accepts anything accepts null too.
    delete copy.type;
    delete copy.nullable;
  }
  return copy;
}

function isMistypedScalar(schema: JsonObject): boolean {
  if (schema.type !== 'object' || schema.properties || schema.additionalProperties) return false;
  const example = schema.example;
  return example === undefined || example === null || typeof example !== 'object';
}
