// Find Contact: GET /contacts/search/duplicate, HighLevel's own exact match on email and/or phone,
// following the sub-account's duplicate rules. Also the search half of Find or Create Contact, so
// its input keys are create_contact's (email, phone, defaultCountry).
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevelOrNull, locationIdOf } from '../lib/http/client';
import { contactSample, contactSchema } from '../lib/contacts/shape';
import { contactResults, contactSearchOutputFields } from '../lib/contacts/search';
import { invalidInput } from '../lib/http/errors';
import { normalizeEmail, normalizePhone, normalizePhoneCountry } from '../lib/inputs/normalise';

const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    type: 'string',
    required: false,
    helpText: 'The email address to look for. Fill Email, Phone or both.',
  },
  {
    key: 'phone',
    label: 'Phone',
    type: 'string',
    required: false,
    helpText:
      'The phone number to look for, in any common format. Numbers without a country code are read with Default Country.',
  },
  {
    key: 'defaultCountry',
    label: 'Default Country for Phone Numbers',
    type: 'string',
    required: false,
    helpText:
      'Two-letter country code (e.g. US, GB) for phone numbers written without a country code.',
  },
]);

// No match is `{ contact: null }` (the spec declares no schema for this response).
const responseSchema = zod.looseObject({ contact: contactSchema.nullish() });

export const perform = async (z: ZObject, bundle: Bundle) => {
  const { inputData } = bundle;
  const email = normalizeEmail('Email', inputData.email);
  const defaultCountry = normalizePhoneCountry(
    'Default Country for Phone Numbers',
    inputData.defaultCountry,
  );
  const number = normalizePhone('Phone', inputData.phone, defaultCountry);
  if (!email && !number) {
    throw invalidInput('Email or Phone', 'fill in an email address, a phone number, or both.');
  }
  const lookup = callHighLevelOrNull(
    z,
    {
      path: '/contacts/search/duplicate',
      query: { locationId: locationIdOf(bundle), email, number },
    },
    responseSchema,
  ).then((found) => (found?.contact ? [found.contact] : []));
  return contactResults(z, bundle, lookup);
};

export default defineSearch({
  key: 'find_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by email address or phone number.',
  },
  operation: {
    perform,
    inputFields,
    sample: contactSample,
    outputFields: contactSearchOutputFields,
  },
});
