// The custom fields as Zapier input fields of Create, Update and Create or Update Contact, typed by
// HighLevel's `dataType`.
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  INPUT_PREFIX,
  labelOf,
  MULTI_VALUE,
  optionsOf,
  readableKey,
  SINGLE_OPTION,
  MULTI_OPTION,
  UNWRITABLE,
} from './dataTypes';
import {
  loadCustomFieldDefinitions,
  unavailableReasonOf,
  type CustomFieldDefinition,
} from './definitions';
import { DATE_FORMS } from '../inputs/normalise';

/** Which contact action a custom-field input is for: each words its empty fields differently. */
export type ContactWriteMode = 'create' | 'update' | 'upsert';

const DESCRIPTIONS = new Map([
  ['TEXT', 'text'],
  ['LARGE_TEXT', 'multi-line text'],
  ['NUMERICAL', 'number, e.g. 42'],
  ['MONETORY', 'amount of money; a number, e.g. 1250.50'],
  ['PHONE', 'phone number; sent as +14155550134, local numbers use Default Country'],
  ['EMAIL', 'email address'],
  ['DATE', `date, e.g. ${DATE_FORMS}`],
  ['CHECKBOX', 'checkboxes; choose one or more'],
  ['SINGLE_OPTIONS', 'dropdown'],
  ['MULTIPLE_OPTIONS', 'multi-select dropdown; choose one or more'],
  ['RADIO', 'one of the options'],
  ['TEXTBOX_LIST', 'list of text boxes; one value per box, in order, each kept whole'],
]);

/** What an empty custom field means in each action. */
const LEFT_EMPTY: Record<ContactWriteMode, string> = {
  create: 'Left empty, the new contact has no value for it.',
  update: "Left empty, the contact's current value is kept.",
  upsert:
    "Left empty, a new contact has no value for it and an existing contact's current value is kept.",
};

/**
 * Number and date fields are typed as text, not `number` or `datetime`: Zapier turns what it cannot
 * read in such a field into a value before the app sees it ("twelve" into 0, "soon" into the
 * current time), which would be written over the real value. As text, the value reaches the app
 * as typed and is checked there (writeValues.ts), and what is not a number or a date is refused;
 * the standard date inputs are declared the same way (dateInput in lib/inputs/fields.ts).
 */
const zapierTypeOf = (dataType: string): 'string' | 'text' =>
  dataType === 'LARGE_TEXT' ? 'text' : 'string';

const helpTextOf = (definition: CustomFieldDefinition, mode: ContactWriteMode): string => {
  const kind = DESCRIPTIONS.get(definition.dataType) ?? definition.dataType.toLowerCase();
  const boxes =
    definition.dataType === 'TEXTBOX_LIST' && optionsOf(definition).length > 0
      ? ` (${optionsOf(definition).join(', ')})`
      : '';
  return `Custom field \`${readableKey(definition)}\`: ${kind}${boxes}. ${LEFT_EMPTY[mode]}`;
};

const inputFieldOf = (definition: CustomFieldDefinition, mode: ContactWriteMode) => {
  const picklist = SINGLE_OPTION.has(definition.dataType) || MULTI_OPTION.has(definition.dataType);
  const choices = picklist ? optionsOf(definition) : [];
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

/**
 * Dynamic input fields for create, update and upsert. They are read fresh (and kept for the
 * connection), so that "Refresh fields" shows a field created a minute ago. If the definitions
 * cannot be loaded, the editor still shows the standard fields and says why.
 */
export const customFieldInputFields =
  (mode: ContactWriteMode) => async (z: ZObject, bundle: Bundle) => {
    let definitions: CustomFieldDefinition[];
    try {
      definitions = await loadCustomFieldDefinitions(z, bundle, {
        policy: 'required',
        fresh: true,
      });
    } catch (error) {
      const reason = unavailableReasonOf(error);
      if (reason === undefined) throw error;
      return [
        noteField(
          `The sub-account's custom fields could not be loaded, so they are not shown here (${reason}). Use "Refresh fields" to try again.`,
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
