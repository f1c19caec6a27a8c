// Contact custom fields, the peers' most reported bug. Definitions come from
// GET /locations/{locationId}/customFields?model=contact; they become typed Zapier input fields,
// are written as `customFields: [{ id, field_value }]`, and are read back from `[{ id, value }]`
// under readable keys labelled with the field's name.
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { CountryCode } from 'libphonenumber-js';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from './client';
import { invalidInput } from './errors';
import {
  isBlank,
  normalizeDate,
  normalizeEmail,
  normalizeList,
  normalizePhone,
  optionalText,
} from './inputs';

const textOrEmpty = zod
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const customFieldDefinitionSchema = zod.looseObject({
  id: zod.string(),
  name: textOrEmpty,
  fieldKey: zod.string().nullish(),
  dataType: zod
    .string()
    .nullish()
    .transform((value) => value || 'TEXT'),
  picklistOptions: zod.array(zod.unknown()).nullish(),
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
// A text box list's "options" are the labels of its boxes, not values to pick from.
const PICKLIST = new Set(['SINGLE_OPTIONS', 'RADIO', 'CHECKBOX', 'MULTIPLE_OPTIONS']);

const DESCRIPTIONS: Record<string, string> = {
  TEXT: 'text',
  LARGE_TEXT: 'multi-line text',
  NUMERICAL: 'number',
  MONETORY: 'amount of money; a number, e.g. 1250.50',
  PHONE: 'phone number; sent as +14155550134, local numbers use Default Country',
  EMAIL: 'email address',
  DATE: 'date',
  CHECKBOX: 'checkboxes; choose one or more',
  SINGLE_OPTIONS: 'dropdown',
  MULTIPLE_OPTIONS: 'multi-select dropdown; choose one or more',
  RADIO: 'one of the options',
  TEXTBOX_LIST: 'list of text boxes; one value per box, in order',
};

const inFlight = new WeakMap<object, Promise<CustomFieldDefinition[]>>();

// Scoped to the connection, as the brief for this cache says. Core's z.cache.get accepts a scope
// (zapier-platform-core src/tools/create-cache.js) although its published type omits it.
const CACHE_SCOPE = ['auth'];
type ScopedCache = {
  get(key: string, scope: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttl: number, scope: string[]): Promise<unknown>;
};

const fetchDefinitions = async (z: ZObject, bundle: Bundle): Promise<CustomFieldDefinition[]> => {
  const locationId = locationIdOf(bundle);
  const cache = z.cache as unknown as ScopedCache;
  const cacheKey = `customFields:contact:${locationId}`;
  const cached = await cache.get(cacheKey, CACHE_SCOPE).catch(() => null);
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
  await cache
    .set(cacheKey, customFields, CUSTOM_FIELD_CACHE_SECONDS, CACHE_SCOPE)
    .catch(() => null);
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
  (definition.fieldKey || definition.id).replace(/^contact\./, '');

const labelOf = (definition: CustomFieldDefinition): string =>
  definition.name || readableKey(definition);

const optionsOf = (definition: CustomFieldDefinition): string[] =>
  (definition.picklistOptions ?? [])
    .map((option) =>
      typeof option === 'string' ? option : String((option as { label?: unknown })?.label ?? ''),
    )
    .filter(Boolean);

const zapierTypeOf = (dataType: string): 'string' | 'text' | 'number' | 'datetime' => {
  if (dataType === 'LARGE_TEXT') return 'text';
  if (NUMERIC.has(dataType)) return 'number';
  if (dataType === 'DATE') return 'datetime';
  return 'string';
};

const helpTextOf = (definition: CustomFieldDefinition): string => {
  const kind = DESCRIPTIONS[definition.dataType] ?? definition.dataType.toLowerCase();
  const boxes =
    definition.dataType === 'TEXTBOX_LIST' && optionsOf(definition).length > 0
      ? ` (${optionsOf(definition).join(', ')})`
      : '';
  return `Custom field \`${readableKey(definition)}\`: ${kind}${boxes}. Left empty, the contact's current value is kept.`;
};

const inputFieldOf = (definition: CustomFieldDefinition) => {
  const choices = PICKLIST.has(definition.dataType) ? optionsOf(definition) : [];
  return {
    key: `${INPUT_PREFIX}${definition.id}`,
    label: labelOf(definition),
    type: zapierTypeOf(definition.dataType),
    required: false,
    ...(MULTI_VALUE.has(definition.dataType) ? { list: true } : {}),
    ...(choices.length > 0 ? { choices } : {}),
    helpText: helpTextOf(definition),
  };
};

const noteField = (helpText: string) => ({
  key: 'customFieldsNote',
  label: 'Custom Fields',
  type: 'copy' as const,
  helpText,
});

// Errors that Zapier acts on itself (refresh the token, retry later) must not be swallowed.
const RETHROWN = new Set(['RefreshAuthError', 'ThrottledError', 'ExpiredAuthError']);

/** Definitions for the editor, or the error that kept them from loading. */
const loadForEditor = async (
  z: ZObject,
  bundle: Bundle,
): Promise<CustomFieldDefinition[] | Error> => {
  try {
    return await customFieldDefinitions(z, bundle);
  } catch (error) {
    if (error instanceof Error && RETHROWN.has(error.name)) throw error;
    z.console.log(`Custom fields could not be loaded: ${String(error)}`);
    return error instanceof Error ? error : new Error(String(error));
  }
};

/**
 * Dynamic input fields for create, update and upsert, typed by HighLevel's `dataType`. If the
 * definitions cannot be loaded, the editor still shows the standard fields and says why.
 */
export const customFieldInputFields = async (z: ZObject, bundle: Bundle) => {
  const definitions = await loadForEditor(z, bundle);
  if (definitions instanceof Error) {
    return [
      noteField(
        `The sub-account's custom fields could not be loaded, so they are not shown here (${definitions.message}). Use "Refresh fields" to try again.`,
      ),
    ];
  }
  const files = definitions.filter((definition) => UNWRITABLE.has(definition.dataType));
  const fields = definitions
    .filter((definition) => !UNWRITABLE.has(definition.dataType))
    .map(inputFieldOf);
  if (files.length === 0) return fields;
  const names = files.map(labelOf).join(', ');
  return [
    noteField(
      `File upload and signature custom fields (${names}) cannot be set from Zapier, so they are not listed.`,
    ),
    ...fields,
  ];
};

const NUMBER = /^[-+]?[$€£]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

const numberFor = (label: string, raw: unknown): string => {
  const text = String(raw).trim();
  const number = Number(text.replace(/[$€£,\s]/g, ''));
  if (!NUMBER.test(text) || !/\d/.test(text) || !Number.isFinite(number)) {
    throw invalidInput(label, `"${text}" is not a number (expected e.g. 42 or 1250.50).`);
  }
  // The spec types NumericField/MonetoryField `field_value` as `object` (its examples are 100 and
  // 100.5), so a bare JSON number matches none of the anyOf branches; a numeric string matches
  // TextField, and HighLevel stores it as the number.
  return String(number);
};

/** One value for a single-value field: a one-item list mapped from an earlier step is unwrapped. */
const singleValue = (label: string, raw: unknown): unknown => {
  if (!Array.isArray(raw)) return raw;
  const values = raw.filter((item) => !isBlank(item));
  if (values.length > 1) {
    throw invalidInput(label, `it takes one value, but ${values.length} were given.`);
  }
  return values[0];
};

const valueFor = (
  definition: CustomFieldDefinition,
  raw: unknown,
  defaultCountry: CountryCode | undefined,
): string | string[] | undefined => {
  const label = `custom field "${labelOf(definition)}"`;
  if (MULTI_VALUE.has(definition.dataType)) return normalizeList(raw);
  const value = singleValue(label, raw);
  if (NUMERIC.has(definition.dataType)) return numberFor(label, value);
  if (definition.dataType === 'DATE') return normalizeDate(label, value);
  if (definition.dataType === 'PHONE') return normalizePhone(label, value, defaultCountry);
  if (definition.dataType === 'EMAIL') return normalizeEmail(label, value);
  return optionalText(value);
};

/** True when the user filled at least one custom field (known to HighLevel or not). */
export const hasCustomFieldInput = (inputData: Record<string, unknown>): boolean =>
  Object.entries(inputData).some(([key, raw]) => key.startsWith(INPUT_PREFIX) && !isBlank(raw));

export type CustomFieldValue = { id: string; field_value: string | string[] };

/**
 * `customFields` for a write: only the custom fields the user filled. A field deleted in HighLevel
 * after the Zap was built is skipped with a log line instead of failing the whole step.
 */
export const customFieldsPayload = (
  z: ZObject,
  inputData: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
  { defaultCountry }: { defaultCountry?: CountryCode } = {},
): CustomFieldValue[] | undefined => {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const payload: CustomFieldValue[] = [];
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
    const fieldValue = valueFor(definition, raw, defaultCountry);
    if (fieldValue !== undefined) payload.push({ id, field_value: fieldValue });
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
  const definitions = await loadForEditor(z, bundle);
  if (definitions instanceof Error) return [];
  return definitions.map((definition) => ({
    key: `${OUTPUT_PARENT}__${readableKey(definition)}`,
    label: labelOf(definition),
    ...(NUMERIC.has(definition.dataType) ? { type: 'number' as const } : {}),
  }));
};
