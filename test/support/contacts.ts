// HighLevel contacts as POST /contacts/search returns them, for building polling fixtures.
import { LOCATION_ID } from './app';

const MINUTE = 60 * 1000;

export type SearchRow = {
  id: string;
  locationId: string;
  contactName: string;
  firstNameLowerCase: string;
  lastNameLowerCase: string;
  email: string;
  phone: string;
  address: string;
  tags: string[];
  dateAdded: string;
  dateUpdated: string;
  customFields: Array<{ id: string; value: unknown }>;
  searchAfter: [number, string];
};

/** Contact number `n`, added `minutesAgo` minutes before `now`; `sortField` sets its cursor. */
export const searchRow = (
  n: number,
  minutesAgo: number,
  {
    now = Date.now(),
    sortField = 'dateAdded',
  }: { now?: number; sortField?: 'dateAdded' | 'dateUpdated' } = {},
): SearchRow => {
  const at = new Date(now - minutesAgo * MINUTE).toISOString();
  const id = `contact${String(n).padStart(13, '0')}`;
  return {
    id,
    locationId: LOCATION_ID,
    contactName: `person ${n}`,
    firstNameLowerCase: 'person',
    lastNameLowerCase: String(n),
    email: `person${n}@example.com`,
    phone: `+1415555${String(n % 10000).padStart(4, '0')}`,
    address: `${n} Market St`,
    tags: ['lead'],
    dateAdded: at,
    dateUpdated: at,
    customFields: [],
    searchAfter: [Date.parse(sortField === 'dateAdded' ? at : at), id],
  };
};
