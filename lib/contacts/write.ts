// What Create Contact, Update Contact and Create or Update Contact share: the contact inputs
// (HighLevel's own names), each declared once with its parser, and the request body built from
// them. Every standard field is checked before any request; only filled fields are sent, so an
// empty field never blanks out data.
import { type Bundle, type ZObject } from 'zapier-platform-core';
import { locationIdOf } from '../http/client';
import {
  customFieldDefinitionsForWrite,
  customFieldsPayload,
  type ContactWriteMode,
  hasCustomFieldInput,
  type CustomFieldDefinition,
} from '../customFields';
import { invalidInput } from '../http/errors';
import { KEEP, nothingToChange } from '../inputs/changes';
import { defineInput, fieldsOf, parseInputs, withField } from '../inputs/declare';
import {
  countryInput,
  dateInput,
  defaultCountryInput,
  emailInput,
  optionalTextOf,
  optionalTagsInput,
  phoneInput,
  textInput,
  userIdInput,
  yesNoInput,
} from '../inputs/fields';
import { compact, normalizeTimeZone, normalizeWebsite } from '../inputs/normalise';

/** create: POST /contacts/, update: PUT /contacts/{id}, upsert: POST /contacts/upsert. */

const TAGS_HELP: Record<ContactWriteMode, string> = {
  create: 'Tags to put on the new contact. Tag names that do not exist yet are created.',
  update:
    "Replaces ALL of the contact's tags with these. Leave empty to keep the current tags; to add tags without removing others, use the Add Tags to Contact action instead.",
  upsert:
    "Tags for the contact. If an existing contact is found, these REPLACE all of its tags (that is how HighLevel's upsert works); to only add tags, leave this empty and add an Add Tags to Contact step.",
};

/** The standard contact inputs, in the order a user fills them; `mode` decides which apply. */
export const contactInputs = (mode: ContactWriteMode) => {
  const keep = mode === 'update' ? KEEP : '';
  const createOnly = mode !== 'update';
  const tags = optionalTagsInput(TAGS_HELP[mode]);
  return [
    emailInput(
      mode === 'upsert'
        ? 'Used with Phone to find an existing contact. Email or Phone is required.'
        : `Checked before sending: it must look like name@example.com.${keep}`,
    ),
    phoneInput(
      `${mode === 'upsert' ? 'Used with Email to find an existing contact. ' : ''}Any readable format; sent in international form (+14155550134). Numbers without a country code need Default Country. An extension cannot be saved and is refused.${keep}`,
    ),
    defaultCountryInput(
      'Two-letter country code (e.g. US, GB) used to read phone numbers written without a country code. It is not saved on the contact.',
    ),
    textInput('firstName', 'First Name', `The contact's given name.${keep}`),
    textInput('lastName', 'Last Name', `The contact's family name.${keep}`),
    textInput(
      'name',
      'Full Name',
      `Usually left empty when First Name and Last Name are filled.${keep}`,
    ),
    ...(createOnly
      ? [textInput('companyName', 'Company Name', 'The business the contact works for.')]
      : []),
    textInput('address1', 'Street Address', `Street and number.${keep}`),
    textInput('city', 'City', `The city of the contact's address.${keep}`),
    textInput('state', 'State', `State, province or region.${keep}`),
    textInput('postalCode', 'Postal Code', `ZIP or postal code.${keep}`),
    countryInput(`Two-letter country code, e.g. US, GB, DE.${keep}`),
    defineInput(
      {
        key: 'website',
        label: 'Website',
        type: 'string',
        required: false,
        helpText: `A web address, e.g. \`https://example.com\`; one without http:// or https:// (\`example.com\`) is sent with https:// in front.${keep}`,
      },
      (value, field) => normalizeWebsite(field.label, value),
    ),
    defineInput(
      {
        key: 'timezone',
        label: 'Time Zone',
        type: 'string',
        required: false,
        helpText: `Time zone name, e.g. America/New_York or Europe/London.${keep}`,
      },
      (value, field) => normalizeTimeZone(field.label, value),
    ),
    dateInput('dateOfBirth', 'Date of Birth', `The contact's birthday.${keep}`),
    ...(createOnly
      ? [
          defineInput(
            {
              key: 'gender',
              label: 'Gender',
              type: 'string',
              required: false,
              choices: [
                { value: 'male', label: 'Male', sample: 'male' },
                { value: 'female', label: 'Female', sample: 'female' },
              ],
              helpText: 'Choose one, or enter another value HighLevel accepts.',
            },
            optionalTextOf,
          ),
        ]
      : []),
    textInput('source', 'Source', `Where the contact came from, e.g. Website Form.${keep}`),
    userIdInput(
      'assignedTo',
      'Assigned User',
      `The user of the sub-account who owns this contact.${keep}`,
    ),
    yesNoInput(
      'dnd',
      'Do Not Disturb',
      `Yes stops all messages (calls, texts, emails) to the contact.${keep}`,
    ),
    mode === 'update' ? withField(tags, { label: 'Tags (Replaces All Tags)' }) : tags,
    ...(mode === 'upsert'
      ? [
          yesNoInput(
            'createNewIfDuplicateAllowed',
            'Always Create New Contact (When Duplicates Allowed)',
            'Yes: in a sub-account that allows duplicate contacts, always create a new contact without looking for a match. In a sub-account that forbids duplicates this setting is ignored.',
          ),
        ]
      : []),
  ] as const;
};

export const contactInputFields = (mode: ContactWriteMode) => fieldsOf(contactInputs(mode));

/** Create Contact with every field empty: refused, as Update and Create or Update refuse it. */
const nothingToCreate = () =>
  invalidInput(
    'Create Contact',
    'no field was filled, so the new contact would be blank. Fill at least one field, such as First Name, Email or Phone.',
  );

/**
 * The request body for a contact write, and the custom-field definitions for its output. Standard
 * fields are checked before any request; custom-field values are checked once their definitions
 * are loaded (the one read request), still before the write.
 */
export const contactWriteBody = async (
  z: ZObject,
  bundle: Bundle,
  mode: ContactWriteMode,
): Promise<{ body: Record<string, unknown>; definitions: CustomFieldDefinition[] }> => {
  const input = bundle.inputData as Record<string, unknown>;
  // The default country only reads phone numbers (custom ones too); it is not saved on the contact.
  const { defaultCountry, ...body } = compact(parseInputs(contactInputs(mode), bundle));
  if (mode === 'upsert' && !body.email && !body.phone) {
    throw invalidInput(
      'Email or Phone',
      'Create or Update Contact finds the contact by email or phone, so at least one of them is required.',
    );
  }
  const filled = Object.keys(body).length > 0;
  if (!filled && !hasCustomFieldInput(input)) {
    if (mode === 'create') throw nothingToCreate();
    if (mode === 'update') throw nothingToChange('Update Contact');
  }
  const locationId = mode === 'update' ? undefined : locationIdOf(bundle);

  const definitions = await customFieldDefinitionsForWrite(z, bundle, input);
  const customFields = customFieldsPayload(input, definitions, { defaultCountry });
  if (mode === 'create' && !filled && !customFields) throw nothingToCreate();
  if (mode === 'update' && !filled && !customFields) throw nothingToChange('Update Contact');
  return { body: compact({ locationId, ...body, customFields }), definitions };
};
