// Applies `customFields: [{id|key, field_value|fieldValue}]` input to a contact's stored values
// (`[{id, value}]`), coercing each value to what its field's dataType stores. Reads, searches and
// webhooks return the stored value as is.
//
// What HighLevel returns per type. The spec (apps/contacts.json, CustomFieldSchema) and the
// official SDK type `value` as a string, but HighLevel returns each value in its field's type. The
// best public source is a recorded response of HighLevel's contacts endpoint in a public repository
// (mathewsf3/GHL-Dashboard, api_discovery_results_20250702_163454.md, 2025-07-02): TEXT and
// SINGLE_OPTIONS values are strings, MULTIPLE_OPTIONS values arrays of strings, DATE values epoch
// milliseconds at midnight UTC (1751328000000 for 2025-07-01). The rest follows the input schemas
// of the same spec, since nothing public shows them read back: CHECKBOX takes string[] like
// MULTIPLE_OPTIONS and is returned as an array; NUMERICAL and MONETORY take numbers (examples 100
// and 100.5) and are returned as numbers; RADIO, PHONE and LARGE_TEXT as strings; TEXTBOX_LIST and
// FILE_UPLOAD as written (objects keyed by box or file id).
import { unprocessable } from '../http/errors';
import type { Store } from '../store';
import { CustomFieldRecord, CustomFieldValue } from './types';

interface CustomFieldInput {
  id?: string;
  key?: string;
  field_value?: unknown;
  fieldValue?: unknown;
}

/** Returns the new list; values for fields not mentioned are kept, empty values remove one. */
export function applyCustomFieldInput(
  store: Store,
  locationId: string,
  current: CustomFieldValue[],
  input: unknown[],
): CustomFieldValue[] {
  const fields = store.customFieldsOf(locationId);
  const values = new Map(current.map((entry) => [entry.id, entry.value]));
  const errors: string[] = [];
  input.forEach((raw, index) => {
    const item = (raw ?? {}) as CustomFieldInput;
    const field = findField(fields, item);
    if (!field) {
      errors.push(`customFields.${index} custom field ${item.id ?? item.key} does not exist`);
      return;
    }
    const value = item.field_value !== undefined ? item.field_value : item.fieldValue;
    if (value === undefined) return;
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      values.delete(field.id);
      return;
    }
    const coerced = coerce(field, value);
    if (coerced.error) errors.push(`customFields.${index}.field_value ${coerced.error}`);
    else values.set(field.id, coerced.value);
  });
  if (errors.length > 0) throw unprocessable(errors);
  return [...values.entries()].map(([id, value]) => ({ id, value }));
}

function findField(
  fields: CustomFieldRecord[],
  item: CustomFieldInput,
): CustomFieldRecord | undefined {
  if (item.id) return fields.find((field) => field.id === item.id);
  if (item.key) {
    const key = item.key.startsWith('contact.') ? item.key : `contact.${item.key}`;
    return fields.find((field) => field.fieldKey === key);
  }
  return undefined;
}

function coerce(field: CustomFieldRecord, value: unknown): { value?: unknown; error?: string } {
  switch (field.dataType) {
    case 'NUMERICAL':
    case 'MONETORY': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(number) ? { value: number } : { error: 'must be a number' };
    }
    case 'CHECKBOX':
    case 'MULTIPLE_OPTIONS': {
      const list = Array.isArray(value) ? value : [value];
      if (list.some((entry) => typeof entry === 'object'))
        return { error: 'must be an array of strings' };
      return { value: list.map(String) };
    }
    case 'TEXTBOX_LIST':
    case 'FILE_UPLOAD':
      return { value };
    case 'DATE': {
      const epochMs = dateValue(value);
      return epochMs === undefined
        ? { error: 'must be a date (YYYY-MM-DD or an ISO date-time) or epoch milliseconds' }
        : { value: epochMs };
    }
    default:
      return typeof value === 'object' ? { error: 'must be a string' } : { value: String(value) };
  }
}

/** A date field holds a day: epoch milliseconds at midnight UTC of the date given. */
function dateValue(value: unknown): number | undefined {
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Date.parse(value.trim())
        : NaN;
  if (!Number.isFinite(parsed)) return undefined;
  const day = new Date(parsed);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
}
