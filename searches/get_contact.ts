// Find Contact by ID: GET /contacts/{contactId}. No such contact → no result, not an error.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as zod } from 'zod';
import { callHighLevelOrNull } from '../lib/client';
import { contactOutput, contactOutputFields, contactSample, contactSchema } from '../lib/contact';
import { customFieldDefinitions, customFieldOutputFields } from '../lib/customFields';
import { requireId } from '../lib/paths';

const inputFields = defineInputFields([
  {
    key: 'contactId',
    label: 'Contact ID',
    type: 'string',
    required: true,
    helpText: 'The HighLevel ID of the contact, usually mapped from an earlier step.',
  },
]);

const responseSchema = zod.looseObject({ contact: contactSchema });

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const [found, definitions] = await Promise.all([
    callHighLevelOrNull(
      z,
      { path: '/contacts/{contactId}', pathParams: { contactId } },
      responseSchema,
    ),
    customFieldDefinitions(z, bundle),
  ]);
  return found ? [contactOutput(found.contact, definitions)] : [];
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
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
