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

const textList = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

interface FilterDefinition {
  appliesTo(event: string): boolean;
  /** The event's values the wanted value is compared with. */
  valuesOf(body: Body): string[];
  normalize?(wanted: string): string;
}

const FILTERS: Record<FilterKey, FilterDefinition> = {
  tag: {
    appliesTo: isContactEvent,
    // For ContactTagAdded the body's tagsAdded holds only the new tags.
    valuesOf: (body) =>
      body.type === CONTACT_TAG_ADDED ? tagsOf({ tags: body.tagsAdded }) : tagsOf(body),
    normalize: normalizeTag,
  },
  assignedTo: {
    appliesTo: (event) =>
      isContactEvent(event) || TASK_EVENTS.has(event) || APPOINTMENT_EVENTS.has(event),
    valuesOf: (body) =>
      textList('appointment' in body ? appointmentOf(body).assignedUserId : body.assignedTo),
  },
  calendarId: {
    appliesTo: (event) => APPOINTMENT_EVENTS.has(event),
    valuesOf: (body) => textList(appointmentOf(body).calendarId),
  },
  appointmentStatus: {
    appliesTo: (event) => APPOINTMENT_EVENTS.has(event),
    valuesOf: (body) => textList(appointmentOf(body).appointmentStatus),
  },
};

/**
 * The same test in SQL, for the delivery query: a subscription `s` matches when each filter it has
 * is among the event's values for that filter, `values` being a jsonb object from filterValues().
 * (`jsonb ? text`: the array holds that string.)
 */
export function filtersSql(values: string): string {
  return FILTER_KEYS.map((key) => {
    const wanted = key === 'tag' ? `lower(s.filters->>'${key}')` : `(s.filters->>'${key}')`;
    return `(s.filters->>'${key}' IS NULL OR (${values}->'${key}') ? ${wanted})`;
  }).join(' AND ');
}

/** Each filter's values in this event, by filter key (tags lower-cased). */
export function filterValues(body: Body): Record<FilterKey, string[]> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, FILTERS[key].valuesOf(body)])) as Record<
    FilterKey,
    string[]
  >;
}

/** A sentence saying why these filters cannot be used with this event, or undefined. */
export function filtersProblem(event: string, filters: Filters): string | undefined {
  for (const key of Object.keys(filters) as FilterKey[]) {
    if (!FILTERS[key].appliesTo(event)) return `Filter "${key}" does not apply to ${event} events.`;
  }
  return undefined;
}
