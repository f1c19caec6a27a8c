// Find Contact: GET /contacts/search/duplicate, HighLevel's own exact match on email and/or phone,
// following the sub-account's duplicate rules. Also the search half of Find or Create Contact, so
// its input keys are create_contact's (email, phone, defaultCountry).
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { defaultCountryInput, emailInput, phoneInput } from '../lib/inputs/fields';
import * as zod from 'zod';
import { callHighLevelOrNull, locationIdOf } from '../lib/http/client';
import { contactSample, contactSchema } from '../lib/contacts/shape';
import { contactResults, contactSearchOutputFields } from '../lib/contacts/search';
import { invalidInput } from '../lib/http/errors';

const inputs = [
  emailInput('The email address to look for. Fill Email, Phone or both.'),
  phoneInput(
    'The phone number to look for, in any common format. Numbers without a country code are read with Default Country.',
  ),
  defaultCountryInput(
    'Two-letter country code (e.g. US, GB) for phone numbers written without a country code.',
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

// No match is `{ contact: null }` (the spec declares no schema for this response).
const responseSchema = zod.looseObject({ contact: contactSchema.nullish() });

export const perform = (async (z, bundle) => {
  const { email, phone: number } = parseInputs(inputs, bundle);
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
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

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
