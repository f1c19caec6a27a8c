// New Contact: POST /contacts/search, newest dateAdded first. Dedupe id = contact id.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactOutputFields, contactSample } from '../lib/contacts/shape';
import { contactTriggerFilterFields, searchQueryOf } from '../lib/contacts/filters';
import { customFieldOutputFields } from '../lib/customFields';
import { contactFilters, recentContactOutputs } from '../lib/polling/contacts';

const inputFields = defineInputFields(contactTriggerFilterFields);

export const perform = (z: ZObject, bundle: Bundle) =>
  recentContactOutputs(z, bundle, {
    sortField: 'dateAdded',
    filters: contactFilters(bundle.inputData),
    query: searchQueryOf(bundle.inputData.query),
  });

export default defineTrigger({
  key: 'new_contact' as const,
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description:
      'Triggers when a new contact is added to the sub-account. Checked every few minutes; New Contact (Instant) fires within seconds.',
  },
  operation: {
    type: 'polling',
    // Gives the Zap its own z.cursor, where it keeps its polling progress (lib/polling/zapMemory.ts).
    canPaginate: true,
    perform,
    inputFields,
    sample: contactSample,
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
