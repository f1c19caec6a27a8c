// Delete Contact: DELETE /contacts/{contactId} ({ succeded }). Permanent in HighLevel.
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../lib/http/client';
import { requireSucceeded } from '../lib/http/errors';
import { contactIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';

const inputFields = [
  contactIdField({
    helpText:
      'The contact to delete. Deleting is permanent: its notes, tasks and history go with it.',
  }),
];

const responseSchema = zod.looseObject({ succeded: zod.boolean().optional() });

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const { succeded } = await callHighLevel(
    z,
    { method: 'DELETE', path: '/contacts/{contactId}', pathParams: { contactId } },
    responseSchema,
  );
  requireSucceeded(succeded, 'delete the contact');
  return { id: contactId, contactId, deleted: true };
};

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
