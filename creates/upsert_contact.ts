// Create or Update Contact: POST /contacts/upsert ({ new, contact, traceId }). HighLevel matches
// an existing contact by email or phone, following the sub-account's duplicate settings.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../lib/http/client';
import {
  contactOutput,
  contactOutputFields,
  contactSample,
  contactSchema,
} from '../lib/contacts/shape';
import { contactInputFields, contactWriteBody } from '../lib/contacts/write';
import { customFieldInputFields, customFieldOutputFields } from '../lib/customFields';

const inputFields = defineInputFields([
  ...contactInputFields('upsert'),
  customFieldInputFields('upsert'),
]);

const responseSchema = zod.looseObject({
  new: zod.boolean().optional(),
  contact: contactSchema,
  traceId: zod.string().optional(),
});

export const perform = (async (z, bundle) => {
  const { body, definitions } = await contactWriteBody(z, bundle, 'upsert');
  const response = await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/upsert', body },
    responseSchema,
  );
  return { ...contactOutput(response.contact, definitions), isNew: response.new === true };
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'upsert_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact',
    description:
      'Creates a contact, or updates the existing one with the same email or phone number.',
  },
  operation: {
    perform,
    inputFields,
    sample: { ...contactSample, isNew: false },
    outputFields: [
      ...contactOutputFields,
      { key: 'isNew', label: 'Was a New Contact Created', type: 'boolean' },
      customFieldOutputFields,
    ],
  },
});
