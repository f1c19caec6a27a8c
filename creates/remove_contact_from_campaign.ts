// Remove Contact from Campaign: DELETE /contacts/{contactId}/campaigns/{campaignId} ({ succeded }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { campaignIdField, contactIdField } from '../lib/inputs/fields';
import {
  campaignIdOutputField,
  changeMembership,
  membershipOutputFields,
  membershipSample,
  membershipSampleIds,
} from '../lib/contacts/membership';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact to take out of the campaign.' }),
  campaignIdField,
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  changeMembership(z, bundle, 'removed', 'campaignId', {
    method: 'DELETE',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
  });

export default defineCreate({
  key: 'remove_contact_from_campaign' as const,
  noun: 'Campaign',
  display: {
    label: 'Remove Contact from Campaign',
    description: 'Removes a contact from a campaign.',
  },
  operation: {
    perform,
    inputFields,
    sample: membershipSample('removed', { campaignId: membershipSampleIds.campaignId }),
    outputFields: membershipOutputFields('removed', [campaignIdOutputField]),
  },
});
