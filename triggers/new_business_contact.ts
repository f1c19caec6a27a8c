// New Contact in Business: GET /contacts/business/{businessId}. Dedupe id = contact id.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../lib/client';
import {
  contactOutput,
  contactOutputFields,
  contactSample,
  contactSchema,
  type Contact,
} from '../lib/contact';
import { customFieldDefinitions, customFieldOutputFields } from '../lib/customFields';
import { businessIdField } from '../lib/fields';
import { requireId } from '../lib/paths';
import { newestFirst } from '../lib/polling';

const inputFields = defineInputFields([
  businessIdField(true, 'The business whose new contacts trigger the Zap.'),
]);

const responseSchema = zod.looseObject({
  contacts: zod.array(contactSchema).default([]),
  count: zod.number().optional(),
});

/** HighLevel's page size for this endpoint (sent as a string, as the spec types it). */
export const PAGE_SIZE = 100;
// The endpoint documents no sort order, so a new contact may sit on any page: read them all and
// sort here. 10 pages (1,000 contacts) keeps a poll to 10 requests, far under Zapier's 30 s and
// HighLevel's 100 requests per 10 s; a business with more contacts than that is rare.
export const MAX_PAGES = 10;

const contactsOfBusiness = async (z: ZObject, bundle: Bundle, businessId: string) => {
  const locationId = locationIdOf(bundle);
  const contacts = new Map<string, Contact>();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { contacts: rows } = await callHighLevel(
      z,
      {
        path: '/contacts/business/{businessId}',
        pathParams: { businessId },
        query: { locationId, limit: String(PAGE_SIZE), skip: String(page * PAGE_SIZE) },
      },
      responseSchema,
    );
    for (const row of rows) if (!contacts.has(row.id)) contacts.set(row.id, row);
    if (rows.length < PAGE_SIZE) break;
  }
  return newestFirst([...contacts.values()], (contact) => contact.dateAdded);
};

export const perform = async (z: ZObject, bundle: Bundle) => {
  const businessId = requireId('businessId', bundle.inputData.businessId);
  const [contacts, definitions] = await Promise.all([
    contactsOfBusiness(z, bundle, businessId),
    customFieldDefinitions(z, bundle),
  ]);
  return contacts.map((contact) => contactOutput(contact, definitions));
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
