// Contact events as the contact triggers' output. HighLevel's contact event is a flat contact
// without `dateUpdated`, `timezone`, `businessId`, `followers` and the contact's type (its `type`
// is the event's name). One GET /contacts/{contactId} fills them all, so the instant triggers
// return exactly what their polling twins return; only a contact deleted since (and Contact
// Deleted itself) keeps the event's fields, the missing ones empty and `dateUpdated` the event's
// time.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactResults } from '../contacts/search';
import { contactSchema, type Contact, type ContactOutput } from '../contacts/shape';
import { callHighLevelOrNull } from '../http/client';
import { parseDelivered, type Delivery } from './deliveries';
import { contactResponseSchema, tagsAddedSchema } from './schemas';

/** The contact a contact event carries, as HighLevel sent it. */
export const deliveredContact = (delivery: Delivery): Contact => {
  const { type: _event, timestamp, ...fields } = delivery;
  const contact = parseDelivered(contactSchema, fields, delivery);
  const changedAt =
    typeof timestamp === 'string' || typeof timestamp === 'number' ? timestamp : undefined;
  return { ...contact, dateUpdated: contact.dateUpdated ?? changedAt };
};

/** The contact as HighLevel has it now; null once it is deleted. */
const currentContact = async (z: ZObject, contactId: string): Promise<Contact | null> => {
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}', pathParams: { contactId } },
    contactResponseSchema,
  );
  return found?.contact ?? null;
};

/**
 * The delivered contact as output, custom fields labelled (definitions from the connection's
 * cache). `current`: read the contact's fields the event leaves out (one request).
 */
export const contactOfDelivery = async (
  z: ZObject,
  bundle: Bundle,
  delivery: Delivery,
  { current }: { current: boolean },
): Promise<ContactOutput> => {
  const delivered = deliveredContact(delivery);
  const contact = current
    ? currentContact(z, delivered.id).then((found) => found ?? delivered)
    : Promise.resolve(delivered);
  const [output] = await contactResults(
    z,
    bundle,
    contact.then((one) => [one]),
  );
  return output as ContactOutput;
};

/** Fields a contact event leaves out, and that nothing can read back once the contact is deleted. */
export const withoutFieldsOfDeletedContact = (contact: ContactOutput): ContactOutput => ({
  ...contact,
  timezone: '',
  type: '',
  businessId: '',
  followers: [],
});

/**
 * Tag Added's items for one contact: one per tag added (only `chosenTag` when the Zap names one),
 * keyed like Tag Added to Contact's (contact + tag).
 */
export const tagAddedItems = (contact: ContactOutput, tags: string[]) =>
  tags.map((tag) => ({ ...contact, id: `${contact.id}:${tag}`, contactId: contact.id, tag }));

/** HighLevel stores tags in lower case; the relay compares them so, and so does this. */
const sameTag = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The tags a ContactTagAdded event says were added; with the Zap's tag, only that one, named as
 * the Zap names it (as Tag Added to Contact does).
 */
export const tagsAddedIn = (delivery: Delivery, chosenTag: string | undefined): string[] => {
  const { tagsAdded } = parseDelivered(tagsAddedSchema, delivery, delivery);
  if (!chosenTag) return tagsAdded;
  return tagsAdded.some((tag) => sameTag(tag, chosenTag)) ? [chosenTag] : [];
};
