// Find Contact by ID: GET /contacts/{contactId}. No such contact → no result, not an error.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactSample, contactSchema } from '../lib/contacts/shape';
import { contactResults, contactSearchOutputFields } from '../lib/contacts/search';
import { contactIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';

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
