// Polling that never loses a burst. POST /contacts/search newest-first: one request while fewer
// than a page of contacts changed within the look-back window; after a burst, keep paging with
// `searchAfter` until the page reaches contacts older than the window, within a request and time
// budget that keeps a poll far below Zapier's 30 s and HighLevel's 100 requests per 10 s.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from './client';
import { contactOutput, contactOutputFields, contactSchema, type Contact } from './contact';
import { customFieldDefinitions, customFieldOutputFields } from './customFields';
import { isoDateTime } from './dates';
import { notesResponseSchema, type Note } from './notes';
import { tasksResponseSchema, type Task } from './tasks';

/** Size of the first page: the steady state, one request. */
export const FIRST_PAGE_SIZE = 100;
/** Size of the pages that follow a full first page (HighLevel's maximum). */
export const BURST_PAGE_SIZE = 500;
/** Twice Zapier's longest poll interval (15 min): anything changed since the last poll is newer. */
export const LOOKBACK_MS = 30 * 60 * 1000;
/** 1 + 19 × 500 = 9,600 contacts at most per poll. */
export const MAX_REQUESTS_PER_POLL = 20;
/** Leaves a wide margin under Zapier's 30 s limit for the rest of the poll. */
export const TIME_BUDGET_MS = 20_000;

export type SearchFilter = { field: string; operator: string; value?: unknown };
export type SortField = 'dateAdded' | 'dateUpdated';

const searchResponseSchema = zod.looseObject({
  contacts: zod.array(contactSchema).default([]),
  total: zod.number().optional(),
});

const timeOf = (value: unknown): number =>
  typeof value === 'number' ? value : value ? Date.parse(String(value)) : Number.NaN;

export type RecentContactsQuery = {
  sortField: SortField;
  filters?: SearchFilter[];
  query?: string;
};

/** Contacts newest-first by `sortField`, complete for everything inside the look-back window. */
export async function searchRecentContacts(
  z: ZObject,
  bundle: Bundle,
  { sortField, filters = [], query }: RecentContactsQuery,
): Promise<Contact[]> {
  const locationId = locationIdOf(bundle);
  const startedAt = Date.now();
  const cutoff = startedAt - LOOKBACK_MS;
  const seen = new Map<string, Contact>();
  let searchAfter: unknown[] | undefined;
  // Turning a Zap on records what exists, so old contacts never fire later: start with a big page.
  let pageLimit = bundle.meta?.isPopulatingDedupe ? BURST_PAGE_SIZE : FIRST_PAGE_SIZE;

  for (let request = 1; request <= MAX_REQUESTS_PER_POLL; request += 1) {
    const { contacts } = await callHighLevel(
      z,
      {
        method: 'POST',
        path: '/contacts/search',
        body: {
          locationId,
          pageLimit,
          sort: [{ field: sortField, direction: 'desc' }],
          ...(filters.length > 0 ? { filters } : {}),
          ...(query ? { query } : {}),
          ...(searchAfter ? { searchAfter } : {}),
        },
      },
      searchResponseSchema,
    );
    for (const contact of contacts) if (!seen.has(contact.id)) seen.set(contact.id, contact);

    const last = contacts[contacts.length - 1];
    const pageWasShort = contacts.length < pageLimit;
    const reachedOldContacts = !last || timeOf(last[sortField]) < cutoff;
    if (pageWasShort || reachedOldContacts || !last?.searchAfter) break;
    if (Date.now() - startedAt > TIME_BUDGET_MS) {
      z.console.log(`Stopped paging after ${request} requests: the poll's time budget is spent.`);
      break;
    }
    searchAfter = last.searchAfter;
    pageLimit = BURST_PAGE_SIZE;
  }
  return [...seen.values()];
}

/** Filters shared by the location-wide contact triggers and searches. */
export const contactFilters = (input: { tag?: unknown; assignedTo?: unknown }): SearchFilter[] => {
  const filters: SearchFilter[] = [];
  if (typeof input.tag === 'string' && input.tag.trim()) {
    filters.push({ field: 'tags', operator: 'eq', value: input.tag.trim() });
  }
  if (typeof input.assignedTo === 'string' && input.assignedTo.trim()) {
    filters.push({ field: 'assignedTo', operator: 'eq', value: input.assignedTo.trim() });
  }
  return filters;
};

/** searchRecentContacts, mapped for output with the location's custom fields labelled. */
export async function recentContactOutputs(z: ZObject, bundle: Bundle, query: RecentContactsQuery) {
  const [contacts, definitions] = await Promise.all([
    searchRecentContacts(z, bundle, query),
    customFieldDefinitions(z, bundle),
  ]);
  return contacts.map((contact) => contactOutput(contact, definitions));
}

/**
 * Output fields of triggers that fire once per change of a contact: `id` names the change (so
 * Zapier's dedupe lets the next change through) and the contact's own id stays under `contactId`.
 */
export const contactChangeOutputFields = (idLabel: string) => [
  { key: 'id', label: idLabel, type: 'string' as const },
  { key: 'contactId', label: 'Contact ID', type: 'string' as const },
  ...contactOutputFields.filter((field) => field.key !== 'id'),
  customFieldOutputFields,
];

/** Items newest first by `timeOfItem`; items without a readable time keep their order, last. */
export const newestFirst = <T>(items: readonly T[], timeOfItem: (item: T) => unknown): T[] =>
  items
    .map((item, index) => {
      const value = timeOfItem(item);
      // isoDateTime reads HighLevel's offset-less "YYYY-MM-DD HH:mm:ss" as UTC, not local time.
      const time = timeOf(typeof value === 'number' ? value : isoDateTime(value));
      return { item, index, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time };
    })
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map(({ item }) => item);

/** GET /contacts/{contactId}/tasks, the latest created first. */
export const contactTasksNewestFirst = async (z: ZObject, contactId: string): Promise<Task[]> => {
  const { tasks } = await callHighLevel(
    z,
    { path: '/contacts/{contactId}/tasks', pathParams: { contactId } },
    tasksResponseSchema,
  );
  // Tasks carry no creation or update time (the spec's TaskSchema has none), so there is nothing
  // to sort by. HighLevel lists a contact's tasks in the order they were created; reversed, the
  // latest created comes first, which is what Zapier's newest-first dedupe expects.
  return [...tasks].reverse();
};

/** GET /contacts/{contactId}/notes, newest dateAdded first. */
export const contactNotesNewestFirst = async (z: ZObject, contactId: string): Promise<Note[]> => {
  const { notes } = await callHighLevel(
    z,
    { path: '/contacts/{contactId}/notes', pathParams: { contactId } },
    notesResponseSchema,
  );
  return newestFirst(notes, (note) => note.dateAdded);
};
