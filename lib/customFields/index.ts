// Contact custom fields, the peers' most reported bug. Definitions come from
// GET /locations/{locationId}/customFields?model=contact (definitions.ts, kept per connection);
// they become typed Zapier input fields (inputFields.ts), are written as
// `customFields: [{ id, field_value }]` (writeValues.ts), and are read back from `[{ id, value }]`
// under readable keys labelled with the field's name (outputLabels.ts).
export { INPUT_PREFIX, OUTPUT_PARENT } from './dataTypes';
export type { CustomFieldDefinition, FailurePolicy } from './definitions';
export { customFieldInputFields, type ContactWriteMode } from './inputFields';
export {
  customFieldDefinitionsForWrite,
  customFieldsPayload,
  hasCustomFieldInput,
  type CustomFieldValue,
} from './writeValues';
export {
  customFieldOutputFields,
  customFieldValues,
  withCustomFieldDefinitions,
} from './outputLabels';
