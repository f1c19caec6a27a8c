// The location-wide contact triggers' poll: POST /contacts/search newest-first, carried on where
// the Zap's last poll stopped (lib/polling/carryOn.ts: what is read, and why nothing is lost),
// within one poll's budget (lib/polling/budget.ts). A quiet poll is one request.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf, type HighLevelCall } from '../http/client';
import { contactOutput, contactOutputFields, readContacts, type Contact } from '../contacts/shape';
import { customFieldOutputFields, withCustomFieldDefinitions } from '../customFields';
import { isoDateTime } from '../dates';
import { notesResponseSchema, type Note } from '../records/notes';
import { tasksResponseSchema, type Task } from '../records/tasks';
import {
  BURST_PAGE_SIZE,
  FIRST_PAGE_SIZE,
  LOOKBACK_MS,
  startPollBudget,
  TIME_BUDGET_MS,
} from './budget';
import { asCarryState, carryOn, type CarryState, type ReadPage } from './carryOn';
import { isZapPoll, loadZapMemory, saveZapMemory } from './zapMemory';

export type SearchFilter = { field: string; operator: string; value?: unknown };
export type SortField = 'dateAdded' | 'dateUpdated';

// Rows are read one by one (readContacts), so that one unreadable record never fails the poll.
const searchResponseSchema = zod.looseObject({
  contacts: zod.array(zod.unknown()).default([]),
  total: zod.number().optional(),
});

/** Epoch ms of a HighLevel date (ISO text or epoch ms); NaN when there is none. */
export const timeOf = (value: unknown): number =>
  typeof value === 'number' ? value : value ? Date.parse(String(value)) : Number.NaN;

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

/** Contacts read by one poll, and `commit`, which stores the Zap's progress: call it last. */
export type PollRead = { contacts: Contact[]; commit: () => Promise<void> };

/**
 * Contacts newest-first by `sortField` that changed since the Zap's last poll, and those earlier
 * polls could not read yet (lib/polling/carryOn.ts), within one poll's budget. An editor test
 * reads the first page only and leaves the Zap's progress alone; turning the Zap on reads what
 * exists (the look-back window, or everything with `recordAllWhenTurnedOn`) and starts afresh.
 */
export async function searchRecentContacts(
  z: ZObject,
  bundle: Bundle,
  { sortField, filters = [], query, recordAllWhenTurnedOn = false }: RecentContactsQuery,
): Promise<PollRead> {
  const locationId = locationIdOf(bundle);
  const turningOn = bundle.meta?.isPopulatingDedupe === true;
  const budget = startPollBudget(z, 'contacts');
  const log = (line: string) => z.console.log(line);
  // Every page asks the same question (sort, filters, query); only the cursor moves on.
  const question = {
    locationId,
    sort: [{ field: sortField, direction: 'desc' }],
    ...(filters.length > 0 ? { filters } : {}),
    ...(query ? { query } : {}),
  };
  const call = (pageLimit: number, searchAfter?: unknown[]): HighLevelCall => ({
    method: 'POST',
    path: '/contacts/search',
    body: { ...question, pageLimit, ...(searchAfter ? { searchAfter } : {}) },
  });
  const contacts = new Map<string, Contact>();
  let requests = 0;
  const read: ReadPage = async (limit, after) => {
    requests += 1;
    const response =
      requests === 1
        ? await budget.first(call(limit, after), searchResponseSchema)
        : await budget.next(call(limit, after), searchResponseSchema);
    if (!response) return undefined;
    const page = readContacts(response.contacts, log);
    for (const contact of page) if (!contacts.has(contact.id)) contacts.set(contact.id, contact);
    return page.map((contact) => ({
      id: contact.id,
      time: timeOf(contact[sortField]),
      searchAfter: contact.searchAfter,
    }));
  };

  // "Load more" in the editor: the first page is all a sample needs.
  if ((bundle.meta?.page ?? 0) > 0) return { contacts: [], commit: async () => undefined };
  if (!isZapPoll(bundle)) {
    await read(FIRST_PAGE_SIZE);
    return { contacts: [...contacts.values()], commit: async () => undefined };
  }
  const memoryKey = JSON.stringify(question);
  // Turning a Zap on records what exists, so old contacts never fire later: big pages at once.
  const firstPageLimit = turningOn ? BURST_PAGE_SIZE : FIRST_PAGE_SIZE;
  // The first page does not depend on the memory: both are fetched at once.
  const firstPage = read(firstPageLimit);
  firstPage.catch(() => undefined); // its failure is the poll's, once carryOn awaits it
  const memory = turningOn ? undefined : asCarryState(await loadZapMemory(z, memoryKey));
  const windowStart = turningOn && recordAllWhenTurnedOn ? -Infinity : Date.now() - LOOKBACK_MS;
  if (!turningOn && !memory) {
    // A burst still being carried over loses what is older than the window: the Zap's log says when.
    log(
      `No polling progress is stored for this Zap (none yet, it expired or was lost, or the trigger's filters changed): this poll reads back ${LOOKBACK_MS / 60_000} minutes, to ${new Date(windowStart).toISOString()}.`,
    );
  }
  let firstAsked = false;
  const readOn: ReadPage = (limit, after) => {
    if (firstAsked || after || limit !== firstPageLimit) return read(limit, after);
    firstAsked = true;
    return firstPage;
  };
  const { rows, memory: next } = await carryOn(readOn, memory, {
    windowStart,
    firstPageLimit,
    pageLimit: BURST_PAGE_SIZE,
    log,
  });
  // Turning on: what the budget left unread existed before the Zap, so it is not carried over.
  const kept: CarryState = turningOn
    ? { ...(next.top ? { top: { ...next.top, turnedOn: true } } : {}), gaps: [] }
    : next;
  return {
    // Turning on returns all it read (beyond the window too): Zapier records them as seen.
    contacts: turningOn ? [...contacts.values()] : rows.map((row) => contacts.get(row.id)!),
    commit: isQuiet(memory, kept) ? async () => undefined : () => saveZapMemory(z, memoryKey, kept),
  };
}

/**
 * Whether a poll leaves the Zap's memory as it found it with nothing carried over: nothing new,
 * no gaps. Such a poll writes no cursor (one round trip to Zapier's store saved on most polls).
 * Should the stored value then expire (z.cursor keeps it about an hour after its last write), the
 * next poll reads back the look-back window: with no gap, nothing unread was remembered, and every
 * contact newer than the last one read is inside that window (polls run at most 15 min apart).
 * Turning on always writes (`memory` is then undefined), so it still starts fresh.
 */
const isQuiet = (memory: CarryState | undefined, kept: CarryState): boolean =>
  memory !== undefined &&
  memory.gaps.length === 0 &&
  kept.gaps.length === 0 &&
  memory.top?.id === kept.top?.id &&
  memory.top?.time === kept.top?.time;

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

/**
 * searchRecentContacts, mapped for output with the location's custom fields labelled. The Zap's
 * progress is stored once everything that can fail has succeeded.
 */
export async function recentContactOutputs(z: ZObject, bundle: Bundle, query: RecentContactsQuery) {
  const read = searchRecentContacts(z, bundle, query);
  const [contacts, definitions] = await withPollCustomFieldDefinitions(
    z,
    bundle,
    read.then(({ contacts }) => contacts),
  );
  const outputs = contacts.map((contact) => contactOutput(contact, definitions));
  await (await read).commit();
  return outputs;
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
