// New Contact in Business: GET /contacts/business/{businessId}. Dedupe id = contact id. Which
// members a poll reads (the newest end of the list, not every page; a burst bigger than one poll's
// budget over consecutive polls) is in lib/businessMemberPolling.ts. Members who joined are
// returned for 30 minutes (lib/businessMemberLedger.ts), Zapier's dedupe firing each once: a poll
// that fails here (the custom-field definitions below) loses none, while no more than the
// ledger's 250 join within those 30 minutes (it keeps the newest).
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { businessMembersToReturn } from '../lib/polling/businessMembers/polling';
import { contactOutput, contactOutputFields, contactSample } from '../lib/contacts/shape';
import { customFieldOutputFields } from '../lib/customFields';
import { businessIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { withPollCustomFieldDefinitions } from '../lib/polling/contacts';

const inputFields = defineInputFields([
  businessIdField(true, 'The business whose new contacts trigger the Zap.'),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const businessId = requireId('businessId', bundle.inputData.businessId);
  const [members, definitions] = await withPollCustomFieldDefinitions(
    z,
    bundle,
    businessMembersToReturn(z, bundle, businessId),
  );
  return members.map((member) => contactOutput(member, definitions));
};

export default defineTrigger({
  key: 'new_business_contact' as const,
  noun: 'Contact',
  display: {
    label: 'New Contact in Business',
    description: 'Triggers when a contact is added to a business.',
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: contactSample,
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
