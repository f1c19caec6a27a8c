// Appointment writes. HighLevel books appointments through its calendars API, which this app does
// not use, so the sandbox offers them on admin routes only: enough to produce the Appointment*
// webhooks and to feed the New Appointment trigger.
import { notFound } from '../http/errors';
import type { Store } from '../store';
import { newId } from './ids';
import { nextTimestamp, nowIso } from './timestamps';
import { AppointmentRecord } from './types';

export interface AppointmentInput {
  contactId?: string;
  calendarId?: string;
  groupId?: string;
  title?: string;
  appointmentStatus?: string;
  assignedUserId?: string;
  users?: string[];
  notes?: string;
  address?: string;
  source?: string | null;
  /** "YYYY-MM-DD HH:mm:ss", as HighLevel's appointment examples show it. */
  startTime?: string;
  endTime?: string;
}

const TEXT_FIELDS = [
  'calendarId',
  'groupId',
  'title',
  'appointmentStatus',
  'assignedUserId',
  'notes',
  'address',
  'startTime',
  'endTime',
] as const;

export function createAppointment(store: Store, input: AppointmentInput): AppointmentRecord {
  const contact = store.contacts.get(input.contactId ?? '');
  if (!contact)
    throw new Error(`contactId must name an existing contact; got "${input.contactId}"`);
  for (const field of ['startTime', 'endTime'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') {
      throw new Error(`${field} is required ("YYYY-MM-DD HH:mm:ss")`);
    }
  }
  const now = nowIso();
  const status = input.appointmentStatus ?? 'booked';
  const appointment: AppointmentRecord = {
    id: newId(),
    calendarId: input.calendarId ?? 'CaL1dEnTaL2hYg3iEnE4',
    locationId: contact.locationId,
    contactId: contact.id,
    groupId: input.groupId ?? '',
    title: input.title ?? 'Appointment',
    status,
    appointmentStatus: status,
    assignedUserId: input.assignedUserId ?? '',
    users: input.users ?? (input.assignedUserId ? [input.assignedUserId] : []),
    notes: input.notes ?? '',
    address: input.address ?? '',
    source: input.source ?? 'third_party',
    startTime: input.startTime!,
    endTime: input.endTime!,
    assignedResources: [],
    dateAdded: now,
    dateUpdated: now,
  };
  store.putAppointment(appointment);
  store.changed();
  return appointment;
}

export function updateAppointment(
  store: Store,
  id: string,
  patch: AppointmentInput,
): AppointmentRecord {
  const appointment = loadAppointment(store, id);
  for (const field of TEXT_FIELDS) {
    if (typeof patch[field] === 'string') appointment[field] = patch[field];
  }
  if (patch.appointmentStatus !== undefined) appointment.status = patch.appointmentStatus;
  if (patch.users !== undefined) appointment.users = [...patch.users];
  if (patch.source !== undefined) appointment.source = patch.source;
  appointment.dateUpdated = nextTimestamp(appointment.dateUpdated);
  store.changed();
  return appointment;
}

export function deleteAppointment(store: Store, id: string): AppointmentRecord {
  const appointment = loadAppointment(store, id);
  store.appointments.delete(id);
  store.appointmentsByContact.remove(appointment.contactId, id);
  store.changed();
  return appointment;
}

function loadAppointment(store: Store, id: string): AppointmentRecord {
  const appointment = store.appointments.get(id);
  if (!appointment) throw notFound('Appointment');
  return appointment;
}
