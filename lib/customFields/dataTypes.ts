// What a definition says about its field, for inputs, writes and outputs alike: its readable key,
// its label, its options, and what HighLevel's `dataType` makes of its values.
import type { CustomFieldDefinition } from './definitions';

/** The input key of a custom field: stable across renames because it carries the field's id. */
export const INPUT_PREFIX = 'customField_';
/** Where a contact's labelled custom-field values sit in the output. */
export const OUTPUT_PARENT = 'customFieldValues';

// Types the app cannot write through the Contacts API (uploads need HighLevel's file service).
export const UNWRITABLE = new Set(['FILE_UPLOAD', 'SIGNATURE']);
export const MULTI_VALUE = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS', 'TEXTBOX_LIST']);
export const MULTI_OPTION = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS']);
export const SINGLE_OPTION = new Set(['SINGLE_OPTIONS', 'RADIO']);
export const NUMERIC = new Set(['NUMERICAL', 'MONETORY']);

/** `contact.favorite_color` → `favorite_color`; the id when the field has no key. */
export const readableKey = (definition: CustomFieldDefinition): string =>
  (definition.fieldKey || definition.id).replace(/^contact\./, '');

export const labelOf = (definition: CustomFieldDefinition): string =>
  definition.name || readableKey(definition);

/**
 * The options of a choice field, or the labels of a text box list's boxes. A text box list's
 * "options" are not values to pick from.
 */
export const optionsOf = (definition: CustomFieldDefinition): string[] =>
  (definition.picklistOptions ?? [])
    .map((option) =>
      typeof option === 'string' ? option : String((option as { label?: unknown })?.label ?? ''),
    )
    .filter(Boolean);

/** The options a value of a choice field must be one of; none when any value goes. */
export const choicesOf = (definition: CustomFieldDefinition): string[] =>
  (MULTI_OPTION.has(definition.dataType) || SINGLE_OPTION.has(definition.dataType)) &&
  !definition.isAllowedCustomOption
    ? optionsOf(definition)
    : [];

/** An option as the field spells it, if `value` is one (any capitalisation). */
export const optionNamed = (options: string[], value: string): string | undefined =>
  options.find((option) => option.toLowerCase() === value.toLowerCase());
