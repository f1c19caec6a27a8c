// Add Followers to Contact: POST /contacts/{contactId}/followers ({ followers } →
// { followers, followersAdded }). Followers are users of the sub-account.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { changedContactIdOutputFields, contactIdInput, followersInput } from '../lib/inputs/fields';
import { changeContactFollowers, followersSample } from '../lib/contacts/followers';

const inputs = [
  contactIdInput(),
  followersInput('Users to add as followers. Existing followers stay.'),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeContactFollowers(z, parseInputs(inputs, bundle), 'followersAdded', {
    method: 'POST',
    path: '/contacts/{contactId}/followers',
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'add_contact_followers' as const,
  noun: 'Follower',
  display: {
    label: 'Add Followers to Contact',
    description: 'Adds users of the sub-account as followers of a contact.',
  },
  operation: {
    perform,
    inputFields,
    sample: { ...followersSample, followersAdded: ['sx6wyHhbFdRXh302Lunr'] },
    outputFields: [
      ...changedContactIdOutputFields,
      { key: 'followersAdded', label: 'Followers Added (User IDs)', type: 'string', list: true },
      { key: 'followers', label: 'Followers Now (User IDs)', type: 'string', list: true },
    ],
  },
});
