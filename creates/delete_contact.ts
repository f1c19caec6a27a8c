// Delete Contact: DELETE /contacts/{contactId} ({ succeded }). Permanent in HighLevel.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../lib/http/client';
import { requireSucceeded } from '../lib/http/errors';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { contactIdInput } from '../lib/inputs/fields';

const inputs = [
  contactIdInput(
    'The contact to delete. Deleting is permanent: its notes, tasks and history go with it.',
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

const responseSchema = zod.looseObject({ succeded: zod.boolean().optional() });

export const perform = (async (z, bundle) => {
  const { contactId } = parseInputs(inputs, bundle);
  const { succeded } = await callHighLevel(
    z,
    { method: 'DELETE', path: '/contacts/{contactId}', pathParams: { contactId } },
    responseSchema,
  );
  requireSucceeded(succeded, 'delete the contact');
  return { id: contactId, contactId, deleted: true };
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'delete_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Delete Contact',
    description: 'Deletes a contact from the sub-account permanently.',
  },
  operation: {
    perform,
    inputFields,
    sample: { id: 'seD4PfOuKoVMLkEZqohJ', contactId: 'seD4PfOuKoVMLkEZqohJ', deleted: true },
    outputFields: [
      { key: 'id', label: 'Contact ID', type: 'string' },
      { key: 'contactId', label: 'Deleted Contact ID', type: 'string' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
    ],
  },
});
