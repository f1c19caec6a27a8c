// Find Contact by ID: GET /contacts/{contactId}. No such contact → no result, not an error.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevelOrNull } from '../lib/client';
import { contactSample, contactSchema } from '../lib/contact';
import { contactResults, contactSearchOutputFields } from '../lib/contactSearch';
import { contactIdField } from '../lib/fields';
import { requireId } from '../lib/paths';

const inputFields = defineInputFields([
  contactIdField({
    helpText: 'The contact to fetch: usually a contact ID mapped from an earlier step.',
  }),
]);

const responseSchema = zod.looseObject({ contact: contactSchema });

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const lookup = callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}', pathParams: { contactId } },
    responseSchema,
  ).then((found) => (found ? [found.contact] : []));
  return contactResults(z, bundle, lookup);
};

export default defineSearch({
  key: 'get_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Find Contact by ID',
    description: 'Finds a contact by its HighLevel ID.',
  },
  operation: {
    perform,
    inputFields,
    sample: contactSample,
    outputFields: contactSearchOutputFields,
  },
});
