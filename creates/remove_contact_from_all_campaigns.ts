// Remove Contact from All Campaigns: DELETE /contacts/{contactId}/campaigns/removeAll ({ succeded }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { contactIdInput } from '../lib/inputs/fields';
import {
  membershipOutputFields,
  membershipResult,
  membershipSample,
} from '../lib/contacts/membership';
import { callExpectingSuccess } from '../lib/records/subRecords';

const inputs = [contactIdInput('The contact to take out of every campaign it is in.')] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId } = parseInputs(inputs, bundle);
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
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

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
