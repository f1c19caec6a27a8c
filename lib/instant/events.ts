// The HighLevel events the instant triggers subscribe to at the relay, the OAuth scope each one
// needs, and the filters the relay applies before it delivers an event.
import { contactTriggerFilterFields } from '../contacts/filters';
import { invalidInput } from '../http/errors';
import {
  defineInput,
  fieldsOf,
  type Input,
  type InputSource,
  type LabelledField,
} from '../inputs/declare';
import { optionalId, optionalTextOf, userIdInput } from '../inputs/fields';

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

/** An input whose value, when filled, is sent to the relay as the filter of the same key. */
export type FilterInput = Input<LabelledField & { key: FilterKey }, string | undefined>;

const contactFilterField = (key: 'tag' | 'assignedTo') => {
  const field = contactTriggerFilterFields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`contactTriggerFilterFields has no ${key} field`);
  return { ...field, key };
};

const appointmentStatusOf = (value: unknown, field: LabelledField): string | undefined => {
  const status = optionalTextOf(value, field);
  if (status !== undefined && !(APPOINTMENT_STATUSES as readonly string[]).includes(status)) {
    throw invalidInput(
      field.label,
      `"${status}" is not an appointment status (expected one of ${APPOINTMENT_STATUSES.join(', ')}).`,
    );
  }
  return status;
};

/** The filter inputs, keyed like the polling twins' inputs so a Zap keeps its values on a switch. */
export const filterInputs = {
  contactTag: defineInput(contactFilterField('tag'), optionalTextOf),
  contactAssignedTo: defineInput(contactFilterField('assignedTo'), optionalId),
  tagAdded: defineInput(
    {
      key: 'tag',
      label: 'Tag',
      type: 'string',
      required: false,
      dynamic: 'tag_choices.name.name',
      helpText:
        'Fires once for each contact that gets this tag, like Tag Added to Contact. Leave empty to fire for every tag added. Tag names are matched whatever their capitals.',
    },
    optionalTextOf,
  ),
  taskAssignedTo: userIdInput(
    'assignedTo',
    'Only Tasks Assigned To',
    'Leave empty to watch the tasks of every user.',
  ),
  calendarId: defineInput(
    {
      key: 'calendarId',
      label: 'Only Appointments on Calendar',
      type: 'string',
      required: false,
      helpText:
        "A calendar's ID, mapped from an earlier step or copied from the calendar's settings in HighLevel. Leave empty to watch every calendar.",
    },
    optionalId,
  ),
  appointmentStatus: defineInput(
    {
      key: 'appointmentStatus',
      label: 'Only Appointments With Status',
      type: 'string',
      required: false,
      choices: [...APPOINTMENT_STATUSES],
      helpText: 'Leave empty to watch appointments of every status.',
    },
    appointmentStatusOf,
  ),
} satisfies Record<string, FilterInput>;

/** A trigger's input fields: its filters, in order. */
export const filterFieldsOf = (inputs: readonly FilterInput[]) => fieldsOf(inputs);

/**
 * The relay's `filters` from the Zap's inputs: each filled filter under its key. Bad values are
 * refused here, naming the field, before the relay is asked.
 */
export const relayFilters = (
  source: InputSource,
  inputs: readonly FilterInput[],
): Record<string, string> => {
  const filters: Record<string, string> = {};
  for (const { field, parse } of inputs) {
    const value = parse(source.inputData?.[field.key], field, source);
    if (value !== undefined) filters[field.key] = value;
  }
  return filters;
};
