// Add Tags to Contact: POST /contacts/{contactId}/tags. Adds to the contact's tags, never replaces.
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
  tagsInput('Tags to add. Tags the contact already has stay; new tag names are created.'),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeContactTags(z, parseInputs(inputs, bundle), 'tagsAdded', {
    method: 'POST',
    path: '/contacts/{contactId}/tags',
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'add_contact_tags' as const,
  noun: 'Tag',
  display: {
    label: 'Add Tags to Contact',
    description: 'Adds tags to a contact, keeping the tags it already has.',
  },
  operation: {
    perform,
    inputFields,
    sample: {
      id: 'seD4PfOuKoVMLkEZqohJ',
      contactId: 'seD4PfOuKoVMLkEZqohJ',
      tagsAdded: ['vip'],
      tags: ['lead', 'vip'],
      tagsText: 'lead, vip',
    },
    outputFields: [
      ...changedContactIdOutputFields,
      { key: 'tagsAdded', label: 'Tags Requested to Add', type: 'string', list: true },
      { key: 'tags', label: 'Tags Now on Contact', type: 'string', list: true },
      { key: 'tagsText', label: 'Tags Now on Contact (Comma-Separated)', type: 'string' },
    ],
  },
});
