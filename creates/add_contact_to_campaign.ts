// Add Contact to Campaign: POST /contacts/{contactId}/campaigns/{campaignId} (body {} → 201 { succeded }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { campaignIdField, contactIdField } from '../lib/fields';
import {
  campaignIdOutputField,
  membershipOutputFields,
  membershipResult,
  membershipSample,
  membershipSampleIds,
} from '../lib/membership';
import { requireId } from '../lib/paths';
import { callExpectingSuccess } from '../lib/subRecords';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact to add to the campaign.' }),
  campaignIdField,
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const campaignId = requireId('campaignId', bundle.inputData.campaignId);
  await callExpectingSuccess(
    z,
    {
      method: 'POST',
      path: '/contacts/{contactId}/campaigns/{campaignId}',
      pathParams: { contactId, campaignId },
      body: {}, // the spec requires a body, and AddContactToCampaignDto declares no properties
    },
    'add the contact to the campaign',
  );
  return membershipResult('added', contactId, { campaignId });
};

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
