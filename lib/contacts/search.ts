// What the contact searches share: results carry the location's custom fields under readable keys
// (like every contact output), and Find Contact by Name or Filter's criteria become one
// POST /contacts/search body.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactOutput, contactOutputFields, type Contact, type ContactOutput } from './shape';
import { customFieldOutputFields, withCustomFieldDefinitions } from '../customFields';
import { invalidInput } from '../http/errors';
import { normalizeText } from '../matching';
import { contactFilters, type SearchFilter } from '../polling/contacts';

export const contactSearchOutputFields = [...contactOutputFields, customFieldOutputFields];

/**
 * Contacts as output; the custom-field definitions load while the search runs. A search needs
 * them only for labels, so if they cannot be loaded the results keep the raw `customFields`.
 */
export const contactResults = async (
  z: ZObject,
  bundle: Bundle,
  pending: Promise<Contact[]>,
): Promise<ContactOutput[]> => {
  const [contacts, definitions] = await withCustomFieldDefinitions(z, bundle, pending, {
    policy: 'labels',
  });
  return contacts.map((contact) => contactOutput(contact, definitions));
};

/** Enough rows that an exact name or email hit further down HighLevel's order is still seen. */
export const SEARCH_PAGE_LIMIT = 100;

export type ContactCriteria = {
  query?: string;
  filters: SearchFilter[];
  /** Normalised texts that count as an exact hit on a contact's full name or email. */
  exact: string[];
};

/** What Find Contact by Name or Filter was given, each value already checked. */
export type ContactSearchInput = {
  query?: string;
  firstName?: string;
  lastName?: string;
  tag?: string;
  assignedTo?: string;
  dateAddedFrom?: string;
  dateAddedTo?: string;
};

const dateAddedFilter = ({ dateAddedFrom: gte, dateAddedTo: lte }: ContactSearchInput) => {
  if (gte && lte && gte > lte) {
    throw invalidInput(
      'Added On or Before',
      `${lte} is earlier than Added On or After (${gte}); no contact could match.`,
    );
  }
  if (!gte && !lte) return [];
  return <SearchFilter[]>[
    { field: 'dateAdded', operator: 'range', value: { ...(gte && { gte }), ...(lte && { lte }) } },
  ];
};

const nameFilter = (field: string, value: string | undefined): SearchFilter[] =>
  // HighLevel only filters names through their lower-cased copies (case-sensitive is "coming soon").
  value ? [{ field, operator: 'eq', value: value.toLowerCase() }] : [];

/** The user's criteria, checked before any request; at least one is required. */
export const contactCriteria = (input: ContactSearchInput): ContactCriteria => {
  const { query, firstName, lastName } = input;
  const filters = [
    ...nameFilter('firstNameLowerCase', firstName),
    ...nameFilter('lastNameLowerCase', lastName),
    ...contactFilters({ tag: input.tag, assignedTo: input.assignedTo }),
    ...dateAddedFilter(input),
  ];
  if (!query && filters.length === 0) {
    throw invalidInput(
      'search',
      'fill at least one of Search Text, First Name, Last Name, Tag, Assigned User, Added On or After, or Added On or Before.',
    );
  }
  const fullName = [firstName, lastName].filter(Boolean).join(' ');
  const exact = [query, fullName].map(normalizeText).filter(Boolean);
  return { query, filters, exact };
};

/** Whether a contact is exactly what was asked for: its full name or its email, whole. */
export const isExactContact =
  (exact: string[]) =>
  (contact: ContactOutput): boolean =>
    exact.includes(normalizeText(contact.fullName)) || exact.includes(normalizeText(contact.email));
