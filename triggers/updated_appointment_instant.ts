// Appointment Updated (Instant): HighLevel's AppointmentUpdate in the sub-account, delivered by
// the webhook relay. New Appointment's output, except that the id names the change (appointment +
// update time) and the appointment's own id is `appointmentId`, like Updated Contact.
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import {
  appointmentChange,
  appointmentOfDelivery,
  recentAppointments,
} from '../lib/instant/appointments';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { appointmentOutputFields, appointmentSample } from '../lib/records/appointments';

const filters = [filterInputs.calendarId, filterInputs.appointmentStatus];

export const performSubscribe = subscribeTo('AppointmentUpdate', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('AppointmentUpdate', async (z, _bundle, delivery) => {
  const { output, changedAt } = await appointmentOfDelivery(z, delivery);
  return [appointmentChange(output, changedAt)];
});
export const performList = async (z: ZObject, bundle: Bundle) =>
  (await recentAppointments(z, bundle)).map(({ output, changedAt }) =>
    appointmentChange(output, changedAt),
  );

const SAMPLE_CHANGE_TIME = '2026-11-21T08:30:12.000Z';

export default defineTrigger({
  key: 'updated_appointment_instant' as const,
  noun: 'Appointment',
  display: {
    label: 'Appointment Updated (Instant)',
    description: 'Triggers when an appointment in the sub-account is changed, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: appointmentChange(appointmentSample, SAMPLE_CHANGE_TIME),
    outputFields: [
      { key: 'id', label: 'Update ID', type: 'string' },
      { key: 'appointmentId', label: 'Appointment ID', type: 'string' },
      ...appointmentOutputFields.filter((field) => field.key !== 'id'),
    ],
  },
});
