// Optional subscription filters. An event is delivered to a subscription when its locationId and
// event match and every given filter matches.
import {
  APPOINTMENT_EVENTS,
  CONTACT_EVENTS,
  CONTACT_TAG_ADDED,
  TASK_EVENTS,
} from '../webhooks/eventTypes';
import { normalizeTag, tagsOf } from '../webhooks/tagsAdded';

export type Filters = Partial<Record<FilterKey, string>>;
export const FILTER_KEYS = ['tag', 'assignedTo', 'calendarId', 'appointmentStatus'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

type Body = Record<string, unknown>;
const appointmentOf = (body: Body): Body =>
  typeof body.appointment === 'object' && body.appointment !== null
    ? (body.appointment as Body)
    : {};

const isContactEvent = (event: string) => CONTACT_EVENTS.has(event) || event === CONTACT_TAG_ADDED;

/** Which events each filter applies to, and the value it compares. */
const FILTERS: Record<
  FilterKey,
  { appliesTo(event: string): boolean; matches(body: Body, wanted: string): boolean }
> = {
  tag: {
    appliesTo: isContactEvent,
    // For ContactTagAdded the body's tagsAdded holds only the new tags.
    matches: (body, wanted) =>
      (body.type === CONTACT_TAG_ADDED ? tagsOf({ tags: body.tagsAdded }) : tagsOf(body)).includes(
        normalizeTag(wanted),
      ),
  },
  assignedTo: {
    appliesTo: (event) =>
      isContactEvent(event) || TASK_EVENTS.has(event) || APPOINTMENT_EVENTS.has(event),
    matches: (body, wanted) =>
      (APPOINTMENT_EVENTS.has(String(body.type)) || 'appointment' in body
        ? appointmentOf(body).assignedUserId
        : body.assignedTo) === wanted,
  },
  calendarId: {
    appliesTo: (event) => APPOINTMENT_EVENTS.has(event),
    matches: (body, wanted) => appointmentOf(body).calendarId === wanted,
  },
  appointmentStatus: {
    appliesTo: (event) => APPOINTMENT_EVENTS.has(event),
    matches: (body, wanted) => appointmentOf(body).appointmentStatus === wanted,
  },
};

/** A sentence saying why these filters cannot be used with this event, or undefined. */
export function filtersProblem(event: string, filters: Filters): string | undefined {
  for (const key of Object.keys(filters) as FilterKey[]) {
    if (!FILTERS[key].appliesTo(event)) return `Filter "${key}" does not apply to ${event} events.`;
  }
  return undefined;
}

export function matchesFilters(filters: Filters, body: Body): boolean {
  return (Object.entries(filters) as Array<[FilterKey, string]>).every(([key, wanted]) =>
    FILTERS[key].matches(body, wanted),
  );
}
