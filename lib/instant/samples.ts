// Real recent items for the Zap editor (performList) where the polling twin's read needs a
// contact: HighLevel has no location-wide read of notes, nor one of tasks or appointments within
// the app's scopes. So the twin's own read runs over the most recently changed contacts.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactSearchSchema } from './schemas';
import { callHighLevel, locationIdOf } from '../http/client';

/**
 * The bundle of an editor's sample read. A hook's performList runs only in the editor, and a
 * polling twin's read run for it must read like the twin's own editor test: its first page,
 * never a Zap's polling progress (a hook has no z.cursor).
 */
export const asSampleRead = (bundle: Bundle): Bundle => ({
  ...bundle,
  meta: { ...bundle.meta, isLoadingSample: true, isPopulatingDedupe: false },
});

type Item = Record<string, unknown>;
type PollingRead = (z: ZObject, bundle: Bundle) => Promise<Item[]>;

/** A polling twin's read (its perform), run as the instant trigger's performList. */
export const twinSamples =
  (twin: { operation: unknown }) =>
  (z: ZObject, bundle: Bundle): Promise<Item[]> =>
    (twin.operation as { perform: PollingRead }).perform(z, asSampleRead(bundle));

/** Contacts whose records are read, at most: one search plus this many reads. */
export const SAMPLE_CONTACTS = 5;
/** Enough items for the editor to offer a choice; reading stops once this many are found. */
export const SAMPLE_ITEMS = 10;

/** The ids of the sub-account's most recently changed contacts, newest first. */
export const recentlyChangedContactIds = async (
  z: ZObject,
  bundle: Bundle,
  count: number,
): Promise<string[]> => {
  const { contacts } = await callHighLevel(
    z,
    {
      method: 'POST',
      path: '/contacts/search',
      body: {
        locationId: locationIdOf(bundle),
        pageLimit: count,
        sort: [{ field: 'dateUpdated', direction: 'desc' }],
      },
    },
    contactSearchSchema,
  );
  return contacts.map((contact) => contact.id);
};

/**
 * Up to SAMPLE_ITEMS records that `keep` accepts, read with `readOf` from the most recently
 * changed contacts (one request each, SAMPLE_CONTACTS at most), each with its contact's id.
 */
export const recordsOfRecentContacts = async <T>(
  z: ZObject,
  bundle: Bundle,
  readOf: (contactId: string) => Promise<T[]>,
  keep: (record: T) => boolean = () => true,
): Promise<Array<{ contactId: string; record: T }>> => {
  const found: Array<{ contactId: string; record: T }> = [];
  for (const contactId of await recentlyChangedContactIds(z, bundle, SAMPLE_CONTACTS)) {
    for (const record of await readOf(contactId)) {
      if (keep(record)) found.push({ contactId, record });
    }
    if (found.length >= SAMPLE_ITEMS) break;
  }
  return found.slice(0, SAMPLE_ITEMS);
};
