// ContactTagUpdate carries only the contact's current tags. The relay keeps, per contact, every
// tag it has seen on it (from ContactCreate, ContactUpdate and ContactTagUpdate bodies), and a tag
// counts as added the first time it appears: once per contact and tag, never for a tag the contact
// already had, and not again when a removed tag comes back (like the polling trigger).
//
// A contact the relay has never seen (created before the app was installed): every current tag
// counts as added. The relay holds no token to look the contact up, and missing the tag that was
// just added to an existing contact (the common case) is worse than firing once for its older tags.

/** HighLevel lower-cases tags; compare them the same way. */
export const normalizeTag = (tag: string): string => tag.trim().toLowerCase();

export const tagsOf = (body: Record<string, unknown>): string[] =>
  Array.isArray(body.tags)
    ? body.tags.filter((tag): tag is string => typeof tag === 'string').map(normalizeTag)
    : [];

/** The tags of `current` not in `known` (undefined: contact never seen, so all of them). */
export function tagsAdded(
  known: readonly string[] | undefined,
  current: readonly string[],
): string[] {
  const had = new Set(known ?? []);
  return [...new Set(current)].filter((tag) => !had.has(tag));
}
