// Remove Tags from Contact: DELETE /contacts/{contactId}/tags with a JSON body { tags } → { tags }.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { changeContactTags } from '../lib/contacts/tags';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { changedContactIdOutputFields, contactIdInput, tagsInput } from '../lib/inputs/fields';

const inputs = [
  contactIdInput(),
  tagsInput(
    'Tags to take off the contact. Its other tags stay; tags it does not have are ignored.',
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeContactTags(z, parseInputs(inputs, bundle), 'tagsRemoved', {
    method: 'DELETE',
    path: '/contacts/{contactId}/tags',
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'remove_contact_tags' as const,
  noun: 'Tag',
  display: {
    label: 'Remove Tags from Contact',
    description: 'Removes tags from a contact, keeping its other tags.',
  },
  operation: {
    perform,
    inputFields,
    sample: {
      id: 'seD4PfOuKoVMLkEZqohJ',
      contactId: 'seD4PfOuKoVMLkEZqohJ',
      tagsRemoved: ['cold lead'],
      tags: ['vip'],
      tagsText: 'vip',
    },
    outputFields: [
      ...changedContactIdOutputFields,
      { key: 'tagsRemoved', label: 'Tags Requested to Remove', type: 'string', list: true },
      { key: 'tags', label: 'Tags Still on Contact', type: 'string', list: true },
      { key: 'tagsText', label: 'Tags Still on Contact (Comma-Separated)', type: 'string' },
    ],
  },
});
