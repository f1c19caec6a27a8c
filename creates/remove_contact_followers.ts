// Remove Followers from Contact: DELETE /contacts/{contactId}/followers with a JSON body
// { followers } → { followers, followersRemoved }.
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
  followersInput('Users to stop following the contact. Other followers stay.'),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeContactFollowers(z, parseInputs(inputs, bundle), 'followersRemoved', {
    method: 'DELETE',
    path: '/contacts/{contactId}/followers',
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'remove_contact_followers' as const,
  noun: 'Follower',
  display: {
    label: 'Remove Followers from Contact',
    description: 'Removes users of the sub-account from the followers of a contact.',
  },
  operation: {
    perform,
    inputFields,
    sample: { ...followersSample, followersRemoved: ['y0BeYjuRIlDwsDcOHOJo'] },
    outputFields: [
      ...changedContactIdOutputFields,
      {
        key: 'followersRemoved',
        label: 'Followers Removed (User IDs)',
        type: 'string',
        list: true,
      },
      { key: 'followers', label: 'Followers Now (User IDs)', type: 'string', list: true },
    ],
  },
});
