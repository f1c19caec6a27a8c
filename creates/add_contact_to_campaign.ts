// Add Contact to Campaign: POST /contacts/{contactId}/campaigns/{campaignId} (body {} → 201 { succeded }).
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
  contactIdField({ helpText: 'The contact to add to the campaign.' }),
  campaignIdField,
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  changeMembership(z, bundle, 'added', 'campaignId', {
    method: 'POST',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
    body: {}, // the spec requires a body, and AddContactToCampaignDto declares no properties
  });

export default defineCreate({
  key: 'add_contact_to_campaign' as const,
  noun: 'Campaign',
  display: {
    label: 'Add Contact to Campaign',
    description: 'Adds a contact to a campaign.',
  },
  operation: {
    perform,
    inputFields,
    sample: membershipSample('added', { campaignId: membershipSampleIds.campaignId }),
    outputFields: membershipOutputFields('added', [campaignIdOutputField]),
  },
});
