// Fixed identifiers of the seeded demo data, for tests (of the sandbox and of the app) to rely on.

export const SEED = {
  companyId: 'Ud9hN3kXqPz7Lw2mVb4c',
  locations: {
    /**
     * "Acme Dental": duplicates NOT allowed, matched phone first, then email (not the default
     * order, so tests exercise it: an upsert with both updates the phone's contact),
     * America/Chicago.
     */
    acme: 've9EPM428h8vShlRW1KT',
    /** "Bright Smiles Orthodontics": duplicates allowed, America/New_York. */
    bright: 'Bq7TzL2mXc9RfW4nKp1s',
  },
  users: {
    /** Acme admin; the installing user of Acme tokens. */
    dana: 'Uq4RtY8wPz2NcV6bXm3L',
    marcus: 'Hk9JmN2bVc5XzQ7wLp4R',
    priya: 'Zt3GfD8sAq1WeR6yUi9O',
    /** Bright Smiles admin; the installing user of Bright Smiles tokens. */
    owen: 'Rm5KpL8nBv2CxZ4aSd7F',
  },
  tags: [
    'new patient',
    'vip',
    'invisalign lead',
    'newsletter',
    'referral',
    'insurance verified',
    'no-show',
    'hygiene recall',
  ],
  customFields: {
    preferredDentist: {
      id: 'cF1aTxT7pR2dQw9eLm4K',
      key: 'contact.preferred_dentist',
      dataType: 'TEXT',
    },
    medicalNotes: {
      id: 'cF2bLgT8nS3fRe1wKp5J',
      key: 'contact.medical_notes',
      dataType: 'LARGE_TEXT',
    },
    visitsPerYear: {
      id: 'cF3cNuM9mT4gSr2eJo6H',
      key: 'contact.visits_per_year',
      dataType: 'NUMERICAL',
    },
    outstandingBalance: {
      id: 'cF4dMoN1lU5hTt3rHi7G',
      key: 'contact.outstanding_balance',
      dataType: 'MONETORY',
    },
    emergencyPhone: {
      id: 'cF5ePhN2kV6jUy4tGu8F',
      key: 'contact.emergency_contact_phone',
      dataType: 'PHONE',
    },
    lastCleaning: {
      id: 'cF6fDtE3jW7kVu5yFy9D',
      key: 'contact.last_cleaning_date',
      dataType: 'DATE',
    },
    contactPreferences: {
      id: 'cF7gCbX4hX8lWi6uDt1S',
      key: 'contact.contact_preferences',
      dataType: 'CHECKBOX',
    },
    insuranceProvider: {
      id: 'cF8hSoP5gY9mXo7iSr2A',
      key: 'contact.insurance_provider',
      dataType: 'SINGLE_OPTIONS',
    },
    servicesInterested: {
      id: 'cF9iMuL6fZ1nYp8oAe3Q',
      key: 'contact.services_interested_in',
      dataType: 'MULTIPLE_OPTIONS',
    },
    referralSource: {
      id: 'cG1jRaD7eA2oZa9pQw4W',
      key: 'contact.referral_source',
      dataType: 'RADIO',
    },
    familyMembers: {
      id: 'cG2kTbL8dB3pAs1aWe5E',
      key: 'contact.family_members',
      dataType: 'TEXTBOX_LIST',
    },
    insuranceCard: {
      id: 'cG3lFiU9cC4qSd2sEr6R',
      key: 'contact.insurance_card',
      dataType: 'FILE_UPLOAD',
    },
  },
  campaigns: {
    whitening: 'cMp7Hq2LzX9vB4nR1tYw',
    recall: 'cMp3Ks8PdF6gJ1wQ5eZr',
  },
  workflows: {
    welcome: '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    noShow: '3a7b9c1d-2e4f-4a6b-8c0d-1e2f3a4b5c6d',
  },
  businesses: {
    northside: '64f1a2b3c4d5e6f7a8b9c0d1',
    harbor: '64f1a2b3c4d5e6f7a8b9c0d2',
  },
  contacts: {
    /** Has tasks (one completed), notes and appointments, custom field values, tags, a business. */
    janeCooper: 'JnC7oPr2QwE5rT8yUi1O',
    /** Has a task and a note; assigned to Marcus; in the Harbor business. */
    robertFox: 'RbF3xQz6WsE9dC2vTg5Y',
    /** Tagged "vip", follows by Priya; has an appointment. */
    estherHoward: 'EsH4wRd7TfG1hJ5kLz8X',
    /** A contact of the Bright Smiles location (for cross-location 403 tests). */
    brightContact: 'BrS9mLk2JhG5fD8sAq3W',
  },
} as const;
