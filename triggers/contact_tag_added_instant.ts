// Tag Added to Contact (Instant): the relay's ContactTagAdded (HighLevel's ContactTagUpdate with
// the tags it added; the relay counts a tag as added the first time a contact has it, like the
// polling trigger). Same output as Tag Added to Contact, one item per tag added.
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import contactTagAdded from './contact_tag_added';
import { contactOfDelivery, tagAddedItems, tagsAddedIn } from '../lib/instant/contacts';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs, relayFilters } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { asSampleRead, SAMPLE_ITEMS, twinSamples } from '../lib/instant/samples';
import { recentContactOutputs } from '../lib/polling/contacts';

const filters = [filterInputs.tagAdded];
const chosenTag = (bundle: Bundle) => relayFilters(bundle, filters).tag;

export const performSubscribe = subscribeTo('ContactTagAdded', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('ContactTagAdded', async (z, bundle, delivery) => {
  const tags = tagsAddedIn(delivery, chosenTag(bundle));
  if (tags.length === 0) return [];
  const contact = await contactOfDelivery(z, bundle, delivery, { current: true });
  return tagAddedItems(contact, tags);
});

/**
 * With a tag, Tag Added to Contact's read; without one, the most recently changed contacts that
 * have tags, each with its latest tag.
 */
export const performList = async (z: ZObject, bundle: Bundle) => {
  if (chosenTag(bundle)) return twinSamples(contactTagAdded)(z, bundle);
  const contacts = await recentContactOutputs(z, asSampleRead(bundle), {
    sortField: 'dateUpdated',
  });
  return contacts
    .filter((contact) => contact.tags.length > 0)
    .slice(0, SAMPLE_ITEMS)
    .flatMap((contact) => tagAddedItems(contact, contact.tags.slice(-1)));
};

export default defineTrigger({
  key: 'contact_tag_added_instant' as const,
  noun: 'Contact',
  display: {
    label: 'Tag Added to Contact (Instant)',
    description: 'Triggers when a tag is first added to a contact, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: contactTagAdded.operation.sample,
    outputFields: contactTagAdded.operation.outputFields,
  },
});
