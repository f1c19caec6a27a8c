// Remove Contact from All Campaigns: DELETE /contacts/{contactId}/campaigns/removeAll ({ succeded }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField } from '../lib/inputs/fields';
import {
  membershipOutputFields,
  membershipResult,
  membershipSample,
} from '../lib/contacts/membership';
import { requireId } from '../lib/http/paths';
import { callExpectingSuccess } from '../lib/records/subRecords';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact to take out of every campaign it is in.' }),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  await callExpectingSuccess(
    z,
    {
      method: 'DELETE',
      path: '/contacts/{contactId}/campaigns/removeAll',
      pathParams: { contactId },
    },
    'remove the contact from all campaigns',
  );
  return membershipResult('removed', contactId, { allCampaigns: true });
};

export default defineCreate({
  key: 'remove_contact_from_all_campaigns' as const,
  noun: 'Campaign',
  display: {
    label: 'Remove Contact from All Campaigns',
    description: 'Removes a contact from every campaign it is in.',
  },
  operation: {
    perform,
    inputFields,
    sample: membershipSample('removed', { allCampaigns: true }),
    outputFields: membershipOutputFields('removed', [
      { key: 'allCampaigns', label: 'From All Campaigns', type: 'boolean' },
    ]),
  },
});
