// Remove Contact from Campaign: DELETE /contacts/{contactId}/campaigns/{campaignId} ({ succeded }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { campaignIdInput, contactIdInput } from '../lib/inputs/fields';
import {
  campaignIdOutputField,
  changeMembership,
  membershipOutputFields,
  membershipSample,
  membershipSampleIds,
} from '../lib/contacts/membership';

const inputs = [
  contactIdInput('The contact to take out of the campaign.'),
  campaignIdInput,
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeMembership(z, 'removed', 'campaignId', parseInputs(inputs, bundle), {
    method: 'DELETE',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

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
