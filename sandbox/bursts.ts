// Bursts as a user importing or bulk-editing contacts makes them, straight in the store (no HTTP
// per contact): the benchmark and the end-to-end tests use bursts of 20,000 and 50,000. New
// contacts come from bulkCreateContacts; this changes existing ones in one go, all at one date,
// as a bulk action in HighLevel does.
import type { Store } from './store';
import { ContactRecord } from './model/types';

/** The sizes the benchmark and the end-to-end tests use. */
export const BURST_SIZES = [20_000, 50_000] as const;

export interface BulkChange {
  /** How many contacts change: the oldest-added that are not changed yet by this tag. */
  count: number;
  /** Tag to add (creating it for the location when it is new); none: only dateUpdated moves. */
  tag?: string;
  /** When they change (default now): dateUpdated of every changed contact. */
  at?: Date;
}

/** Changes `count` contacts of `locationId` at once and returns them. */
export function bulkChangeContacts(
  store: Store,
  locationId: string,
  { count, tag, at = new Date() }: BulkChange,
): ContactRecord[] {
  const name = tag ? store.ensureTag(locationId, tag).name : undefined;
  const candidates = [...store.contactsOf(locationId)]
    .filter((contact) => !name || !contact.tags.includes(name))
    .sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded));
  const changed = candidates.slice(0, count);
  const stamp = at.toISOString();
  for (const contact of changed) {
    if (name) contact.tags = [...contact.tags, name];
    contact.dateUpdated = stamp;
  }
  store.changed();
  return changed;
}
