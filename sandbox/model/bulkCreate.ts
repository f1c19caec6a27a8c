// Test and benchmark helper: many contacts straight into the store, without HTTP, duplicate
// checks or per-contact saves, with realistic names and unique emails.
import type { Store } from '../store';
import { blankContact, requireLocation } from './contactWrites';
import { newId } from './ids';
import { normalizeTags } from './normalize';
import { ContactRecord } from './types';

export interface BulkCreateOptions {
  /** dateAdded (and dateUpdated) of every created contact; spread one second apart when absent. */
  at?: Date;
  tags?: string[];
}

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Lucas',
  'Mia',
  'Mateo',
  'Isabella',
  'Ethan',
  'Amelia',
  'Logan',
  'Harper',
  'James',
];
const LAST_NAMES = [
  'Garcia',
  'Nguyen',
  'Patel',
  'Johnson',
  'Kim',
  'Rossi',
  'Okafor',
  'Silva',
  'Schmidt',
  'Cohen',
  'Dubois',
  'Tanaka',
  'Walker',
  'Lopez',
  'Haddad',
  'Murphy',
];

export function bulkCreateContacts(
  store: Store,
  locationId: string,
  count: number,
  options: BulkCreateOptions = {},
): ContactRecord[] {
  requireLocation(store, locationId);
  const created: ContactRecord[] = [];
  const now = Date.now();
  const batch = newId().slice(0, 6).toLowerCase();
  const tags = normalizeTags(options.tags ?? []);
  for (const tag of tags) store.ensureTag(locationId, tag);
  for (let i = 0; i < count; i++) {
    const firstName = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const lastName = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const at = options.at ?? new Date(now - (count - i) * 1000);
    const contact = blankContact(locationId, { dateAdded: at, dateUpdated: at });
    contact.firstName = firstName;
    contact.lastName = lastName;
    contact.email = `${firstName}.${lastName}.${batch}${i}@example.com`.toLowerCase();
    contact.phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    contact.source = 'bulk import';
    contact.tags = [...tags];
    store.putContact(contact);
    created.push(contact);
  }
  store.changed();
  return created;
}
