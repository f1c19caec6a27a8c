// What Create Contact, Update Contact and Create or Update Contact share: the contact input fields
// (HighLevel's own names) and the request body built from them. Every standard field is checked
// before any request; only filled fields are sent, so an empty field never blanks out data.
import { type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { locationIdOf } from '../http/client';
import {
  customFieldDefinitionsForWrite,
  customFieldsPayload,
  type ContactWriteMode,
  hasCustomFieldInput,
  type CustomFieldDefinition,
} from '../customFields';
import { invalidInput } from '../http/errors';
import { tagsField, userIdField } from '../inputs/fields';
import {
  compact,
  normalizeBoolean,
  normalizeCountry,
  normalizeDate,
  normalizeEmail,
  normalizeList,
  normalizePhone,
  normalizePhoneCountry,
  normalizeTimeZone,
  normalizeWebsite,
  optionalText,
} from '../inputs/normalise';

/** create: POST /contacts/, update: PUT /contacts/{id}, upsert: POST /contacts/upsert. */

const KEEP = ' Left empty, the current value is kept.';

const text = (key: string, label: string, helpText: string): PlainInputField => ({
  key,
  label,
  type: 'string',
  required: false,
  helpText,
});

const TAGS_HELP: Record<ContactWriteMode, string> = {
  create: 'Tags to put on the new contact. Tag names that do not exist yet are created.',
  update:
    "Replaces ALL of the contact's tags with these. Leave empty to keep the current tags; to add tags without removing others, use the Add Tags to Contact action instead.",
  upsert:
    "Tags for the contact. If an existing contact is found, these REPLACE all of its tags (that is how HighLevel's upsert works); to only add tags, leave this empty and add an Add Tags to Contact step.",
};

/** The standard contact fields, in the order a user fills them; `mode` decides which apply. */
export const contactInputFields = (mode: ContactWriteMode): PlainInputField[] => {
  const keep = mode === 'update' ? KEEP : '';
  const createOnly = mode !== 'update';
  const fields: Array<PlainInputField | false> = [
    text(
      'email',
      'Email',
      mode === 'upsert'
        ? 'Used with Phone to find an existing contact. Email or Phone is required.'
        : `Checked before sending: it must look like name@example.com.${keep}`,
    ),
    text(
      'phone',
      'Phone',
      `${mode === 'upsert' ? 'Used with Email to find an existing contact. ' : ''}Any readable format; sent in international form (+14155550134). Numbers without a country code need Default Country.${keep}`,
    ),
    text(
      'defaultCountry',
      'Default Country for Phone Numbers',
      'Two-letter country code (e.g. US, GB) used to read phone numbers written without a country code. It is not saved on the contact.',
    ),
    text('firstName', 'First Name', `The contact's given name.${keep}`),
    text('lastName', 'Last Name', `The contact's family name.${keep}`),
    text(
      'name',
      'Full Name',
      `Usually left empty when First Name and Last Name are filled.${keep}`,
    ),
    createOnly && text('companyName', 'Company Name', 'The business the contact works for.'),
    text('address1', 'Street Address', `Street and number.${keep}`),
    text('city', 'City', `The city of the contact's address.${keep}`),
    text('state', 'State', `State, province or region.${keep}`),
    text('postalCode', 'Postal Code', `ZIP or postal code.${keep}`),
    text('country', 'Country', `Two-letter country code, e.g. US, GB, DE.${keep}`),
    text(
      'website',
      'Website',
      `A web address, e.g. \`https://example.com\`; one without http:// or https:// (\`example.com\`) is sent with https:// in front.${keep}`,
    ),
    text('timezone', 'Time Zone', `Time zone name, e.g. America/New_York or Europe/London.${keep}`),
    {
      key: 'dateOfBirth',
      label: 'Date of Birth',
      type: 'datetime',
      required: false,
      helpText: `A date such as 1990-04-23 or 04/23/1990; only the day is saved.${keep}`,
    },
    createOnly && {
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
    text('source', 'Source', `Where the contact came from, e.g. Website Form.${keep}`),
    userIdField(
      'assignedTo',
      'Assigned User',
      `The user of the sub-account who owns this contact.${keep}`,
    ),
    {
      key: 'dnd',
      label: 'Do Not Disturb',
      type: 'boolean',
      required: false,
      helpText: `Yes stops all messages (calls, texts, emails) to the contact.${keep}`,
    },
    {
      ...tagsField(TAGS_HELP[mode], false),
      ...(mode === 'update' ? { label: 'Tags (Replaces All Tags)' } : {}),
    },
    mode === 'upsert' && {
      key: 'createNewIfDuplicateAllowed',
      label: 'Always Create New Contact (When Duplicates Allowed)',
      type: 'boolean',
      required: false,
      helpText:
        'Yes: in a sub-account that allows duplicate contacts, always create a new contact without looking for a match. In a sub-account that forbids duplicates this setting is ignored.',
    },
  ];
  return fields.filter((field): field is PlainInputField => field !== false);
};

/** The standard fields of the body, checked: throws a clear error before any request. */
const standardFields = (input: Record<string, unknown>, mode: ContactWriteMode) => {
  const defaultCountry = normalizePhoneCountry(
    'Default Country for Phone Numbers',
    input.defaultCountry,
  );
  const createOnly = mode !== 'update';
  const tags = normalizeList(input.tags);
  const body = compact({
    firstName: optionalText(input.firstName),
    lastName: optionalText(input.lastName),
    name: optionalText(input.name),
    email: normalizeEmail('Email', input.email),
    phone: normalizePhone('Phone', input.phone, defaultCountry),
    companyName: createOnly ? optionalText(input.companyName) : undefined,
    address1: optionalText(input.address1),
    city: optionalText(input.city),
    state: optionalText(input.state),
    postalCode: optionalText(input.postalCode),
    country: normalizeCountry('Country', input.country),
    website: normalizeWebsite('Website', input.website),
    timezone: normalizeTimeZone('Time Zone', input.timezone),
    dateOfBirth: normalizeDate('Date of Birth', input.dateOfBirth),
    gender: createOnly ? optionalText(input.gender) : undefined,
    source: optionalText(input.source),
    assignedTo: optionalText(input.assignedTo),
    dnd: normalizeBoolean('Do Not Disturb', input.dnd),
    tags: tags.length > 0 ? tags : undefined,
    createNewIfDuplicateAllowed:
      mode === 'upsert'
        ? normalizeBoolean(
            'Always Create New Contact (When Duplicates Allowed)',
            input.createNewIfDuplicateAllowed,
          )
        : undefined,
  });
  return { body, defaultCountry };
};

const nothingToUpdate = () =>
  invalidInput(
    'Update Contact',
    'no field was filled, so there is nothing to change. Fill at least one field (empty fields never blank out data).',
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
  const { body, defaultCountry } = standardFields(input, mode);
  if (mode === 'upsert' && !body.email && !body.phone) {
    throw invalidInput(
      'Email or Phone',
      'Create or Update Contact finds the contact by email or phone, so at least one of them is required.',
    );
  }
  const filled = Object.keys(body).length > 0;
  if (mode === 'update' && !filled && !hasCustomFieldInput(input)) throw nothingToUpdate();
  const locationId = mode === 'update' ? undefined : locationIdOf(bundle);

  const definitions = await customFieldDefinitionsForWrite(z, bundle, input);
  const customFields = customFieldsPayload(input, definitions, { defaultCountry });
  if (mode === 'update' && !filled && !customFields) throw nothingToUpdate();
  return { body: compact({ locationId, ...body, customFields }), definitions };
};
