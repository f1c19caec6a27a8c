// Deterministic, realistic demo data: two locations of one agency, users, tags, custom fields,
// campaigns, workflows, businesses and ~25 contacts (dates spread over past weeks, all at least
// an hour old) with tasks, notes and appointments.
import { seededIds } from './model/ids';
import { DAY, HOUR } from './model/timestamps';
import { ContactRecord, CustomFieldRecord } from './model/types';
import { seedActivities } from './seedActivities';
import { SEED } from './seedData';
import { seedContactRows, SeedContactRow } from './seedContacts';
import type { Store } from './store';

export function seedStore(store: Store, now = Date.now()): void {
  const nextId = seededIds(20260728);
  seedLocations(store);
  seedUsers(store);
  for (const name of SEED.tags) {
    const id = nextId();
    store.tags.set(id, { id, name, locationId: SEED.locations.acme });
  }
  seedCustomFields(store);
  seedCatalog(store, now);
  const contacts = seedContacts(store, nextId, now);
  seedActivities(store, nextId, contacts, now);
}

function seedLocations(store: Store): void {
  store.locations.set(SEED.locations.acme, {
    id: SEED.locations.acme,
    companyId: SEED.companyId,
    name: 'Acme Dental',
    email: 'frontdesk@acmedental.example',
    phone: '+13125550100',
    address: '2210 N Clark St',
    city: 'Chicago',
    state: 'IL',
    country: 'US',
    postalCode: '60614',
    website: 'https://acmedental.example',
    timezone: 'America/Chicago',
    settings: {
      allowDuplicateContact: false,
      allowDuplicateOpportunity: false,
      allowFacebookNameMerge: false,
      disableContactTimezone: false,
    },
    // A front desk that knows patients by their phone number: HighLevel lets a location put phone
    // first, and the sandbox seeds it so that order is exercised, not only the default.
    duplicatePriority: ['phone', 'email'],
  });
  store.locations.set(SEED.locations.bright, {
    id: SEED.locations.bright,
    companyId: SEED.companyId,
    name: 'Bright Smiles Orthodontics',
    email: 'hello@brightsmiles.example',
    phone: '+16175550142',
    address: '88 Beacon St',
    city: 'Boston',
    state: 'MA',
    country: 'US',
    postalCode: '02108',
    website: 'https://brightsmiles.example',
    timezone: 'America/New_York',
    settings: {
      allowDuplicateContact: true,
      allowDuplicateOpportunity: true,
      allowFacebookNameMerge: true,
      disableContactTimezone: false,
    },
    duplicatePriority: ['email', 'phone'],
  });
}

function seedUsers(store: Store): void {
  const acme = [SEED.locations.acme];
  const users = [
    {
      id: SEED.users.dana,
      firstName: 'Dana',
      lastName: 'Whitfield',
      role: 'admin',
      locationIds: acme,
    },
    {
      id: SEED.users.marcus,
      firstName: 'Marcus',
      lastName: 'Lee',
      role: 'user',
      locationIds: acme,
    },
    { id: SEED.users.priya, firstName: 'Priya', lastName: 'Nair', role: 'user', locationIds: acme },
    {
      id: SEED.users.owen,
      firstName: 'Owen',
      lastName: 'Park',
      role: 'admin',
      locationIds: [SEED.locations.bright],
    },
  ] as const;
  users.forEach((user, index) => {
    store.users.set(user.id, {
      ...user,
      locationIds: [...user.locationIds],
      companyId: SEED.companyId,
      email: `${user.firstName.toLowerCase()}@${index < 3 ? 'acmedental' : 'brightsmiles'}.example`,
      phone: `+1312555${String(200 + index).padStart(4, '0')}`,
      type: 'account',
    });
  });
}

const PICKLISTS: Partial<Record<keyof typeof SEED.customFields, string[]>> = {
  contactPreferences: ['Email', 'SMS', 'Phone Call'],
  insuranceProvider: ['Delta Dental', 'Cigna', 'Aetna', 'MetLife', 'None'],
  servicesInterested: ['Cleaning', 'Whitening', 'Invisalign', 'Implants', 'Veneers'],
  referralSource: ['Google', 'Friend', 'Instagram', 'Walk-in'],
  familyMembers: ['Spouse', 'Child 1', 'Child 2'],
};

const FIELD_NAMES: Record<keyof typeof SEED.customFields, [string, string]> = {
  preferredDentist: ['Preferred Dentist', 'Dr. ...'],
  medicalNotes: ['Medical Notes', 'Allergies, medications, conditions'],
  visitsPerYear: ['Visits Per Year', '2'],
  outstandingBalance: ['Outstanding Balance', '0.00'],
  emergencyPhone: ['Emergency Contact Phone', '+1 555 555 5555'],
  lastCleaning: ['Last Cleaning Date', 'YYYY-MM-DD'],
  contactPreferences: ['Contact Preferences', ''],
  insuranceProvider: ['Insurance Provider', 'Select a provider'],
  servicesInterested: ['Services Interested In', ''],
  referralSource: ['Referral Source', ''],
  familyMembers: ['Family Members', ''],
  insuranceCard: ['Insurance Card', ''],
};

