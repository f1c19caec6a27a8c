// The seeded contacts, as a readable table. Acme Dental disallows duplicates, so every Acme email
// and phone is unique; Bright Smiles allows them, so two of its contacts share a phone.
import { CustomFieldValue } from './model/types';
import { SEED } from './seedData';

export interface SeedContactRow {
  id?: string;
  locationId?: string;
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  companyName?: string;
  address1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  source?: string;
  type?: 'lead' | 'customer';
  dnd?: boolean;
  assignedTo?: string;
  tags?: string[];
  followers?: string[];
  businessId?: string;
  dateOfBirth?: string;
  customFields?: CustomFieldValue[];
  daysAgo: number;
  updatedAfterDays: number;
}

const cf = SEED.customFields;
const { dana, marcus, priya } = SEED.users;

export function seedContactRows(): SeedContactRow[] {
  return [
    {
      id: SEED.contacts.janeCooper,
      firstName: 'Jane',
      lastName: 'Cooper',
      email: 'jane.cooper@example.com',
      phone: '+13125550101',
      companyName: 'Northside Logistics LLC',
      address1: '1457 W Addison St',
      postalCode: '60613',
      source: 'google ads',
      type: 'customer',
      assignedTo: marcus,
      tags: ['new patient', 'invisalign lead', 'insurance verified'],
      followers: [dana],
      businessId: SEED.businesses.northside,
      dateOfBirth: '1988-04-12T00:00:00.000Z',
      customFields: [
        { id: cf.preferredDentist.id, value: 'Dr. Alvarez' },
        { id: cf.visitsPerYear.id, value: 2 },
        { id: cf.outstandingBalance.id, value: 125.5 },
        { id: cf.insuranceProvider.id, value: 'Delta Dental' },
        { id: cf.contactPreferences.id, value: ['Email', 'SMS'] },
        { id: cf.servicesInterested.id, value: ['Invisalign', 'Whitening'] },
      ],
      daysAgo: 41,
      updatedAfterDays: 30,
    },
    {
      id: SEED.contacts.robertFox,
      firstName: 'Robert',
      lastName: 'Fox',
      email: 'robert.fox@example.com',
      phone: '+13125550102',
      companyName: 'Harbor Coffee Roasters',
      source: 'referral',
      assignedTo: marcus,
      tags: ['referral'],
      businessId: SEED.businesses.harbor,
      customFields: [{ id: cf.outstandingBalance.id, value: 340 }],
      daysAgo: 37,
      updatedAfterDays: 2,
    },
    {
      id: SEED.contacts.estherHoward,
      firstName: 'Esther',
      lastName: 'Howard',
      email: 'esther.howard@example.com',
      phone: '+13125550103',
      source: 'instagram',
      type: 'customer',
      tags: ['vip', 'newsletter'],
      followers: [priya],
      customFields: [{ id: cf.referralSource.id, value: 'Instagram' }],
      daysAgo: 33,
      updatedAfterDays: 12,
    },
    {
      firstName: 'Cameron',
      lastName: 'Williamson',
      email: 'cameron.w@example.com',
      phone: '+13125550104',
      tags: ['new patient'],
      assignedTo: priya,
      daysAgo: 30,
      updatedAfterDays: 1,
    },
    {
      firstName: 'Brooklyn',
      lastName: 'Simmons',
      email: 'brooklyn.simmons@example.com',
      phone: '+13125550105',
      tags: ['hygiene recall'],
      daysAgo: 29,
      updatedAfterDays: 20,
    },
    {
      firstName: 'Leslie',
      lastName: 'Alexander',
      email: 'leslie.alexander@example.com',
      tags: ['newsletter'],
      source: 'website form',
      daysAgo: 27,
      updatedAfterDays: 0,
    },
    {
      firstName: 'Guy',
      lastName: 'Hawkins',
      phone: '+13125550107',
      tags: ['no-show'],
      assignedTo: dana,
      daysAgo: 26,
      updatedAfterDays: 3,
    },
    {
      firstName: 'Kristin',
      lastName: 'Watson',
      email: 'kristin.watson@example.com',
      phone: '+13125550108',
      companyName: 'Northside Logistics LLC',
      businessId: SEED.businesses.northside,
      tags: ['insurance verified'],
      daysAgo: 24,
      updatedAfterDays: 5,
    },
    {
      firstName: 'Jacob',
      lastName: 'Jones',
      email: 'jacob.jones@example.com',
      phone: '+13125550109',
      dnd: true,
      tags: ['hygiene recall'],
      daysAgo: 22,
      updatedAfterDays: 7,
    },
    {
      firstName: 'Savannah',
      lastName: 'Nguyen',
      email: 'savannah.nguyen@example.com',
      phone: '+13125550110',
      tags: ['vip', 'invisalign lead'],
      assignedTo: marcus,
      daysAgo: 21,
      updatedAfterDays: 1,
    },
    {
      firstName: 'Darlene',
      lastName: 'Robertson',
      email: 'darlene.r@example.com',
      tags: ['referral', 'newsletter'],
      daysAgo: 19,
      updatedAfterDays: 9,
    },
    {
      firstName: 'Marvin',
      lastName: 'McKinney',
      email: 'marvin.mckinney@example.com',
      phone: '+13125550112',
      source: 'walk-in',
      daysAgo: 18,
      updatedAfterDays: 0,
    },
    {
      firstName: 'Theresa',
      lastName: 'Webb',
      email: 'theresa.webb@example.com',
      phone: '+13125550113',
      tags: ['new patient', 'newsletter'],
      dateOfBirth: '1975-11-02T00:00:00.000Z',
      daysAgo: 16,
      updatedAfterDays: 4,
    },
    {
      firstName: 'Courtney',
      lastName: 'Henry',
      email: 'courtney.henry@example.com',
      phone: '+13125550114',
      assignedTo: priya,
      daysAgo: 15,
      updatedAfterDays: 2,
    },
    {
      firstName: 'Wade',
      lastName: 'Warren',
      email: 'wade.warren@example.com',
      phone: '+13125550115',
      companyName: 'Harbor Coffee Roasters',
      businessId: SEED.businesses.harbor,
      tags: ['no-show'],
      daysAgo: 13,
      updatedAfterDays: 1,
    },
    {
      firstName: 'Albert',
      lastName: 'Flores',
      email: 'albert.flores@example.com',
      tags: ['hygiene recall'],
      daysAgo: 12,
      updatedAfterDays: 6,
    },
    {
      firstName: 'Ronald',
      lastName: 'Richards',
      email: 'ronald.richards@example.com',
      phone: '+13125550117',
      source: 'google ads',
      daysAgo: 10,
      updatedAfterDays: 0,
    },
    {
      firstName: 'Annette',
      lastName: 'Black',
      email: 'annette.black@example.com',
      phone: '+13125550118',
      tags: ['vip'],
      assignedTo: dana,
      daysAgo: 9,
      updatedAfterDays: 3,
    },
    {
      firstName: 'Jerome',
      lastName: 'Bell',
      email: 'jerome.bell@example.com',
      tags: ['invisalign lead'],
      daysAgo: 8,
      updatedAfterDays: 1,
    },
    {
      firstName: 'Eleanor',
      lastName: 'Pena',
      email: 'eleanor.pena@example.com',
      phone: '+13125550120',
      tags: ['new patient'],
      daysAgo: 6,
      updatedAfterDays: 2,
    },
    {
      firstName: 'Dianne',
      lastName: 'Russell',
      email: 'dianne.russell@example.com',
      phone: '+13125550121',
      source: 'referral',
      tags: ['referral'],
      daysAgo: 5,
      updatedAfterDays: 1,
    },
    {
      firstName: 'Floyd',
      lastName: 'Miles',
      email: 'floyd.miles@example.com',
      phone: '+13125550122',
      daysAgo: 4,
      updatedAfterDays: 0,
    },
    {
      firstName: 'Kathryn',
      lastName: 'Murphy',
      email: 'kathryn.murphy@example.com',
      tags: ['newsletter'],
      assignedTo: marcus,
      daysAgo: 3,
      updatedAfterDays: 1,
    },
    {
      firstName: 'Devon',
      lastName: 'Lane',
      email: 'devon.lane@example.com',
      phone: '+13125550124',
      tags: ['new patient', 'vip'],
      daysAgo: 2,
      updatedAfterDays: 0,
    },
    {
      firstName: 'Arlene',
      lastName: 'McCoy',
      email: 'arlene.mccoy@example.com',
      phone: '+13125550125',
      source: 'instagram',
      daysAgo: 1,
      updatedAfterDays: 0,
    },
    // Bright Smiles Orthodontics (duplicates allowed: Mia and Noah share a family phone).
    {
      id: SEED.contacts.brightContact,
      locationId: SEED.locations.bright,
      firstName: 'Mia',
      lastName: 'Thompson',
      email: 'mia.thompson@example.com',
      phone: '+16175550150',
      city: 'Boston',
      state: 'MA',
      daysAgo: 14,
      updatedAfterDays: 2,
    },
    {
      locationId: SEED.locations.bright,
      firstName: 'Noah',
      lastName: 'Thompson',
      email: 'noah.thompson@example.com',
      phone: '+16175550150',
      city: 'Boston',
      state: 'MA',
      daysAgo: 14,
      updatedAfterDays: 0,
    },
    {
      locationId: SEED.locations.bright,
      firstName: 'Lucas',
      lastName: 'Bennett',
      email: 'lucas.bennett@example.com',
      phone: '+16175550151',
      city: 'Cambridge',
      state: 'MA',
      daysAgo: 7,
      updatedAfterDays: 1,
    },
  ];
}
