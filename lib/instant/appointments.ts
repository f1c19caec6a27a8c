// Appointment events as the appointment triggers' output. The event nests the appointment and
// leaves out its `status` and `locationId`; New Appointment's own read (the contact's
// appointments, one request) fills them. An appointment deleted since keeps the event's fields.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../http/client';
import { isoDateTime } from '../dates';
import { newestFirst } from '../polling/contacts';
import {
  appointmentOutput,
  appointmentsResponseSchema,
  type Appointment,
  type AppointmentOutput,
} from '../records/appointments';
import { parseDelivered, type Delivery } from './deliveries';
import { appointmentEventSchema } from './schemas';
import { filterInputs, relayFilters } from './events';
import { recordsOfRecentContacts } from './samples';

/** GET /contacts/{contactId}/appointments, what New Appointment reads; none once it is deleted. */
const appointmentsOf = async (z: ZObject, contactId: string): Promise<Appointment[]> => {
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/appointments', pathParams: { contactId } },
    appointmentsResponseSchema,
  );
  return found?.events ?? [];
};

/** An appointment as output, and when it last changed (for the ids of updates). */
export type AppointmentWithChangeTime = { output: AppointmentOutput; changedAt: string };

export const appointmentOfDelivery = async (
  z: ZObject,
  delivery: Delivery,
): Promise<AppointmentWithChangeTime> => {
  const { appointment } = parseDelivered(appointmentEventSchema, delivery, delivery);
  const delivered = { locationId: delivery.locationId, ...appointment };
  const contactId = delivered.contactId ?? '';
  const current = contactId
    ? (await appointmentsOf(z, contactId)).find((event) => event.id === delivered.id)
    : undefined;
  // Each event names its own change, even when the appointment changed again since.
  const changedAt =
    isoDateTime(delivered.dateUpdated) ??
    isoDateTime(current?.dateUpdated) ??
    String(delivery.webhookId ?? '');
  return { output: appointmentOutput({ ...delivered, ...current }, contactId), changedAt };
};

/** Output of an update: an id per change (appointment + update time), the appointment's own id kept. */
export const appointmentChange = (output: AppointmentOutput, changeTime: string) => ({
  ...output,
  id: `${output.id}:${changeTime}`,
  appointmentId: output.id,
});

/** Recent appointments of recently changed contacts, the latest booked first, for the editor. */
export const recentAppointments = async (
  z: ZObject,
  bundle: Bundle,
): Promise<AppointmentWithChangeTime[]> => {
  const { calendarId, appointmentStatus } = relayFilters(bundle, [
    filterInputs.calendarId,
    filterInputs.appointmentStatus,
  ]);
  const found = await recordsOfRecentContacts(
    z,
    bundle,
    (contactId) => appointmentsOf(z, contactId),
    (event) =>
      (!calendarId || event.calendarId === calendarId) &&
      (!appointmentStatus || event.appointmentStatus === appointmentStatus),
  );
  const booked = newestFirst(found, ({ record }) => record.dateAdded ?? record.startTime);
  return booked.map(({ contactId, record }) => ({
    output: appointmentOutput(record, contactId),
    changedAt: isoDateTime(record.dateUpdated ?? record.dateAdded) ?? '',
  }));
};
