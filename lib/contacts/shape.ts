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

/** What makes a record's field readable again, where HighLevel is known to send it loosely. */
const repairs: Partial<Record<keyof Contact, (value: unknown) => unknown>> = {
  // `tags: [null, "vip"]`: the readable tags stay.
  tags: (value) => (Array.isArray(value) ? value.filter((tag) => typeof tag === 'string') : value),
  // `dnd: "false"`: the boolean it spells.
  dnd: (value) => (value === 'true' ? true : value === 'false' ? false : value),
};

const DATE_FIELDS = ['dateAdded', 'dateUpdated', 'dateOfBirth'] as const;

/** Absent, or a date the app can output: epoch ms or text that Date reads. */
const isReadableDate = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && (value === '' || !Number.isNaN(Date.parse(isoDateTime(value)!))));

const describe = (id: unknown) => (typeof id === 'string' && id ? `Contact ${id}` : 'A contact');

/**
 * One record of a list as the app reads it, never failing the list: a field HighLevel sent in a
 * shape the app cannot read is repaired when it spells a value (tags with nulls, dnd as text) or
 * else dropped, and the log names what was dropped. A record without an id cannot be delivered
 * (Zapier dedupes by it): it is left out, and the log says so. undefined: left out.
 */
export const readContact = (row: unknown, log: (line: string) => void): Contact | undefined => {
  if (typeof row !== 'object' || row === null) {
    log('A contact that is not an object was left out.');
    return undefined;
  }
  const record: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  const dropped: string[] = DATE_FIELDS.filter((field) => !isReadableDate(record[field]));
  for (const field of dropped) delete record[field];
  for (const [field, repair] of Object.entries(repairs)) {
    if (field in record) record[field] = repair!(record[field]);
  }
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const result = contactSchema.safeParse(record);
    if (result.success) {
      if (dropped.length > 0) {
        log(`${describe(record.id)}: dropped what could not be read (${dropped.join(', ')}).`);
      }
      return result.data;
    }
    const fields = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')))];
    if (fields.includes('id') || fields.includes('')) break;
    for (const field of fields) {
      delete record[field];
      dropped.push(field);
    }
  }
  log(`${describe(record.id)} was left out: it has no readable id.`);
  return undefined;
};

/** Every readable record of a list (readContact), in order. */
export const readContacts = (rows: readonly unknown[], log: (line: string) => void): Contact[] =>
  rows.flatMap((row) => readContact(row, log) ?? []);

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
