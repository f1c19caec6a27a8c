// Remove Followers from Contact: DELETE /contacts/{contactId}/followers with a JSON body
// { followers } → { followers, followersRemoved }.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { changedContactIdOutputFields, contactIdField, followersField } from '../lib/inputs/fields';
import { changeContactFollowers, followersSample } from '../lib/contacts/followers';

const inputFields = defineInputFields([
  contactIdField(),
  { ...followersField, helpText: 'Users to stop following the contact. Other followers stay.' },
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  changeContactFollowers(z, bundle, 'followersRemoved', {
    method: 'DELETE',
    path: '/contacts/{contactId}/followers',
  });

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
