// Update Contact: PUT /contacts/{contactId} ({ succeded, contact }). Only filled fields are sent;
// `tags` here replaces every tag of the contact, which the field's label says.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import * as zod from 'zod';
import { callHighLevel } from '../lib/http/client';
import {
  contactOutput,
  contactOutputFields,
  contactSample,
  contactSchema,
} from '../lib/contacts/shape';
import { contactInputFields, contactWriteBody } from '../lib/contacts/write';
import { requireSucceeded } from '../lib/http/errors';
import { customFieldInputFields, customFieldOutputFields } from '../lib/customFields';
import { contactIdInput } from '../lib/inputs/fields';

const ids = [
  contactIdInput('The contact to change. Only the fields filled below are changed.'),
] as const;
const inputFields = defineInputFields([
  ...fieldsOf(ids),
  ...contactInputFields('update'),
  customFieldInputFields('update'),
]);

const responseSchema = zod.looseObject({
  succeded: zod.boolean().optional(),
  contact: contactSchema,
});

export const perform = (async (z, bundle) => {
  const { contactId } = parseInputs(ids, bundle);
  const { body, definitions } = await contactWriteBody(z, bundle, 'update');
  const { succeded, contact } = await callHighLevel(
    z,
    { method: 'PUT', path: '/contacts/{contactId}', pathParams: { contactId }, body },
    responseSchema,
  );
  requireSucceeded(succeded, 'update the contact');
  return contactOutput(contact, definitions);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'update_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description:
      'Updates an existing contact, changing only the fields you fill; empty fields keep their values.',
  },
  operation: {
    perform,
    inputFields,
    sample: contactSample,
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
