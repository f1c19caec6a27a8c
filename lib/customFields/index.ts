// Contact custom fields, the peers' most reported bug. Definitions come from
// GET /locations/{locationId}/customFields?model=contact; they become typed Zapier input fields,
// are written as `customFields: [{ id, field_value }]`, and are read back from `[{ id, value }]`
// under readable keys labelled with the field's name.
import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import type { CountryCode } from 'libphonenumber-js';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../http/client';
import { requestTimeoutMs, stepBudgetMs } from '../http/config';
import { isoDate } from '../dates';
import { readConnectionCache, writeConnectionCache } from '../http/connectionCache';
import { invalidInput, sentence } from '../http/errors';
import {
  isBlank,
  listItems,
  normalizeDate,
  normalizeEmail,
  normalizePhone,
  optionalText,
} from '../inputs/normalise';

const textOrEmpty = zod
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** Which contact action a custom-field input is for: each words its empty fields differently. */
export type ContactWriteMode = 'create' | 'update' | 'upsert';
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
const MULTI_OPTION = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS']);
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
  TEXTBOX_LIST: 'list of text boxes; one value per box, in order, each kept whole',
};

/** What an empty custom field means in each action. */
const LEFT_EMPTY: Record<ContactWriteMode, string> = {
  create: 'Left empty, the new contact has no value for it.',
  update: "Left empty, the contact's current value is kept.",
  upsert:
    "Left empty, a new contact has no value for it and an existing contact's current value is kept.",
};

const inFlight = new WeakMap<object, Promise<CustomFieldDefinition[]>>();

type LoadOptions = {
  /** Skip the cached copy (and replace it), e.g. for the editor's "Refresh fields". */
  fresh?: boolean;
  /** A poll gives the definitions no more time than its own budget (lib/polling.ts). */
  timeoutMs?: number;
};

const fetchDefinitions = async (
  z: ZObject,
  bundle: Bundle,
  { fresh = false, timeoutMs }: LoadOptions,
): Promise<CustomFieldDefinition[]> => {
  const locationId = locationIdOf(bundle);
  const cacheKey = `customFields:contact:${locationId}`;
  const cached = fresh ? undefined : await readConnectionCache(z, cacheKey);
  if (Array.isArray(cached)) return cached as CustomFieldDefinition[];
  const { customFields } = await callHighLevel(
    z,
    {
      path: '/locations/{locationId}/customFields',
      pathParams: { locationId },
      query: { model: 'contact' },
      timeoutMs,
    },
    definitionsResponseSchema,
  );
  await writeConnectionCache(z, cacheKey, customFields, CUSTOM_FIELD_CACHE_SECONDS);
  return customFields;
};

