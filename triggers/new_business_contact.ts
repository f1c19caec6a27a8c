// New Contact in Business: GET /contacts/business/{businessId}. Dedupe id = contact id. Which
// members a poll returns, and why none is lost: lib/polling/businessMembers/index.ts.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { businessMembersToReturn } from '../lib/polling/businessMembers';
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
  const read = businessMembersToReturn(z, bundle, businessId);
  const [members, definitions] = await withPollCustomFieldDefinitions(
    z,
    bundle,
    read.then(({ members }) => members),
  );
  const outputs = members.map((member) => contactOutput(member, definitions));
  await (await read).commit(); // the Zap's progress, stored once nothing can fail any more
  return outputs;
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
    // Gives the Zap its own z.cursor, where it keeps the list's shape (lib/polling/zapMemory.ts).
    canPaginate: true,
    perform,
    inputFields,
    sample: contactSample,
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
