// Applies `customFields: [{id|key, field_value|fieldValue}]` input to a contact's stored values
// (`[{id, value}]`), coercing each value to what its field's dataType stores.
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
    case 'DATE':
      return typeof value === 'number' || typeof value === 'string'
        ? { value }
        : { error: 'must be a date string or epoch milliseconds' };
    default:
      return typeof value === 'object' ? { error: 'must be a string' } : { value: String(value) };
  }
}
