// New Contact (Instant): HighLevel's ContactCreate, delivered by the webhook relay. Same output as
// New Contact (the contact read back in one request fills what the event leaves out).
import { defineTrigger } from 'zapier-platform-core';
import newContact from './new_contact';
import { contactOfDelivery } from '../lib/instant/contacts';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { twinSamples } from '../lib/instant/samples';

const filters = [filterInputs.contactTag, filterInputs.contactAssignedTo];

export const performSubscribe = subscribeTo('ContactCreate', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('ContactCreate', async (z, bundle, delivery) => [
  await contactOfDelivery(z, bundle, delivery, { current: true }),
]);
export const performList = twinSamples(newContact);

export default defineTrigger({
  key: 'new_contact_instant' as const,
  noun: 'Contact',
  display: {
    label: 'New Contact (Instant)',
    description: 'Triggers when a new contact is added to the sub-account, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: newContact.operation.sample,
    outputFields: newContact.operation.outputFields,
  },
});
