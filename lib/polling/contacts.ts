// Polling that never loses a burst. POST /contacts/search newest-first: one request while fewer
// than a page of contacts changed within the look-back window; after a burst, keep paging with
// `searchAfter` until the page reaches contacts older than the window, within a poll budget (a
// request cap and a time budget that also bounds each request) that keeps a poll far below
// Zapier's 30 s and HighLevel's 100 requests per 10 s. New Contact in Business pages a different
// endpoint with the same budget: lib/businessMemberPolling.ts.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf, type HighLevelCall } from '../http/client';
import { MIN_REQUEST_MS, requestTimeoutMs } from '../http/config';
import { contactOutput, contactOutputFields, contactSchema, type Contact } from '../contacts/shape';
import { customFieldOutputFields, withCustomFieldDefinitions } from '../customFields';
import { isoDateTime } from '../dates';
import { notesResponseSchema, type Note } from '../records/notes';
import { tasksResponseSchema, type Task } from '../records/tasks';

/** Size of the first page: the steady state, one request. */
export const FIRST_PAGE_SIZE = 100;
/** Size of the pages that follow a full first page (HighLevel's maximum). */
export const BURST_PAGE_SIZE = 500;
/** Twice Zapier's longest poll interval (15 min): anything changed since the last poll is newer. */
export const LOOKBACK_MS = 30 * 60 * 1000;
/** 1 + 19 × 500 = 9,600 contacts at most per poll (10,000 when a Zap is turned on). */
export const MAX_REQUESTS_PER_POLL = 20;
/**
 * All the requests of one poll end within this time, each given at most what is left of it as its
 * timeout: the poll then finishes far below Zapier's 30 s even when HighLevel is slow.
 */
export const TIME_BUDGET_MS = 20_000;

export type SearchFilter = { field: string; operator: string; value?: unknown };
export type SortField = 'dateAdded' | 'dateUpdated';

const searchResponseSchema = zod.looseObject({
  contacts: zod.array(contactSchema).default([]),
  total: zod.number().optional(),
});

/** Epoch ms of a HighLevel date (ISO text or epoch ms); NaN when there is none. */
export const timeOf = (value: unknown): number =>
  typeof value === 'number' ? value : value ? Date.parse(String(value)) : Number.NaN;

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

/**
 * What one poll may still spend. Its first request fails the poll like any step; a later page
 * that the request cap or the time budget cuts off (also one cut off while it loads) ends the
 * paging instead, logged, so the pages already read still reach Zapier.
 */
export type PollBudget = {
  /** The poll's first request: with nothing read yet, its failure is the poll's. */
  first: <S extends zod.ZodType>(call: HighLevelCall, schema: S) => Promise<zod.infer<S>>;
  /** The next page, or undefined when the budget is spent. */
  next: <S extends zod.ZodType>(
    call: HighLevelCall,
    schema: S,
  ) => Promise<zod.infer<S> | undefined>;
  /** Logs that paging ended before the end of the list, and why. */
  stoppedEarly: (reason: string) => void;
};

/** The budget of one poll that reads `what` (e.g. "contacts"), starting now. */
export const startPollBudget = (z: ZObject, what: string): PollBudget => {
  const deadline = Date.now() + TIME_BUDGET_MS;
  const timeLeftMs = () => deadline - Date.now();
  let requests = 0;
  const send = <S extends zod.ZodType>(call: HighLevelCall, schema: S) => {
    requests += 1;
    // HighLevel's usual timeout, unless less than that is left of the poll.
    const timeoutMs = Math.max(MIN_REQUEST_MS, Math.min(requestTimeoutMs(), timeLeftMs()));
    return callHighLevel(z, { ...call, timeoutMs }, schema);
  };
  const stoppedEarly = (reason: string) =>
    z.console.log(
      `Stopped paging after ${requests} requests (${reason}); the remaining ${what} were not read in this poll.`,
    );
  const timeIsUp = () => timeLeftMs() < MIN_REQUEST_MS;
  const timeBudget = `the poll's time budget of ${seconds(TIME_BUDGET_MS)}`;
  return {
    first: send,
    next: async (call, schema) => {
      if (requests >= MAX_REQUESTS_PER_POLL) {
        stoppedEarly(`the cap of ${MAX_REQUESTS_PER_POLL} requests per poll`);
        return undefined;
      }
      if (timeIsUp()) {
        stoppedEarly(`${timeBudget} is spent`);
        return undefined;
      }
      try {
        return await send(call, schema);
      } catch (error) {
        if (!timeIsUp()) throw error;
        stoppedEarly(`${timeBudget} ran out while a page loaded`);
        return undefined;
      }
    },
    stoppedEarly,
  };
};

