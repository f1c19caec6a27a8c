// New Contact: POST /contacts/search, newest dateAdded first. Dedupe id = contact id.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactOutput, contactOutputFields, contactSample } from '../lib/contact';
import { customFieldDefinitions, customFieldOutputFields } from '../lib/customFields';
import { contactFilters, searchRecentContacts } from '../lib/polling';
import { contactTriggerFilterFields, searchQueryOf } from '../lib/contactFilters';

const inputFields = defineInputFields(contactTriggerFilterFields);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const query = searchQueryOf(bundle.inputData.query);
  const [contacts, definitions] = await Promise.all([
    searchRecentContacts(z, bundle, {
      sortField: 'dateAdded',
      filters: contactFilters(bundle.inputData),
      query,
    }),
    customFieldDefinitions(z, bundle),
  ]);
  return contacts.map((contact) => contactOutput(contact, definitions));
};

export default defineTrigger({
  key: 'new_contact' as const,
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a new contact is added to the sub-account.',
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: contactSample,
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
