// Renders Ajv errors the way HighLevel's NestJS/class-validator stack words them, e.g.
// "property foo should not exist", "title must be a string", "locationId should not be empty".
import type { ErrorObject } from 'ajv';

/** `prefix` names where the value came from when it is not the body, e.g. a query parameter. */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined, prefix = ''): string[] {
  if (!errors) return [];
  const relevant = withoutBranchNoise(errors);
  const messages = relevant.map((error) => formatOne(error, prefix)).filter(isMessage);
  return [...new Set(messages)];
}

function isMessage(message: string | undefined): message is string {
  return message !== undefined;
}

/**
 * For anyOf/if-then schemas Ajv reports every failed branch as well as the combinator itself.
 * HighLevel reports one message per field, so keep the combinator's error and drop the branches.
 */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  return errors.filter((error) => {
    if (error.keyword === 'if') return false;
    return !anyOfPaths.some((path) => error.schemaPath.startsWith(`${path}/`));
  });
}

function fieldName(instancePath: string, prefix: string): string {
  const dotted = instancePath.split('/').slice(1).join('.');
  if (!prefix) return dotted;
  return dotted ? `${prefix}.${dotted}` : prefix;
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function formatOne(error: ErrorObject, prefix: string): string | undefined {
  const field = fieldName(error.instancePath, prefix);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `property ${join(field, String(params.additionalProperty))} should not exist`;
    case 'required':
      return `${join(field, String(params.missingProperty))} should not be empty`;
    case 'type':
      return `${field || 'body'} ${typeMessage(String(params.type))}`;
    case 'enum':
      return `${field} must be one of the following values: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'maxLength':
      return `${field} must be shorter than or equal to ${String(params.limit)} characters`;
    case 'minLength':
      return Number(params.limit) <= 1
        ? `${field} should not be empty`
        : `${field} must be longer than or equal to ${String(params.limit)} characters`;
    case 'maximum':
      return `${field} must not be greater than ${String(params.limit)}`;
    case 'minimum':
      return `${field} must not be less than ${String(params.limit)}`;
    case 'maxItems':
      return `${field} must contain no more than ${String(params.limit)} elements`;
    case 'minItems':
      return `${field} must contain at least ${String(params.limit)} elements`;
    case 'format':
      return `${field} must be a valid ${String(params.format)}`;
    case 'anyOf': {
      const custom = (error.parentSchema as Record<string, unknown> | undefined)?.[
        'x-anyOf-message'
      ];
      return `${field || 'body'} ${typeof custom === 'string' ? custom : 'has an invalid shape'}`;
    }
    default:
      return `${field || 'body'} ${error.message ?? 'is invalid'}`;
  }
}

function typeMessage(type: string): string {
  const first = type.split(',')[0];
  switch (first) {
    case 'string':
      return 'must be a string';
    case 'number':
      return 'must be a number conforming to the specified constraints';
    case 'integer':
      return 'must be an integer number';
    case 'boolean':
      return 'must be a boolean value';
    case 'array':
      return 'must be an array';
    case 'object':
      return 'must be an object';
    default:
      return `must be of type ${type}`;
  }
}
