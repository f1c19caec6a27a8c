// New Appointment (Instant): HighLevel's AppointmentCreate in the sub-account, delivered by the
// webhook relay. Same output as New Appointment (the contact's appointments, read in one request,
// fill what the event leaves out).
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import newAppointment from './new_appointment';
import { appointmentOfDelivery, recentAppointments } from '../lib/instant/appointments';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';

const filters = [filterInputs.calendarId, filterInputs.appointmentStatus];

export const performSubscribe = subscribeTo('AppointmentCreate', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('AppointmentCreate', async (z, _bundle, delivery) => [
  (await appointmentOfDelivery(z, delivery)).output,
]);
export const performList = async (z: ZObject, bundle: Bundle) =>
  (await recentAppointments(z, bundle)).map(({ output }) => output);

export default defineTrigger({
  key: 'new_appointment_instant' as const,
  noun: 'Appointment',
  display: {
    label: 'New Appointment (Instant)',
    description: 'Triggers when an appointment is booked in the sub-account, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: newAppointment.operation.sample,
    outputFields: newAppointment.operation.outputFields,
  },
});
