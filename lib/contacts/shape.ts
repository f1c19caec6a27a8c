// The contact as the app returns it: one flat, labelled shape for every trigger, action and search,
// whichever endpoint it came from (GET, search rows, upsert, business list).
import * as zod from 'zod';
import { customFieldValues, OUTPUT_PARENT, type CustomFieldDefinition } from '../customFields';
import { isoDate, isoDateTime } from '../dates';

export const contactSchema = zod.looseObject({
  id: zod.string(),
  locationId: zod.string().nullish(),
  name: zod.string().nullish(),
  contactName: zod.string().nullish(),
  firstName: zod.string().nullish(),
  lastName: zod.string().nullish(),
  email: zod.string().nullish(),
  phone: zod.string().nullish(),
  companyName: zod.string().nullish(),
  address1: zod.string().nullish(),
  address: zod.string().nullish(),
  city: zod.string().nullish(),
  state: zod.string().nullish(),
  postalCode: zod.string().nullish(),
  country: zod.string().nullish(),
  website: zod.string().nullish(),
  timezone: zod.string().nullish(),
  source: zod.string().nullish(),
  type: zod.string().nullish(),
  dnd: zod.boolean().nullish(),
  assignedTo: zod.string().nullish(),
  businessId: zod.string().nullish(),
  dateOfBirth: zod.union([zod.string(), zod.number()]).nullish(),
  dateAdded: zod.union([zod.string(), zod.number()]).nullish(),
  dateUpdated: zod.union([zod.string(), zod.number()]).nullish(),
  tags: zod.array(zod.string()).nullish(),
  // The spec types followers as string[], but its own search example gives one id as a string.
  followers: zod.preprocess(
    (value) => (typeof value === 'string' ? [value].filter(Boolean) : value),
    zod.array(zod.string()).nullish(),
  ),
  customFields: zod
    .array(zod.looseObject({ id: zod.string().optional(), value: zod.unknown() }))
    .nullish(),
  searchAfter: zod.array(zod.unknown()).nullish(),
});
export type Contact = zod.infer<typeof contactSchema>;

const text = (value: string | null | undefined): string => value ?? '';

// Search rows carry `contactName` in lower case, so the names as typed come first.
const fullNameOf = (contact: Contact): string =>
  contact.name ||
  [contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
  contact.contactName ||
  '';

export const contactOutput = (contact: Contact, definitions: CustomFieldDefinition[]) => {
  const tags = contact.tags ?? [];
  return {
    id: contact.id,
    fullName: fullNameOf(contact),
    firstName: text(contact.firstName),
    lastName: text(contact.lastName),
    email: text(contact.email),
    phone: text(contact.phone),
    companyName: text(contact.companyName),
    address1: text(contact.address1 ?? contact.address),
    city: text(contact.city),
    state: text(contact.state),
    postalCode: text(contact.postalCode),
    country: text(contact.country),
    website: text(contact.website),
    timezone: text(contact.timezone),
    source: text(contact.source),
    type: text(contact.type),
    dnd: contact.dnd ?? false,
    assignedTo: text(contact.assignedTo),
    businessId: text(contact.businessId),
    dateOfBirth: isoDate(contact.dateOfBirth) ?? '',
    dateAdded: isoDateTime(contact.dateAdded) ?? '',
    dateUpdated: isoDateTime(contact.dateUpdated) ?? isoDateTime(contact.dateAdded) ?? '',
    tags,
    tagsText: tags.join(', '),
    followers: contact.followers ?? [],
    locationId: text(contact.locationId),
    customFields: (contact.customFields ?? []).map(({ id, value }) => ({ id: id ?? '', value })),
    [OUTPUT_PARENT]: customFieldValues(contact.customFields ?? undefined, definitions),
  };
};
export type ContactOutput = ReturnType<typeof contactOutput>;

export const contactOutputFields = [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'fullName', label: 'Full Name', type: 'string' },
  { key: 'firstName', label: 'First Name', type: 'string' },
  { key: 'lastName', label: 'Last Name', type: 'string' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'phone', label: 'Phone', type: 'string' },
  { key: 'companyName', label: 'Company Name', type: 'string' },
  { key: 'address1', label: 'Street Address', type: 'string' },
  { key: 'city', label: 'City', type: 'string' },
  { key: 'state', label: 'State', type: 'string' },
  { key: 'postalCode', label: 'Postal Code', type: 'string' },
  { key: 'country', label: 'Country', type: 'string' },
  { key: 'website', label: 'Website', type: 'string' },
  { key: 'timezone', label: 'Time Zone', type: 'string' },
  { key: 'source', label: 'Source', type: 'string' },
  { key: 'type', label: 'Contact Type', type: 'string' },
  { key: 'dnd', label: 'Do Not Disturb', type: 'boolean' },
  { key: 'assignedTo', label: 'Assigned User ID', type: 'string' },
  { key: 'businessId', label: 'Business ID', type: 'string' },
  { key: 'dateOfBirth', label: 'Date of Birth', type: 'string' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'dateUpdated', label: 'Date Updated', type: 'datetime' },
  { key: 'tags', label: 'Tags', type: 'string', list: true },
  { key: 'tagsText', label: 'Tags (Comma-Separated)', type: 'string' },
  { key: 'followers', label: 'Follower User IDs', type: 'string', list: true },
  { key: 'locationId', label: 'Location ID', type: 'string' },
  { key: 'customFields[]id', label: 'Custom Field ID', type: 'string' },
  { key: 'customFields[]value', label: 'Custom Field Value' },
] as const;

/** A real contact as HighLevel returns it, after contactOutput (values from HighLevel's docs). */
export const contactSample: ContactOutput = {
  id: 'seD4PfOuKoVMLkEZqohJ',
  fullName: 'Rosan Deo',
  firstName: 'Rosan',
  lastName: 'Deo',
  email: 'rosan@deos.com',
  phone: '+18888888888',
  companyName: 'DGS VolMAX',
  address1: '3535 1st St N',
  city: 'Dolomite',
  state: 'AL',
  postalCode: '35061',
  country: 'US',
  website: 'https://www.tesla.com',
  timezone: 'America/Chihuahua',
  source: 'public api',
  type: 'lead',
  dnd: false,
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  businessId: '641c094001436dbc2081e642',
  dateOfBirth: '1990-09-25',
  dateAdded: '2026-10-02T14:07:31.000Z',
  dateUpdated: '2026-10-05T09:12:45.000Z',
  tags: ['nisi sint commodo amet', 'consequat'],
  tagsText: 'nisi sint commodo amet, consequat',
  followers: [],
  locationId: 've9EPM428h8vShlRW1KT',
  customFields: [{ id: 'MgobCB14YMVKuE4Ka8p1', value: 'name' }],
  [OUTPUT_PARENT]: { pet_name: 'name' },
};
