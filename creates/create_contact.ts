// Create Contact: POST /contacts/ (201 { contact }). In a sub-account that forbids duplicates,
// HighLevel's 400 names the existing contact; lib/errors.ts turns it into advice to use upsert.
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
  ...contactInputFields('create'),
  customFieldInputFields('create'),
]);

const responseSchema = zod.looseObject({ contact: contactSchema });

export const perform = (async (z, bundle) => {
  const { body, definitions } = await contactWriteBody(z, bundle, 'create');
  const { contact } = await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/', body },
    responseSchema,
  );
  return contactOutput(contact, definitions);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Create Contact',
    description:
      'Creates a new contact in the sub-account, with its standard and custom fields and tags.',
  },
  operation: {
    perform,
    inputFields,
    sample: contactSample,
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
