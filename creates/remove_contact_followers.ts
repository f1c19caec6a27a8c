// Remove Followers from Contact: DELETE /contacts/{contactId}/followers with a JSON body
// { followers } → { followers, followersRemoved }.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevel } from '../lib/client';
import { contactIdField, followersField } from '../lib/fields';
import { followersResponseSchema, followersSample } from '../lib/followers';
import { requireList } from '../lib/inputs';
import { requireId } from '../lib/paths';

const inputFields = defineInputFields([
  contactIdField(),
  { ...followersField, helpText: 'Users to stop following the contact. Other followers stay.' },
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const followers = requireList('Followers', bundle.inputData.followers);
  const response = await callHighLevel(
    z,
    {
      method: 'DELETE',
      path: '/contacts/{contactId}/followers',
      pathParams: { contactId },
      body: { followers },
    },
    followersResponseSchema,
  );
  return {
    id: contactId,
    contactId,
    followersRemoved: response.followersRemoved,
    followers: response.followers,
  };
};

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
      { key: 'id', label: 'Contact ID', type: 'string' },
      { key: 'contactId', label: 'Contact ID', type: 'string' },
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
