// POST /contacts/search: filter, sort once, then page by `page` or by the `searchAfter` cursor.
// Every row carries `searchAfter: [...sortValues, id]`; the next page starts strictly after it.
import { badRequest, unprocessable } from '../http/errors';
import type { Store } from '../store';
import { toEpochMs } from './normalize';
import { compileFilters } from './searchFilters';
import { searchRow } from './shapes';
import { ContactRecord } from './types';

export const MAX_STANDARD_PAGINATION = 10_000;

type SortField =
  | 'dateAdded'
  | 'dateUpdated'
  | 'firstNameLowerCase'
  | 'lastNameLowerCase'
  | 'businessName'
  | 'email'
  | 'dnd'
  | 'source';

interface SortSpec {
  field: SortField;
  direction: 'asc' | 'desc';
}

export interface SearchBody {
  locationId: string;
  page?: number;
  pageLimit: number;
  searchAfter?: unknown[];
  filters?: Parameters<typeof compileFilters>[0];
  sort?: SortSpec[];
  query?: string;
}

type SortKey = number | string | null;

interface Entry {
  contact: ContactRecord;
  keys: SortKey[];
}

const DEFAULT_SORT: SortSpec[] = [{ field: 'dateAdded', direction: 'desc' }];

export function searchContacts(
  store: Store,
  body: SearchBody,
): { contacts: unknown[]; total: number } {
  const sort = body.sort && body.sort.length > 0 ? body.sort : DEFAULT_SORT;
  const { predicate, errors } = compileFilters(body.filters ?? [], store, body.locationId);
  const cursor = body.searchAfter ? parseCursor(body.searchAfter, sort, errors) : undefined;
  if (errors.length > 0) throw unprocessable(errors);
  const page = body.page ?? 1;
  if (!cursor && page * body.pageLimit > MAX_STANDARD_PAGINATION) {
    throw badRequest(
      `Standard pagination can only reach the first ${MAX_STANDARD_PAGINATION} records (page * pageLimit); use searchAfter to go further`,
    );
  }

  const matchesQuery = queryPredicate(body.query);
  const entries: Entry[] = [];
  for (const contact of store.contactsOf(body.locationId)) {
    if (matchesQuery(contact) && predicate(contact)) {
      entries.push({ contact, keys: sort.map((s) => sortKey(contact, s.field)) });
    }
  }
  const compare = (a: Entry, b: Entry): number =>
    compareEntries(a.keys, a.contact.id, b.keys, b.contact.id, sort);
  entries.sort(compare);

  const start = cursor
    ? firstAfter(entries, (entry) =>
        compareEntries(entry.keys, entry.contact.id, cursor.keys, cursor.id, sort),
      )
    : (page - 1) * body.pageLimit;
  const rows = entries
    .slice(start, start + body.pageLimit)
    .map((entry) => searchRow(entry.contact, [...entry.keys, entry.contact.id]));
  return { contacts: rows, total: entries.length };
}

function sortKey(contact: ContactRecord, field: SortField): SortKey {
  switch (field) {
    case 'dateAdded':
      return Date.parse(contact.dateAdded);
    case 'dateUpdated':
      return Date.parse(contact.dateUpdated);
    case 'dnd':
      return contact.dnd ? 1 : 0;
    case 'firstNameLowerCase':
      return contact.firstName?.toLowerCase() ?? null;
    case 'lastNameLowerCase':
      return contact.lastName?.toLowerCase() ?? null;
    case 'businessName':
      return contact.companyName?.toLowerCase() ?? null;
    case 'email':
      return contact.email?.toLowerCase() ?? null;
    case 'source':
      return contact.source?.toLowerCase() ?? null;
  }
}

/** Missing values sort last in both directions (Elasticsearch's default); ties go by id. */
function compareEntries(
  aKeys: SortKey[],
  aId: string,
  bKeys: SortKey[],
  bId: string,
  sort: SortSpec[],
): number {
  for (let i = 0; i < sort.length; i++) {
    const a = aKeys[i] ?? null;
    const b = bKeys[i] ?? null;
    if (a === b) continue;
    if (a === null) return 1;
    if (b === null) return -1;
    const order = a < b ? -1 : 1;
    return sort[i]!.direction === 'asc' ? order : -order;
  }
  return aId === bId ? 0 : aId < bId ? -1 : 1;
}

/** Index of the first entry that sorts strictly after the cursor (binary search). */
function firstAfter(entries: Entry[], compareToCursor: (entry: Entry) => number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareToCursor(entries[mid]!) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function parseCursor(
  raw: unknown[],
  sort: SortSpec[],
  errors: string[],
): { keys: SortKey[]; id: string } | undefined {
  if (raw.length !== sort.length + 1) {
    errors.push(
      `searchAfter must contain ${sort.length + 1} values: the sort values of the last contact, then its id`,
    );
    return undefined;
  }
  const keys = sort.map((spec, i) => cursorKey(raw[i], spec.field));
  return { keys, id: String(raw[sort.length]) };
}

function cursorKey(value: unknown, field: SortField): SortKey {
  if (value === null || value === undefined) return null;
  if (field === 'dateAdded' || field === 'dateUpdated') return toEpochMs(value) ?? null;
  if (field === 'dnd')
    return value === true || value === 1 || value === '1' || value === 'true' ? 1 : 0;
  return String(value).toLowerCase();
}

/** Free text: case-insensitive substring of name, email, phone (digits) or company name. */
function queryPredicate(query: string | undefined): (contact: ContactRecord) => boolean {
  const needle = query?.trim().toLowerCase();
  if (!needle) return () => true;
  const digits = needle.replace(/\D/g, '');
  return (contact) => {
    const name = `${contact.firstName ?? ''} ${contact.lastName ?? ''}`.toLowerCase();
    if (name.includes(needle)) return true;
    if (contact.email?.toLowerCase().includes(needle)) return true;
    if (contact.companyName?.toLowerCase().includes(needle)) return true;
    return digits.length >= 3 && !!contact.phone && contact.phone.includes(digits);
  };
}