function seedCustomFields(store: Store): void {
  const entries = Object.entries(SEED.customFields) as Array<
    [keyof typeof SEED.customFields, (typeof SEED.customFields)[keyof typeof SEED.customFields]]
  >;
  entries.forEach(([name, field], position) => {
    const [label, placeholder] = FIELD_NAMES[name];
    const record: CustomFieldRecord = {
      id: field.id,
      locationId: SEED.locations.acme,
      name: label,
      fieldKey: field.key,
      placeholder,
      dataType: field.dataType,
      position: position * 50,
      picklistOptions: PICKLISTS[name] ?? [],
      isAllowedCustomOption: false,
      model: 'contact',
    };
    store.customFields.set(record.id, record);
  });
}

function seedCatalog(store: Store, now: number): void {
  const acme = SEED.locations.acme;
  store.campaigns.set(SEED.campaigns.whitening, {
    id: SEED.campaigns.whitening,
    name: 'Spring Whitening Promo',
    status: 'published',
    locationId: acme,
  });
  store.campaigns.set(SEED.campaigns.recall, {
    id: SEED.campaigns.recall,
    name: 'Six-Month Recall Reminders',
    status: 'published',
    locationId: acme,
  });
  const created = new Date(now - 120 * DAY).toISOString();
  const updated = new Date(now - 30 * DAY).toISOString();
  store.workflows.set(SEED.workflows.welcome, {
    id: SEED.workflows.welcome,
    name: 'New Patient Welcome',
    status: 'published',
    version: 4,
    createdAt: created,
    updatedAt: updated,
    locationId: acme,
  });
  store.workflows.set(SEED.workflows.noShow, {
    id: SEED.workflows.noShow,
    name: 'No-Show Follow-up',
    status: 'draft',
    version: 1,
    createdAt: created,
    updatedAt: updated,
    locationId: acme,
  });
  const business = {
    locationId: acme,
    country: 'US',
    state: 'IL',
    city: 'Chicago',
    createdAt: created,
    updatedAt: updated,
  };
  store.businesses.set(SEED.businesses.northside, {
    ...business,
    id: SEED.businesses.northside,
    name: 'Northside Logistics LLC',
    phone: '+13125550177',
    email: 'benefits@northsidelogistics.example',
    website: 'https://northsidelogistics.example',
    address: '4100 W Belmont Ave',
    postalCode: '60641',
    description: 'Employer dental plan partner',
  });
  store.businesses.set(SEED.businesses.harbor, {
    ...business,
    id: SEED.businesses.harbor,
    name: 'Harbor Coffee Roasters',
    phone: '+13125550188',
    email: 'team@harborcoffee.example',
    website: 'https://harborcoffee.example',
    address: '901 W Randolph St',
    postalCode: '60607',
    description: 'Corporate wellness account',
  });
}

function seedContacts(store: Store, nextId: () => string, now: number): ContactRecord[] {
  return seedContactRows().map((row, index) => {
    const contact = contactFromRow(row, row.id ?? nextId(), now, index);
    store.putContact(contact);
    return contact;
  });
}

function contactFromRow(
  row: SeedContactRow,
  id: string,
  now: number,
  index: number,
): ContactRecord {
  // Added between 1 and ~50 days ago; updated later, but never within the last hour.
  const added = now - row.daysAgo * DAY - (index % 7) * HOUR - 2 * HOUR;
  const updated = Math.min(now - HOUR - index * 60_000, added + row.updatedAfterDays * DAY);
  return {
    id,
    locationId: row.locationId ?? SEED.locations.acme,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email ?? null,
    phone: row.phone ?? null,
    companyName: row.companyName ?? null,
    address1: row.address1 ?? null,
    city: row.city ?? 'Chicago',
    state: row.state ?? 'IL',
    postalCode: row.postalCode ?? null,
    country: 'US',
    website: null,
    timezone: row.locationId === SEED.locations.bright ? 'America/New_York' : 'America/Chicago',
    gender: null,
    source: row.source ?? 'website form',
    type: row.type ?? 'lead',
    dnd: row.dnd ?? false,
    dndSettings: row.dnd
      ? { SMS: { status: 'active', message: 'Opted out by text', code: 'STOP' } }
      : {},
    inboundDndSettings: {},
    assignedTo: row.assignedTo ?? null,
    tags: [...(row.tags ?? [])],
    customFields: row.customFields ?? [],
    dateOfBirth: row.dateOfBirth ?? null,
    businessId: row.businessId ?? null,
    followers: [...(row.followers ?? [])],
    additionalEmails: [],
    campaignIds: [],
    workflowIds: [],
    attributionSource: {
      url: 'https://acmedental.example/book',
      medium: 'form',
      sessionSource: row.source === 'google ads' ? 'Paid Search' : 'Direct traffic',
    },
    dateAdded: new Date(added).toISOString(),
    dateUpdated: new Date(Math.max(updated, added)).toISOString(),
  };
}
