// Add Followers to Contact: POST /contacts/{contactId}/followers ({ followers } →
// { followers, followersAdded }). Followers are users of the sub-account.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { changedContactIdOutputFields, contactIdField, followersField } from '../lib/inputs/fields';
import { changeContactFollowers, followersSample } from '../lib/contacts/followers';

const inputFields = defineInputFields([
  contactIdField(),
  { ...followersField, helpText: 'Users to add as followers. Existing followers stay.' },
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  changeContactFollowers(z, bundle, 'followersAdded', {
    method: 'POST',
    path: '/contacts/{contactId}/followers',
  });

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
