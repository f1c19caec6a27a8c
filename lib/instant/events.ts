// The HighLevel events the instant triggers subscribe to at the relay, the OAuth scope each one
// needs, and the filters the relay applies before it delivers an event.
import { defineInputField } from 'zapier-platform-core';
import { contactTriggerFilterFields } from '../contacts/filters';
import { optionalText } from '../inputs/normalise';
import { userIdField } from '../inputs/fields';
import { invalidInput } from '../http/errors';

/**
 * Each event and its scope. HighLevel's scope table lists ContactCreate, ContactDelete,
 * ContactTagUpdate (the relay's ContactTagAdded comes from it), NoteCreate and TaskCreate under
 * contacts.readonly; it lists no scope for ContactUpdate and TaskComplete (contact events like the
 * others) nor for the appointment events, which follow the scope that reads appointments.
 */
export const EVENT_SCOPES = {
  ContactCreate: 'contacts.readonly',
  ContactUpdate: 'contacts.readonly',
  ContactDelete: 'contacts.readonly',
  ContactTagAdded: 'contacts.readonly',
  TaskCreate: 'contacts.readonly',
  TaskComplete: 'contacts.readonly',
  NoteCreate: 'contacts.readonly',
  AppointmentCreate: 'calendars/events.readonly',
  AppointmentUpdate: 'calendars/events.readonly',
} as const;
export type InstantEvent = keyof typeof EVENT_SCOPES;

/** The filters the relay understands: it delivers only events matching every one given. */
export type FilterKey = 'tag' | 'assignedTo' | 'calendarId' | 'appointmentStatus';

/** HighLevel's appointment statuses (its calendars API), plus `booked`, its default `status`. */
export const APPOINTMENT_STATUSES = [
  'new',
  'booked',
  'confirmed',
  'cancelled',
  'showed',
  'noshow',
  'invalid',
] as const;

const contactFilterField = (key: 'tag' | 'assignedTo') => {
  const field = contactTriggerFilterFields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`contactTriggerFilterFields has no ${key} field`);
  return field;
};

/** The filter inputs, keyed like the polling twins' inputs so a Zap keeps its values on a switch. */
export const filterFields = {
  contactTag: contactFilterField('tag'),
  contactAssignedTo: contactFilterField('assignedTo'),
  tagAdded: defineInputField({
    key: 'tag',
    label: 'Tag',
    type: 'string',
    required: false,
    dynamic: 'tag_choices.name.name',
    helpText:
      'Fires when this tag is added to a contact, every time it is added. Leave empty to fire for every tag added. Tag names are matched exactly.',
  }),
  taskAssignedTo: userIdField(
    'assignedTo',
    'Only Tasks Assigned To',
    'Leave empty to watch the tasks of every user.',
  ),
  calendarId: defineInputField({
    key: 'calendarId',
    label: 'Only Appointments on Calendar',
    type: 'string',
    required: false,
    helpText:
      "A calendar's ID, mapped from an earlier step or copied from the calendar's settings in HighLevel. Leave empty to watch every calendar.",
  }),
  appointmentStatus: defineInputField({
    key: 'appointmentStatus',
    label: 'Only Appointments With Status',
    type: 'string',
    required: false,
    choices: [...APPOINTMENT_STATUSES],
    helpText: 'Leave empty to watch appointments of every status.',
  }),
};

const FILTER_LABELS: Record<FilterKey, string> = {
  tag: 'Tag',
  assignedTo: 'Assigned User',
  calendarId: 'Calendar',
  appointmentStatus: 'Appointment Status',
};

/**
 * The relay's `filters` from the Zap's inputs: only the keys the trigger offers, only those
 * filled. Bad values are refused here, before the relay is asked.
 */
export const relayFilters = (
  inputData: Record<string, unknown>,
  keys: readonly FilterKey[],
): Record<string, string> => {
  const filters: Record<string, string> = {};
  for (const key of keys) {
    const raw = inputData[key];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      const given = Array.isArray(raw) ? 'a list' : typeof raw;
      throw invalidInput(FILTER_LABELS[key], `expected one text value, got ${given}.`);
    }
    const value = optionalText(raw);
    if (value === undefined) continue;
    if (
      key === 'appointmentStatus' &&
      !(APPOINTMENT_STATUSES as readonly string[]).includes(value)
    ) {
      throw invalidInput(
        FILTER_LABELS[key],
        `"${value}" is not an appointment status (expected one of ${APPOINTMENT_STATUSES.join(', ')}).`,
      );
    }
    filters[key] = value;
  }
  return filters;
};
