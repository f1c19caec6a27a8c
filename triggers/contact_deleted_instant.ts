// Contact Deleted (Instant): HighLevel's ContactDelete, delivered by the webhook relay. The contact
// as the event carries it, shaped like every contact output: nothing can read a deleted contact
// back, so what the event leaves out (time zone, contact type, business, followers) is empty, and
// Date Updated is the time of the deletion.
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactOutputFields, contactSample } from '../lib/contacts/shape';
import { customFieldOutputFields } from '../lib/customFields';
import { contactOfDelivery, withoutFieldsOfDeletedContact } from '../lib/instant/contacts';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, type FilterInput } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { asSampleRead, SAMPLE_ITEMS } from '../lib/instant/samples';
import { recentContactOutputs } from '../lib/polling/contacts';

const filters: FilterInput[] = [];

export const performSubscribe = subscribeTo('ContactDelete', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('ContactDelete', async (z, bundle, delivery) => [
  withoutFieldsOfDeletedContact(await contactOfDelivery(z, bundle, delivery, { current: false })),
]);

/** The most recently changed contacts, shaped as their deletion would deliver them. */
export const performList = async (z: ZObject, bundle: Bundle) => {
  const contacts = await recentContactOutputs(z, asSampleRead(bundle), {
    sortField: 'dateUpdated',
  });
  return contacts.slice(0, SAMPLE_ITEMS).map(withoutFieldsOfDeletedContact);
};

export default defineTrigger({
  key: 'contact_deleted_instant' as const,
  noun: 'Contact',
  display: {
    label: 'Contact Deleted (Instant)',
    description: 'Triggers when a contact is deleted from the sub-account, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: withoutFieldsOfDeletedContact(contactSample),
    outputFields: [...contactOutputFields, customFieldOutputFields],
  },
});
