// A contact's appointment as the app returns it (GET /contacts/{contactId}/appointments → events).
import * as zod from 'zod';
import { isoDateTime } from '../dates';

export const appointmentSchema = zod.looseObject({
  id: zod.string(),
  calendarId: zod.string().nullish(),
  title: zod.string().nullish(),
  status: zod.string().nullish(),
  appointmentStatus: zod.string().nullish(),
  assignedUserId: zod.string().nullish(),
  notes: zod.string().nullish(),
  address: zod.string().nullish(),
  startTime: zod.union([zod.string(), zod.number()]).nullish(),
  endTime: zod.union([zod.string(), zod.number()]).nullish(),
  dateAdded: zod.union([zod.string(), zod.number()]).nullish(),
  dateUpdated: zod.union([zod.string(), zod.number()]).nullish(),
  contactId: zod.string().nullish(),
  locationId: zod.string().nullish(),
});
export type Appointment = zod.infer<typeof appointmentSchema>;

export const appointmentsResponseSchema = zod.looseObject({
  events: zod.array(appointmentSchema).default([]),
});

export const appointmentOutput = (event: Appointment, contactId: string) => ({
  id: event.id,
  title: event.title ?? '',
  calendarId: event.calendarId ?? '',
  status: event.status ?? '',
  appointmentStatus: event.appointmentStatus ?? '',
  startTime: isoDateTime(event.startTime) ?? '',
  endTime: isoDateTime(event.endTime) ?? '',
  assignedUserId: event.assignedUserId ?? '',
  address: event.address ?? '',
  notes: event.notes ?? '',
  dateAdded: isoDateTime(event.dateAdded) ?? '',
  contactId: event.contactId || contactId,
  locationId: event.locationId ?? '',
});
export type AppointmentOutput = ReturnType<typeof appointmentOutput>;

export const appointmentOutputFields = [
  { key: 'id', label: 'Appointment ID', type: 'string' },
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'calendarId', label: 'Calendar ID', type: 'string' },
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'appointmentStatus', label: 'Appointment Status', type: 'string' },
  { key: 'startTime', label: 'Start Time', type: 'datetime' },
  { key: 'endTime', label: 'End Time', type: 'datetime' },
  { key: 'assignedUserId', label: 'Assigned User ID', type: 'string' },
  { key: 'address', label: 'Address or Meeting Link', type: 'string' },
  { key: 'notes', label: 'Notes', type: 'string' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
  { key: 'locationId', label: 'Location ID', type: 'string' },
] as const;

export const appointmentSample: AppointmentOutput = {
  id: 'ocQHyuzHvysMo5N5VsXc',
  title: 'Cleaning and check-up',
  calendarId: 'BqTwX8QFwXzpegMve9EQ',
  status: 'booked',
  appointmentStatus: 'confirmed',
  startTime: '2026-12-02T15:00:00.000Z',
  endTime: '2026-12-02T15:45:00.000Z',
  assignedUserId: 'YlWd2wuCAZQzh2cH1fVZ',
  address: '3535 1st St N, Dolomite, AL',
  notes: '',
  dateAdded: '2026-11-20T10:04:11.000Z',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  locationId: 've9EPM428h8vShlRW1KT',
};
