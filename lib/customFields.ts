// Contact custom fields, the peers' most reported bug. Definitions come from
// GET /locations/{locationId}/customFields?model=contact; they become typed Zapier input fields,
// are written as `customFields: [{ id, field_value }]`, and are read back from `[{ id, value }]`
// under readable keys labelled with the field's name.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { callHighLevel, locationIdOf } from './client';
import { invalidInput } from './errors';
import { isBlank, normalizeDate, normalizeList } from './inputs';

export const customFieldDefinitionSchema = zod.looseObject({
  id: zod.string(),
  name: zod.string().default(''),
  fieldKey: zod.string().optional(),
  dataType: zod.string().default('TEXT'),
  picklistOptions: zod.array(zod.unknown()).optional(),
});
export type CustomFieldDefinition = zod.infer<typeof customFieldDefinitionSchema>;

const definitionsResponseSchema = zod.looseObject({
  customFields: zod.array(customFieldDefinitionSchema).default([]),
});

/** Seconds a location's definitions are reused across polls and actions of one connection. */
export const CUSTOM_FIELD_CACHE_SECONDS = 300;

/** The input key of a custom field: stable across renames because it carries the field's id. */
export const INPUT_PREFIX = 'customField_';
export const OUTPUT_PARENT = 'customFieldValues';

// Types the app cannot write through the Contacts API (uploads need HighLevel's file service).
const UNWRITABLE = new Set(['FILE_UPLOAD', 'SIGNATURE']);
const MULTI_VALUE = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS', 'TEXTBOX_LIST']);
const NUMERIC = new Set(['NUMERICAL', 'MONETORY']);

const inFlight = new WeakMap<object, Promise<CustomFieldDefinition[]>>();

const fetchDefinitions = async (z: ZObject, bundle: Bundle): Promise<CustomFieldDefinition[]> => {
  const locationId = locationIdOf(bundle);
  const cacheKey = `customFields:${locationId}`;
  const cached = await z.cache.get(cacheKey).catch(() => null);
  if (Array.isArray(cached)) return cached as CustomFieldDefinition[];
  const { customFields } = await callHighLevel(
    z,
    {
      path: '/locations/{locationId}/customFields',
      pathParams: { locationId },
      query: { model: 'contact' },
    },
    definitionsResponseSchema,
  );
  await z.cache.set(cacheKey, customFields, CUSTOM_FIELD_CACHE_SECONDS).catch(() => null);
  return customFields;
};

/** The location's contact custom fields: once per run, and cached briefly per connection. */
export const customFieldDefinitions = (
  z: ZObject,
  bundle: Bundle,
): Promise<CustomFieldDefinition[]> => {
  const pending = inFlight.get(bundle) ?? fetchDefinitions(z, bundle);
  inFlight.set(bundle, pending);
  return pending;
};

const readableKey = (definition: CustomFieldDefinition): string =>
  (definition.fieldKey ?? definition.id).replace(/^contact\./, '');

const choicesOf = (definition: CustomFieldDefinition): string[] | undefined => {
  const options = (definition.picklistOptions ?? [])
    .map((option) =>
      typeof option === 'string' ? option : String((option as { label?: unknown })?.label ?? ''),
    )
    .filter(Boolean);
  return options.length > 0 ? options : undefined;
};

const zapierTypeOf = (dataType: string): 'string' | 'text' | 'number' | 'datetime' => {
  if (dataType === 'LARGE_TEXT') return 'text';
  if (NUMERIC.has(dataType)) return 'number';
  if (dataType === 'DATE') return 'datetime';
  return 'string';
};

/** Dynamic input fields for create, update and upsert, typed by HighLevel's `dataType`. */
export const customFieldInputFields = async (z: ZObject, bundle: Bundle) => {
  const definitions = await customFieldDefinitions(z, bundle);
  return definitions
    .filter((definition) => !UNWRITABLE.has(definition.dataType))
    .map((definition) => {
      const choices = choicesOf(definition);
      return {
        key: `${INPUT_PREFIX}${definition.id}`,
        label: definition.name || readableKey(definition),
        type: zapierTypeOf(definition.dataType),
        required: false,
        ...(MULTI_VALUE.has(definition.dataType) ? { list: true } : {}),
        ...(choices ? { choices } : {}),
        helpText: `Custom field (${definition.dataType.toLowerCase().replace(/_/g, ' ')}). File upload fields cannot be set from Zapier and are not listed.`,
      };
    });
};

const valueFor = (definition: CustomFieldDefinition, raw: unknown): string | string[] => {
  const label = `custom field "${definition.name || readableKey(definition)}"`;
  if (MULTI_VALUE.has(definition.dataType)) return normalizeList(raw);
  if (NUMERIC.has(definition.dataType)) {
    const number = Number(String(raw).replace(/[,\s]/g, '').replace(/^\$/, ''));
    if (!Number.isFinite(number)) throw invalidInput(label, `"${String(raw)}" is not a number.`);
    // The spec types numeric values loosely; a numeric string conforms and HighLevel stores a number.
    return String(number);
  }
  if (definition.dataType === 'DATE') return normalizeDate(label, raw) as string;
  return String(raw).trim();
};

/**
 * `customFields` for a write: only the custom fields the user filled. A field deleted in HighLevel
 * after the Zap was built is skipped with a log line instead of failing the whole step.
 */
export const customFieldsPayload = (
  z: ZObject,
  inputData: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
): Array<{ id: string; field_value: string | string[] }> | undefined => {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const payload: Array<{ id: string; field_value: string | string[] }> = [];
  for (const [key, raw] of Object.entries(inputData)) {
    if (!key.startsWith(INPUT_PREFIX) || isBlank(raw)) continue;
    const id = key.slice(INPUT_PREFIX.length);
    const definition = byId.get(id);
    if (!definition) {
      z.console.log(
        `Skipping custom field ${id}: it no longer exists in this HighLevel sub-account.`,
      );
      continue;
    }
    if (UNWRITABLE.has(definition.dataType)) continue;
    payload.push({ id, field_value: valueFor(definition, raw) });
  }
  return payload.length > 0 ? payload : undefined;
};

/** `[{ id, value }]` → `{ favorite_color: 'Blue' }`, keyed by each field's readable key. */
export const customFieldValues = (
  values: Array<{ id?: string; value?: unknown }> | undefined,
  definitions: CustomFieldDefinition[],
): Record<string, unknown> => {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const out: Record<string, unknown> = {};
  for (const { id, value } of values ?? []) {
    const definition = id ? byId.get(id) : undefined;
    if (definition) out[readableKey(definition)] = value;
  }
  return out;
};

/** Output fields labelled with each custom field's name, for contact triggers, searches and actions. */
export const customFieldOutputFields = async (z: ZObject, bundle: Bundle) => {
  const definitions = await customFieldDefinitions(z, bundle);
  return definitions.map((definition) => ({
    key: `${OUTPUT_PARENT}__${readableKey(definition)}`,
    label: definition.name || readableKey(definition),
    ...(NUMERIC.has(definition.dataType) ? { type: 'number' as const } : {}),
  }));
};
