// Custom-field values as output: HighLevel's `[{ id, value }]` under each field's readable key, read
// in whichever form HighLevel sends, and output fields labelled with each field's name.
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  MULTI_OPTION,
  MULTI_VALUE,
  NUMERIC,
  OUTPUT_PARENT,
  optionNamed,
  optionsOf,
  readableKey,
  labelOf,
} from './dataTypes';
import {
  loadCustomFieldDefinitions,
  unavailableReasonOf,
  type CustomFieldDefinition,
  type FailurePolicy,
} from './definitions';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NUMERIC_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

/** A number field's value: HighLevel's spec types it as text, the sandbox sends a number. */
const numberOf = (value: unknown): unknown => {
  if (typeof value !== 'string' || !NUMERIC_TEXT.test(value.trim())) return value;
  return Number(value.trim());
};

const CALENDAR_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/**
 * A date field's value as YYYY-MM-DD, from epoch milliseconds (a number or its text) or ISO text
 * (the day as written). Anything else is given as it came.
 */
const dateOf = (value: unknown): unknown => {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const day = text === undefined ? undefined : CALENDAR_DAY.exec(text)?.[1];
  if (day) return day;
  const ms = typeof value === 'number' ? value : text && /^-?\d+$/.test(text) ? Number(text) : NaN;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
};

/** The items of a list sent as JSON text ('["Email","SMS"]'), or undefined when it is not one. */
const jsonList = (text: string): unknown[] | undefined => {
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

const commaKey = (text: string): string =>
  text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .join(',');

/**
 * Comma-separated options: an option may contain commas ("Morning, before 9am"), so the longest
 * run of parts that spells an option is one item; other parts are items of their own.
 */
const splitOptions = (text: string, options: string[]): string[] => {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const byKey = new Map(options.map((option) => [commaKey(option), option]));
  const items: string[] = [];
  for (let start = 0; start < parts.length;) {
    let end = parts.length;
    while (end > start + 1 && !byKey.has(commaKey(parts.slice(start, end).join(',')))) end -= 1;
    const run = parts.slice(start, end).join(', ');
    items.push(byKey.get(commaKey(run)) ?? optionNamed(options, run) ?? run);
    start = end;
  }
  return items;
};

/** A checkbox or multi-select value: a list, JSON list text, or comma-separated text. */
const optionListOf = (definition: CustomFieldDefinition, value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  return jsonList(value.trim()) ?? splitOptions(value, optionsOf(definition));
};

/** A text box list: a list, one value per box (`{ <boxId>: text }`), JSON list text, or one text. */
const boxListOf = (value: unknown): unknown => {
  if (isPlainObject(value)) return Object.values(value);
  if (typeof value !== 'string') return value;
  return jsonList(value.trim()) ?? (value.trim() ? [value] : []);
};

/** A value as output, in one form per data type whichever form HighLevel sent it in. */
const outputValueOf = (definition: CustomFieldDefinition, value: unknown): unknown => {
  const { dataType } = definition;
  if (NUMERIC.has(dataType)) return numberOf(value);
  if (dataType === 'DATE') return dateOf(value);
  if (MULTI_OPTION.has(dataType)) return optionListOf(definition, value);
  if (dataType === 'TEXTBOX_LIST') return boxListOf(value);
  return value;
};

/**
 * `[{ id, value }]` → `{ favorite_color: 'Blue' }`, keyed by each field's readable key. The object
 * has no prototype, so that every key is its own property: a field keyed `__proto__` too.
 */
export const customFieldValues = (
  values: Array<{ id?: string; value?: unknown }> | undefined,
  definitions: CustomFieldDefinition[],
): Record<string, unknown> => {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const out = Object.create(null) as Record<string, unknown>;
  for (const { id, value } of values ?? []) {
    const definition = id ? byId.get(id) : undefined;
    if (definition) out[readableKey(definition)] = outputValueOf(definition, value);
  }
  return out;
};

type WithCustomFields = { customFields?: Array<{ id?: string }> | null };

/**
 * `pending` records (contacts) and the definitions that label their custom fields, loaded while
 * the records are read. A record that carries a field id the connection's copy does not know
 * makes the step reload the definitions, once.
 */
export const withCustomFieldDefinitions = async <T extends WithCustomFields>(
  z: ZObject,
  bundle: Bundle,
  pending: Promise<T[]>,
  options: { policy: Exclude<FailurePolicy, 'required'>; timeoutMs?: number },
): Promise<[T[], CustomFieldDefinition[]]> => {
  const [records, definitions] = await Promise.all([
    pending,
    loadCustomFieldDefinitions(z, bundle, options),
  ]);
  const ids = records.flatMap((record) =>
    (record.customFields ?? []).flatMap(({ id }) => (id ? [id] : [])),
  );
  if (ids.length === 0) return [records, definitions];
  return [records, await loadCustomFieldDefinitions(z, bundle, { ...options, met: { ids } })];
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
  let definitions: CustomFieldDefinition[];
  try {
    definitions = await loadCustomFieldDefinitions(z, bundle, { policy: 'required' });
  } catch (error) {
    if (unavailableReasonOf(error) === undefined) throw error;
    return [];
  }
  return definitions.map((definition) => ({
    key: `${OUTPUT_PARENT}__${readableKey(definition)}`,
    label: labelOf(definition),
    ...outputTypeOf(definition.dataType),
  }));
};