/** The location's contact custom fields: once per run, and cached briefly per connection. */
export const customFieldDefinitions = (
  z: ZObject,
  bundle: Bundle,
  options: LoadOptions = {},
): Promise<CustomFieldDefinition[]> => {
  const pending = (!options.fresh && inFlight.get(bundle)) || fetchDefinitions(z, bundle, options);
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

const helpTextOf = (definition: CustomFieldDefinition, mode: ContactWriteMode): string => {
  const kind = DESCRIPTIONS[definition.dataType] ?? definition.dataType.toLowerCase();
  const boxes =
    definition.dataType === 'TEXTBOX_LIST' && optionsOf(definition).length > 0
      ? ` (${optionsOf(definition).join(', ')})`
      : '';
  return `Custom field \`${readableKey(definition)}\`: ${kind}${boxes}. ${LEFT_EMPTY[mode]}`;
};

const inputFieldOf = (definition: CustomFieldDefinition, mode: ContactWriteMode) => {
  const choices = PICKLIST.has(definition.dataType) ? optionsOf(definition) : [];
  return {
    key: `${INPUT_PREFIX}${definition.id}`,
    label: labelOf(definition),
    type: zapierTypeOf(definition.dataType),
    required: false,
    ...(MULTI_VALUE.has(definition.dataType) ? { list: true } : {}),
    ...(choices.length > 0 ? { choices } : {}),
    helpText: helpTextOf(definition, mode),
  };
};

const noteField = (helpText: string) => ({
  key: 'customFieldsNote',
  label: 'Custom Fields',
  type: 'copy' as const,
  helpText,
});

/** What a Zapier error says to the user: z.errors.Error carries `{ message, code, status }` JSON. */
const reasonOf = (error: Error): { message: string; status?: number; code?: string } => {
  try {
    const { message, status, code } = JSON.parse(error.message) as {
      message?: unknown;
      status?: unknown;
      code?: unknown;
    };
    if (typeof message === 'string') {
      return {
        message,
        ...(typeof status === 'number' ? { status } : {}),
        ...(typeof code === 'string' ? { code } : {}),
      };
    }
  } catch {
    // a plain message
  }
  return { message: error.message };
};

/** The definitions, or the error that kept them from loading (logged); `rethrown` errors pass. */
const loadDefinitions = async (
  z: ZObject,
  bundle: Bundle,
  { rethrown, ...options }: LoadOptions & { rethrown: Set<string> },
): Promise<CustomFieldDefinition[] | Error> => {
  try {
    return await customFieldDefinitions(z, bundle, options);
  } catch (error) {
    if (error instanceof Error && rethrown.has(error.name)) throw error;
    const failure = error instanceof Error ? error : new Error(String(error));
    z.console.log(`Custom fields could not be loaded: ${reasonOf(failure).message}`);
    return failure;
  }
};

// Errors Zapier acts on itself (refresh the token, retry later) pass through.
const HANDLED_BY_ZAPIER = new Set(['RefreshAuthError', 'ThrottledError', 'ExpiredAuthError']);
// When the definitions are optional, a 401 (RefreshAuthError) is absorbed too. HighLevel answers a
// missing scope with 401, and a connection made before the app asked for
// locations/customFields.readonly must not be blocked where no custom field is needed; a token
// that is really stale meets the same 401 on the step's next request, and Zapier refreshes then.
const HANDLED_BY_ZAPIER_IF_OPTIONAL = new Set(['ThrottledError', 'ExpiredAuthError']);

/** The definitions where the step can do without them: their failure is returned (and logged). */
const loadOptionalDefinitions = (z: ZObject, bundle: Bundle, timeoutMs?: number) =>
  loadDefinitions(z, bundle, { rethrown: HANDLED_BY_ZAPIER_IF_OPTIONAL, timeoutMs });

/**
 * Definitions for output only (labelled custom-field values): if they cannot be loaded, the
 * output still carries HighLevel's raw `customFields`, and the log says why.
 */
export const customFieldDefinitionsOrNone = async (
  z: ZObject,
  bundle: Bundle,
): Promise<CustomFieldDefinition[]> => {
  // Only labels depend on them: a hanging list must leave the step's own request most of its time.
  const timeoutMs = Math.min(requestTimeoutMs(), stepBudgetMs() / 5);
  const loaded = await loadOptionalDefinitions(z, bundle, timeoutMs);
  return loaded instanceof Error ? [] : loaded;
};

// What a reconnect, not a retry, would fix: the connection may not read custom fields.
const PERMANENT_CODES = new Set(['missing_scope', 'forbidden']);
const isPermanent = (error: Error): boolean =>
  error.name === 'RefreshAuthError' || PERMANENT_CODES.has(reasonOf(error).code ?? '');

/**
 * Definitions for a poll. Contacts delivered without their custom-field values would be recorded
 * by Zapier's dedupe and never come back, while a failed poll loses nothing (the next one reads the
 * same window again). So a passing failure (network, 5xx, an unreadable answer) fails the poll, and
 * only a connection that cannot read custom fields at all gets the contacts with HighLevel's raw
 * `customFields` (logged).
 */
export const customFieldDefinitionsForPoll = async (
  z: ZObject,
  bundle: Bundle,
  { timeoutMs }: Pick<LoadOptions, 'timeoutMs'> = {},
): Promise<CustomFieldDefinition[]> => {
  const loaded = await loadOptionalDefinitions(z, bundle, timeoutMs);
  if (!(loaded instanceof Error)) return loaded;
  if (isPermanent(loaded)) return [];
  throw loaded;
};

/**
 * Definitions for a contact write: required only when the user filled a custom field, which is
 * then refused clearly (nothing is written) if they cannot be loaded.
 */
export const customFieldDefinitionsForWrite = async (
  z: ZObject,
  bundle: Bundle,
  inputData: Record<string, unknown>,
): Promise<CustomFieldDefinition[]> => {
  if (!hasCustomFieldInput(inputData)) return customFieldDefinitionsOrNone(z, bundle);
  const loaded = await loadDefinitions(z, bundle, { rethrown: HANDLED_BY_ZAPIER });
  if (!(loaded instanceof Error)) return loaded;
  const { message, status } = reasonOf(loaded);
  const reason = sentence(message);
  throw new errors.Error(
    `The custom fields filled in this step could not be sent, because the sub-account's custom-field list could not be loaded from HighLevel: ${reason} Nothing was changed. Retry the step, or clear its custom fields to run it without them.`,
    'custom_fields_unavailable',
    status ?? 502,
  );
};

/**
 * Dynamic input fields for create, update and upsert, typed by HighLevel's `dataType`. They are
 * read fresh (and the cache refreshed), so that "Refresh fields" shows a field created a minute
 * ago. If the definitions cannot be loaded, the editor still shows the standard fields and says why.
 */
export const customFieldInputFields =
  (mode: ContactWriteMode) => async (z: ZObject, bundle: Bundle) => {
    const definitions = await loadDefinitions(z, bundle, {
      fresh: true,
      rethrown: HANDLED_BY_ZAPIER,
    });
    if (definitions instanceof Error) {
      return [
        noteField(
          `The sub-account's custom fields could not be loaded, so they are not shown here (${reasonOf(definitions).message}). Use "Refresh fields" to try again.`,
        ),
      ];
    }
    const files = definitions.filter((definition) => UNWRITABLE.has(definition.dataType));
    const fields = definitions
      .filter((definition) => !UNWRITABLE.has(definition.dataType))
      .map((definition) => inputFieldOf(definition, mode));
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

/** An option as the field spells it, if `value` is one (any capitalisation). */
const optionNamed = (options: string[], value: string): string | undefined =>
  options.find((option) => option.toLowerCase() === value.toLowerCase());

/**
 * The chosen options of a checkbox or multi-select field. An option may contain commas
 * ("Morning, before 9am"), so every item is kept whole, except an item that is not an option
 * while each of its comma-separated parts is one: a comma-joined text mapped from an earlier step
 * ("Email, SMS"). When the field lists no options, only a lone text is split.
 */
const optionValues = (definition: CustomFieldDefinition, raw: unknown): string[] => {
  const options = optionsOf(definition);
  const chosen = new Set<string>();
  for (const item of listItems(`custom field "${labelOf(definition)}"`, raw)) {
    const parts = item
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const joined =
      parts.length > 1 &&
      !optionNamed(options, item) &&
      (options.length > 0
        ? parts.every((part) => optionNamed(options, part))
        : !Array.isArray(raw));
    for (const value of joined ? parts : [item]) chosen.add(optionNamed(options, value) ?? value);
  }
  return [...chosen];
};

/**
 * The boxes of a text box list, in order. Each box holds free text ("Smith, John"), so items are
 * never split on commas or de-duplicated; a lone text fills the first box.
 *
 * Unverified payload: the spec has no TEXTBOX_LIST schema. HighLevel's search doc addresses the
 * values per box (`customFields.<id>.<optionId>`), so they may be stored keyed by box id, but the
 * definitions endpoint declares `picklistOptions: string[]` and exposes no box ids to key by. A
 * list of strings in box order is what the spec's anyOf admits for a list (CheckboxField,
 * customFieldsInputArraySchema) and what can be built from the declared data; confirm it against
 * a live sub-account.
 */
const textBoxValues = (label: string, definition: CustomFieldDefinition, raw: unknown) => {
  const values = listItems(label, raw);
  const boxes = optionsOf(definition);
  if (boxes.length > 0 && values.length > boxes.length) {
    throw invalidInput(
      label,
      `it has ${boxes.length} boxes (${boxes.join(', ')}), but ${values.length} values were given.`,
    );
  }
  return values;
};

const valueFor = (
  definition: CustomFieldDefinition,
  raw: unknown,
  defaultCountry: CountryCode | undefined,
): string | string[] | undefined => {
  const label = `custom field "${labelOf(definition)}"`;
  if (definition.dataType === 'TEXTBOX_LIST') return textBoxValues(label, definition, raw);
  if (MULTI_OPTION.has(definition.dataType)) return optionValues(definition, raw);
  const value = singleValue(label, raw);
  if (NUMERIC.has(definition.dataType)) return numberFor(label, value);
  if (definition.dataType === 'DATE') return normalizeDate(label, value);
  if (definition.dataType === 'PHONE') return normalizePhone(label, value, defaultCountry);
  if (definition.dataType === 'EMAIL') return normalizeEmail(label, value);
  return optionalText(label, value);
};

/** True when the user filled at least one custom field (known to HighLevel or not). */
export const hasCustomFieldInput = (inputData: Record<string, unknown>): boolean =>
  Object.entries(inputData).some(([key, raw]) => key.startsWith(INPUT_PREFIX) && !isBlank(raw));

export type CustomFieldValue = { id: string; field_value: string | string[] };

/**
 * `customFields` for a write: only the custom fields the user filled. A field deleted in HighLevel
 * after the Zap was built is skipped with a log line instead of failing the whole step; its id is
 * listed in `deletedIds`.
 */
export const customFieldsPayload = (
  z: ZObject,
  inputData: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
  { defaultCountry }: { defaultCountry?: CountryCode } = {},
): { customFields?: CustomFieldValue[]; deletedIds: string[] } => {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const payload: CustomFieldValue[] = [];
  const deletedIds: string[] = [];
  for (const [key, raw] of Object.entries(inputData)) {
    if (!key.startsWith(INPUT_PREFIX) || isBlank(raw)) continue;
    const id = key.slice(INPUT_PREFIX.length);
    const definition = byId.get(id);
    if (!definition) {
      z.console.log(
        `Skipping custom field ${id}: it no longer exists in this HighLevel sub-account.`,
      );
      deletedIds.push(id);
      continue;
    }
    if (UNWRITABLE.has(definition.dataType)) continue;
    const fieldValue = valueFor(definition, raw, defaultCountry);
    if (fieldValue !== undefined) payload.push({ id, field_value: fieldValue });
  }
  return { ...(payload.length > 0 ? { customFields: payload } : {}), deletedIds };
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A value as output: DATE values returned as epoch milliseconds become YYYY-MM-DD like the ones
 * stored as text, and a text box list stored per box (`{ <boxId>: text }`) becomes its list.
 */
const outputValueOf = (definition: CustomFieldDefinition, value: unknown): unknown => {
  if (definition.dataType === 'DATE' && typeof value === 'number') return isoDate(value);
  if (definition.dataType === 'TEXTBOX_LIST' && isPlainObject(value)) return Object.values(value);
  return value;
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
    if (definition) out[readableKey(definition)] = outputValueOf(definition, value);
  }
  return out;
};

/** How a custom field's value is typed in the output, where Zapier's output fields allow it. */
const outputTypeOf = (dataType: string) => {
  if (NUMERIC.has(dataType)) return { type: 'number' as const };
  if (dataType === 'DATE') return { type: 'datetime' as const };
  if (MULTI_VALUE.has(dataType)) return { type: 'string' as const, list: true };
  return {};
};

/** Output fields labelled with each custom field's name, for contact triggers, searches and actions. */
export const customFieldOutputFields = async (z: ZObject, bundle: Bundle) => {
  const definitions = await loadDefinitions(z, bundle, { rethrown: HANDLED_BY_ZAPIER });
  if (definitions instanceof Error) return [];
  return definitions.map((definition) => ({
    key: `${OUTPUT_PARENT}__${readableKey(definition)}`,
    label: labelOf(definition),
    ...outputTypeOf(definition.dataType),
  }));
};
