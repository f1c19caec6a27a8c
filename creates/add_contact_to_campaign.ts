// Add Contact to Campaign: POST /contacts/{contactId}/campaigns/{campaignId} (body {} → 201 { succeded }).
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

const inputs = [contactIdInput('The contact to add to the campaign.'), campaignIdInput] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeMembership(z, 'added', 'campaignId', parseInputs(inputs, bundle), {
    method: 'POST',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
    body: {}, // the spec requires a body, and AddContactToCampaignDto declares no properties
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

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
