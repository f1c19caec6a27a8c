// Updated Contact: POST /contacts/search, newest dateUpdated first. Dedupe id = contact id + update
// time, so every update of a contact fires once; the contact's own id stays under `contactId`.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactSample } from '../lib/contacts/shape';
import { contactTriggerFilterFields, searchQueryOf } from '../lib/contacts/filters';
import {
  contactChangeOutputFields,
  contactFilters,
  recentContactOutputs,
} from '../lib/polling/contacts';

const inputFields = defineInputFields(contactTriggerFilterFields);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contacts = await recentContactOutputs(z, bundle, {
    sortField: 'dateUpdated',
    filters: contactFilters(bundle.inputData),
    query: searchQueryOf(bundle.inputData.query),
  });
  return contacts.map((contact) => ({
    ...contact,
    id: `${contact.id}:${contact.dateUpdated}`,
    contactId: contact.id,
  }));
};

export default defineTrigger({
  key: 'updated_contact' as const,
  noun: 'Contact',
  display: {
    label: 'Updated Contact',
    description:
      'Triggers when a contact in the sub-account is created or changed. Checked every few minutes; Updated Contact (Instant) fires within seconds.',
  },
  operation: {
    type: 'polling',
    // Gives the Zap its own z.cursor, where it keeps its polling progress (lib/polling/zapMemory.ts).
    canPaginate: true,
    perform,
    inputFields,
    sample: {
      ...contactSample,
      id: `${contactSample.id}:${contactSample.dateUpdated}`,
      contactId: contactSample.id,
    },
    outputFields: contactChangeOutputFields('Update ID'),
  },
});
