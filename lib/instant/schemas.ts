// What the instant triggers read, checked as it arrives: the relay's answer to a subscription, and
// the records a delivery or a read-back carries that the shared record schemas do not wrap.
import * as zod from 'zod';
import { contactSchema } from '../contacts/shape';
import { appointmentSchema } from '../records/appointments';

/** The relay's answer to POST /subscriptions, kept by Zapier as `bundle.subscribeData`. */
export const subscriptionSchema = zod.looseObject({
  id: zod.string().min(1),
  event: zod.string(),
  locationId: zod.string(),
  filters: zod.record(zod.string(), zod.string()).nullish(),
  targetUrl: zod.string(),
  createdAt: zod.string().optional(),
});
export type Subscription = zod.infer<typeof subscriptionSchema>;

/** GET /contacts/{contactId}. */
export const contactResponseSchema = zod.looseObject({ contact: contactSchema });

/** POST /contacts/search, for the editor's samples. */
export const contactSearchSchema = zod.looseObject({
  contacts: zod.array(contactSchema).default([]),
});

/** The relay's ContactTagAdded: HighLevel's ContactTagUpdate with the tags it added. */
export const tagsAddedSchema = zod.looseObject({
  tagsAdded: zod.array(zod.string()).default([]),
});

/** The appointment events nest the appointment. */
export const appointmentEventSchema = zod.looseObject({ appointment: appointmentSchema });