export type RecentContactsQuery = {
  sortField: SortField;
  filters?: SearchFilter[];
  query?: string;
  /**
   * When the Zap is turned on, record every matching contact rather than the look-back window.
   * Needed where a contact's dedupe id never changes (Tag Added: contact + tag): a contact left
   * out now would fire the first time it is edited later, however long ago it got the tag.
   */
  recordAllWhenTurnedOn?: boolean;
};

/**
 * Contacts newest-first by `sortField`, complete for everything inside the look-back window (or,
 * with `recordAllWhenTurnedOn` while the Zap is turned on, every matching contact), within the
 * poll budget.
 */
export async function searchRecentContacts(
  z: ZObject,
  bundle: Bundle,
  { sortField, filters = [], query, recordAllWhenTurnedOn = false }: RecentContactsQuery,
): Promise<Contact[]> {
  const locationId = locationIdOf(bundle);
  const populatingDedupe = bundle.meta?.isPopulatingDedupe === true;
  const readEverything = populatingDedupe && recordAllWhenTurnedOn;
  const cutoff = Date.now() - LOOKBACK_MS;
  const budget = startPollBudget(z, 'contacts');
  // Every page asks the same question (sort, filters, query); only the cursor moves on.
  const page = (pageLimit: number, searchAfter?: unknown[]): HighLevelCall => ({
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
  });

  const seen = new Map<string, Contact>();
  // Turning a Zap on records what exists, so old contacts never fire later: start with a big page.
  let pageLimit = populatingDedupe ? BURST_PAGE_SIZE : FIRST_PAGE_SIZE;
  let response = await budget.first(page(pageLimit), searchResponseSchema);
  for (;;) {
    const { contacts } = response;
    for (const contact of contacts) if (!seen.has(contact.id)) seen.set(contact.id, contact);

    const last = contacts[contacts.length - 1];
    if (!last || contacts.length < pageLimit) break; // the last matching contact is read
    if (!readEverything && timeOf(last[sortField]) < cutoff) break; // all changes since last poll
    if (!last.searchAfter) {
      budget.stoppedEarly('HighLevel returned a contact without a searchAfter cursor');
      break;
    }
    pageLimit = BURST_PAGE_SIZE;
    const next = await budget.next(page(pageLimit, last.searchAfter), searchResponseSchema);
    if (!next) break;
    response = next;
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
/**
 * `pending` contacts and the custom-field definitions a poll labels them with: loaded alongside
 * the first page and within the poll's time budget (what happens when they cannot be: the `poll`
 * policy in lib/customFields/definitions.ts).
 */
export const withPollCustomFieldDefinitions = <T extends Contact>(
  z: ZObject,
  bundle: Bundle,
  pending: Promise<T[]>,
) => withCustomFieldDefinitions(z, bundle, pending, { policy: 'poll', timeoutMs: TIME_BUDGET_MS });

/** searchRecentContacts, mapped for output with the location's custom fields labelled. */
export async function recentContactOutputs(z: ZObject, bundle: Bundle, query: RecentContactsQuery) {
  const [contacts, definitions] = await withPollCustomFieldDefinitions(
    z,
    bundle,
    searchRecentContacts(z, bundle, query),
  );
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
