// Custom-field input of a contact write → `customFields: [{ id, field_value }]`. Every filled key
// and value is checked against the field's definition before any write: a key the sub-account
// does not have, or a value its field cannot hold, refuses the step with the field named.
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { CountryCode } from 'libphonenumber-js';
import { invalidInput } from '../http/errors';
import {
  isBlank,
  listItems,
  normalizeDate,
  normalizeEmail,
  normalizePhone,
  optionalText,
} from '../inputs/normalise';
import {
  choicesOf,
  INPUT_PREFIX,
  labelOf,
  MULTI_OPTION,
  NUMERIC,
  optionNamed,
  optionsOf,
  UNWRITABLE,
} from './dataTypes';
import { loadCustomFieldDefinitions, type CustomFieldDefinition } from './definitions';

export type CustomFieldValue = { id: string; field_value: string | string[] };

type FilledField = { key: string; id: string; raw: unknown };

/** The custom fields the user filled, by input key and field id. */
const filledFields = (inputData: Record<string, unknown>): FilledField[] =>
  Object.entries(inputData)
    .filter(([key, raw]) => key.startsWith(INPUT_PREFIX) && !isBlank(raw))
    .map(([key, raw]) => ({ key, id: key.slice(INPUT_PREFIX.length), raw }));

/** True when the user filled at least one custom field (known to HighLevel or not). */
export const hasCustomFieldInput = (inputData: Record<string, unknown>): boolean =>
  filledFields(inputData).length > 0;

const NUMBER = /^[-+]?[$€£]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * A number as typed or mapped: a JSON number, or text such as "42", "1,250.50" or "$99". Anything
 * else ("twelve", "", yes/no) is refused rather than sent as something HighLevel would store as 0.
 */
const numberFor = (label: string, raw: unknown): string => {
  const text = String(raw).trim();
  const number = typeof raw === 'number' ? raw : Number(text.replace(/[$€£,\s]/g, ''));
  const readable = typeof raw === 'number' || (NUMBER.test(text) && /\d/.test(text));
  if (!readable || !Number.isFinite(number)) {
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

/** How messages name a custom field. */
const fieldLabel = (definition: CustomFieldDefinition) => `custom field "${labelOf(definition)}"`;

/**
 * The chosen options of a checkbox or multi-select field, spelled as the field spells them. An
 * option may contain commas ("Morning, before 9am"), so every item is kept whole, except an item
 * that is not an option while each of its comma-separated parts is one: a comma-joined text
 * mapped from an earlier step ("Email, SMS"). When the field lists no options, only a lone text
 * is split.
 */
const chosenOptions = (definition: CustomFieldDefinition, raw: unknown): string[] => {
  const options = optionsOf(definition);
  const chosen = new Set<string>();
  for (const item of listItems(fieldLabel(definition), raw)) {
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

/** What the user chose in a choice field, or [] for any other field. */
const chosenValues = (definition: CustomFieldDefinition, raw: unknown): string[] => {
  if (MULTI_OPTION.has(definition.dataType)) return chosenOptions(definition, raw);
  if (choicesOf(definition).length === 0) return [];
  return listItems(fieldLabel(definition), raw);
};

/** The chosen values a choice field does not list (and does not take as custom options). */
const unlistedChoices = (definition: CustomFieldDefinition, raw: unknown): string[] => {
  const choices = choicesOf(definition);
  if (choices.length === 0) return [];
  return chosenValues(definition, raw).filter((value) => !optionNamed(choices, value));
};

const refuseUnlisted = (label: string, definition: CustomFieldDefinition, raw: unknown) => {
  const unlisted = unlistedChoices(definition, raw);
  if (unlisted.length === 0) return;
  const values = unlisted.map((value) => `"${value}"`).join(', ');
  const isAre = unlisted.length === 1 ? 'is not one of its options' : 'are not among its options';
  throw invalidInput(label, `${values} ${isAre} (${choicesOf(definition).join(', ')}).`);
};

/** A dropdown or radio value, spelled as the field spells it. */
const singleChoice = (label: string, definition: CustomFieldDefinition, raw: unknown) => {
  const value = optionalText(label, singleValue(label, raw));
  if (value === undefined) return undefined;
  refuseUnlisted(label, definition, value);
  return optionNamed(choicesOf(definition), value) ?? value;
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
  const label = fieldLabel(definition);
  const { dataType } = definition;
  if (dataType === 'TEXTBOX_LIST') return textBoxValues(label, definition, raw);
  if (MULTI_OPTION.has(dataType)) {
    refuseUnlisted(label, definition, raw);
    return chosenOptions(definition, raw);
  }
  if (choicesOf(definition).length > 0) return singleChoice(label, definition, raw);
  const value = singleValue(label, raw);
  if (NUMERIC.has(dataType)) return isBlank(value) ? undefined : numberFor(label, value);
  if (dataType === 'DATE') return normalizeDate(label, value);
  if (dataType === 'PHONE') return normalizePhone(label, value, defaultCountry);
  if (dataType === 'EMAIL') return normalizeEmail(label, value);
  return optionalText(label, value);
};

const unknownFields = (keys: string[]) =>
  invalidInput(
    keys.length === 1 ? `custom field ${keys[0]}` : `custom fields ${keys.join(', ')}`,
    `${keys.length === 1 ? 'it does' : 'they do'} not exist in this HighLevel sub-account (deleted, or made in another sub-account). Nothing was written. Use "Refresh fields" in the Zap editor, then clear ${keys.length === 1 ? 'it' : 'them'} or map the value to a current field.`,
  );

/**
 * `customFields` for a write: only the custom fields the user filled, or undefined when none is
 * (file and signature fields are never sent). Throws, before any write, for a key the sub-account
 * does not have and for a value its field cannot hold.
 */
export const customFieldsPayload = (
  inputData: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
  { defaultCountry }: { defaultCountry?: CountryCode } = {},
): CustomFieldValue[] | undefined => {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const filled = filledFields(inputData);
  const unknown = filled.filter(({ id }) => !byId.has(id)).map(({ key }) => key);
  if (unknown.length > 0) throw unknownFields(unknown);
  const payload: CustomFieldValue[] = [];
  for (const { id, raw } of filled) {
    const definition = byId.get(id) as CustomFieldDefinition;
    if (UNWRITABLE.has(definition.dataType)) continue;
    const fieldValue = valueFor(definition, raw, defaultCountry);
    if (fieldValue !== undefined) payload.push({ id, field_value: fieldValue });
  }
  return payload.length > 0 ? payload : undefined;
};

/**
 * The definitions a contact write needs. Without custom-field input they only label the output
 * (policy `labels`). With it they are required, and the connection's copy is reloaded (once) when
 * it lacks a filled field or a chosen option: either may be newer than the copy.
 */
export const customFieldDefinitionsForWrite = (
  z: ZObject,
  bundle: Bundle,
  inputData: Record<string, unknown>,
): Promise<CustomFieldDefinition[]> => {
  const filled = filledFields(inputData);
  if (filled.length === 0) return loadCustomFieldDefinitions(z, bundle, { policy: 'labels' });
  const rawById = new Map(filled.map(({ id, raw }) => [id, raw]));
  return loadCustomFieldDefinitions(z, bundle, {
    policy: 'required',
    met: {
      ids: [...rawById.keys()],
      covers: (definition) => unlistedChoices(definition, rawById.get(definition.id)).length === 0,
    },
  });
};
