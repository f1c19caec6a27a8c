// Updated Contact (Instant): HighLevel's ContactUpdate, delivered by the webhook relay. Same output
// as Updated Contact: the id names the change (contact + update time), the contact's id is
// `contactId`, and the contact read back in one request fills what the event leaves out.
import { defineTrigger } from 'zapier-platform-core';
import updatedContact from './updated_contact';
import { contactOfDelivery } from '../lib/instant/contacts';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { twinSamples } from '../lib/instant/samples';

const filters = [filterInputs.contactTag, filterInputs.contactAssignedTo];

export const performSubscribe = subscribeTo('ContactUpdate', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('ContactUpdate', async (z, bundle, delivery) => {
  const contact = await contactOfDelivery(z, bundle, delivery, { current: true });
  return [{ ...contact, id: `${contact.id}:${contact.dateUpdated}`, contactId: contact.id }];
});
export const performList = twinSamples(updatedContact);

export default defineTrigger({
  key: 'updated_contact_instant' as const,
  noun: 'Contact',
  display: {
    label: 'Updated Contact (Instant)',
    description: 'Triggers when a contact in the sub-account is changed, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: updatedContact.operation.sample,
    outputFields: updatedContact.operation.outputFields,
  },
});
