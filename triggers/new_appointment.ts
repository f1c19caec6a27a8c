// New Appointment: GET /contacts/{contactId}/appointments (HighLevel calls them events) for one
// contact, the most recently booked first. Dedupe id = appointment id.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import {
  appointmentOutput,
  appointmentOutputFields,
  appointmentSample,
  appointmentsResponseSchema,
} from '../lib/records/appointments';
import { callHighLevel } from '../lib/http/client';
import { contactIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { newestFirst } from '../lib/polling/contacts';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact whose new appointments trigger the Zap.' }),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const { events } = await callHighLevel(
    z,
    { path: '/contacts/{contactId}/appointments', pathParams: { contactId } },
    appointmentsResponseSchema,
  );
  // "New" means newly booked, so the booking time (dateAdded) orders them; an event without one
  // falls back to its start time.
  const booked = newestFirst(events, (event) => event.dateAdded ?? event.startTime);
  return booked.map((event) => appointmentOutput(event, contactId));
};

export default defineTrigger({
  key: 'new_appointment' as const,
  noun: 'Appointment',
  display: {
    label: 'New Appointment',
    description:
      'Triggers when an appointment is booked for a contact. New Appointment (Instant) watches every contact and fires within seconds.',
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: appointmentSample,
    outputFields: [...appointmentOutputFields],
  },
});
