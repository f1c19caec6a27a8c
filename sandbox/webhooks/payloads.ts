// The bodies of HighLevel's Marketplace-app webhooks, built from the sandbox's records in the
// documented shapes (marketplace docs, "Webhook events"). Each builder returns the event without
// its envelope (timestamp, webhookId, appId, versionId), which the sender adds.
import { fullName } from '../model/normalize';
import { AppointmentRecord, ContactRecord, NoteRecord, TaskRecord } from '../model/types';

export const CONTACT_EVENTS = [
  'ContactCreate',
  'ContactUpdate',
  'ContactDelete',
  'ContactTagUpdate',
] as const;
export const TASK_EVENTS = ['TaskCreate', 'TaskComplete', 'TaskDelete'] as const;
export const NOTE_EVENTS = ['NoteCreate', 'NoteUpdate', 'NoteDelete'] as const;
export const APPOINTMENT_EVENTS = [
  'AppointmentCreate',
  'AppointmentUpdate',
  'AppointmentDelete',
] as const;
export const APP_EVENTS = ['INSTALL', 'UNINSTALL'] as const;

export type ContactEventType = (typeof CONTACT_EVENTS)[number];
export type TaskEventType = (typeof TASK_EVENTS)[number];
export type NoteEventType = (typeof NOTE_EVENTS)[number];
export type AppointmentEventType = (typeof APPOINTMENT_EVENTS)[number];
export type WebhookEventType =
  | ContactEventType
  | TaskEventType
  | NoteEventType
  | AppointmentEventType
  | (typeof APP_EVENTS)[number];

export interface WebhookEvent {
  type: WebhookEventType;
  locationId: string;
  [field: string]: unknown;
}

/**
 * The flat contact of the four contact events. As documented, it has no dateUpdated, no list of
 * changed fields and no previous tags: ContactTagUpdate carries the contact's current tags only.
 */
export function contactEvent(type: ContactEventType, contact: ContactRecord): WebhookEvent {
  return {
    type,
    locationId: contact.locationId,
    id: contact.id,
    address1: contact.address1,
    city: contact.city,
    state: contact.state,
    companyName: contact.companyName,
    country: contact.country,
    source: contact.source,
    dateAdded: contact.dateAdded,
    dateOfBirth: contact.dateOfBirth,
    dnd: contact.dnd,
    email: contact.email,
    name: fullName(contact.firstName, contact.lastName),
    firstName: contact.firstName,
    lastName: contact.lastName,
    phone: contact.phone,
    postalCode: contact.postalCode,
    tags: [...contact.tags],
    website: contact.website,
    attachments: [],
    assignedTo: contact.assignedTo,
    customFields: contact.customFields.map(({ id, value }) => ({ id, value })),
  };
}

/**
 * What a contact write emits: its own event, then ContactTagUpdate when the write changed the
 * contact's tags (a create with tags counts: the contact went from no tags to some).
 */
export function contactWriteEvents(
  type: 'ContactCreate' | 'ContactUpdate' | undefined,
  contact: ContactRecord,
  tagsBefore: readonly string[],
): WebhookEvent[] {
  const events = type ? [contactEvent(type, contact)] : [];
  if (!sameTags(tagsBefore, contact.tags)) events.push(contactEvent('ContactTagUpdate', contact));
  return events;
}

function sameTags(before: readonly string[], after: readonly string[]): boolean {
  const set = new Set(before);
  return before.length === after.length && after.every((tag) => set.has(tag));
}

/** TaskCreate loses contactId and body on the way out when the sender reproduces HighLevel's gap. */
export function taskEvent(type: TaskEventType, task: TaskRecord): WebhookEvent {
  return {
    type,
    locationId: task.locationId,
    id: task.id,
    assignedTo: task.assignedTo,
    body: task.body,
    contactId: task.contactId,
    title: task.title,
    dateAdded: task.dateAdded,
    dueDate: task.dueDate,
  };
}

export function noteEvent(type: NoteEventType, note: NoteRecord): WebhookEvent {
  return {
    type,
    locationId: note.locationId,
    id: note.id,
    body: note.body,
    contactId: note.contactId,
    dateAdded: note.dateAdded,
  };
}

/** The appointment events nest the appointment, unlike every other event. */
export function appointmentEvent(
  type: AppointmentEventType,
  appointment: AppointmentRecord,
): WebhookEvent {
  return {
    type,
    locationId: appointment.locationId,
    appointment: {
      id: appointment.id,
      address: appointment.address,
      title: appointment.title,
      calendarId: appointment.calendarId,
      contactId: appointment.contactId,
      groupId: appointment.groupId,
      appointmentStatus: appointment.appointmentStatus,
      assignedUserId: appointment.assignedUserId,
      users: [...appointment.users],
      notes: appointment.notes,
      source: appointment.source ?? null,
      startTime: appointment.startTime,
      endTime: appointment.endTime,
      dateAdded: appointment.dateAdded,
      dateUpdated: appointment.dateUpdated,
    },
  };
}

/** A location-level install ("AppInstall" in the marketplace docs); no white label here. */
export function installEvent(locationId: string, companyId: string, userId: string): WebhookEvent {
  return {
    type: 'INSTALL',
    locationId,
    installType: 'Location',
    companyId,
    userId,
    isWhitelabelCompany: false,
  };
}

export function uninstallEvent(locationId: string): WebhookEvent {
  return { type: 'UNINSTALL', locationId };
}
