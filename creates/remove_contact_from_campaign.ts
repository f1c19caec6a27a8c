// Remove Contact from Campaign: DELETE /contacts/{contactId}/campaigns/{campaignId} ({ succeded }).
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
  contactIdField({ helpText: 'The contact to take out of the campaign.' }),
  campaignIdField,
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const campaignId = requireId('campaignId', bundle.inputData.campaignId);
  await callExpectingSuccess(
    z,
    {
      method: 'DELETE',
      path: '/contacts/{contactId}/campaigns/{campaignId}',
      pathParams: { contactId, campaignId },
    },
    'remove the contact from the campaign',
  );
  return membershipResult('removed', contactId, { campaignId });
};

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
