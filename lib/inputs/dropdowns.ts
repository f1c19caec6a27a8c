// What the hidden dropdown triggers (triggers/*_choices.ts) share: their definition, Zapier's
// "load more" paging (offsets for skip/limit endpoints, z.cursor for search cursors), labels for
// people, and one factory for the plain `{ <list>: [{ id, name }] }` lists of a location.
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../http/client';
import { isBlank } from './normalise';
import { requireId } from '../http/paths';
import { uniqueById } from '../uniqueById';

/** Choices per dropdown page ("load more" asks for the next). */
export const DROPDOWN_PAGE_SIZE = 100;

type ChoicesPerform = (z: ZObject, bundle: Bundle) => Promise<Array<{ id: string }>>;

/** A hidden trigger that feeds the `<key>.id.<label>` dropdowns of lib/fields.ts. */
export const dropdownTrigger = <K extends string>({
  key,
  noun,
  perform,
  canPaginate = false,
}: {
  key: K;
  noun: string;
  perform: ChoicesPerform;
  canPaginate?: boolean;
}) =>
  defineTrigger({
    key,
    noun,
    display: {
      label: `${noun} Choices`,
      description: `Lists ${noun.toLowerCase()} choices for dropdown fields.`,
      hidden: true,
    },
    operation: { type: 'polling', perform, canPaginate },
  });

/** Zapier's 0-based "load more" page as the skip of a skip/limit endpoint (which wants strings). */
export const skipOf = (bundle: Bundle, pageSize: number): string =>
  String(Math.max(0, bundle.meta?.page ?? 0) * pageSize);

/**
 * Where a cursor-paged dropdown continues: `{ start: true }` on page 0, the stored `searchAfter`
 * on later pages, or `{ done: true }` when the previous page was the last one (empty cursor).
 */
export const readCursor = async (
  z: ZObject,
  bundle: Bundle,
): Promise<{ start: true } | { searchAfter: unknown[] } | { done: true }> => {
  if ((bundle.meta?.page ?? 0) <= 0) return { start: true };
  const stored = await z.cursor.get();
  if (!stored) return { done: true };
  let searchAfter: unknown;
  try {
    searchAfter = JSON.parse(stored);
  } catch {
    return { done: true }; // not a cursor this code wrote: end the list rather than fail it
  }
  return Array.isArray(searchAfter) && searchAfter.length > 0 ? { searchAfter } : { done: true };
};

/**
 * Remembers where the next page starts; no cursor (a short page) ends the paging. Runners without
 * Zapier's cursor store (app testers, the `npm start` demo) cannot save one: the first page still
 * shows, and "load more" then simply ends.
 */
export const writeCursor = async (
  z: ZObject,
  searchAfter: unknown[] | null | undefined,
): Promise<void> => {
  try {
    await z.cursor.set(searchAfter ? JSON.stringify(searchAfter) : '');
  } catch (error) {
    z.console.log(`Could not save the dropdown's paging cursor: ${(error as Error).message}`);
  }
};

/**
 * The contact chosen earlier in the same form, for dropdowns of a contact's records (tasks,
 * notes); undefined until one is chosen, so such a dropdown shows nothing instead of an error.
 */
export const chosenContactId = (bundle: Bundle): string | undefined =>
  isBlank(bundle.inputData.contactId)
    ? undefined
    : requireId('contactId', bundle.inputData.contactId);

/** "Rosan Deo (rosan@deos.com)", else whichever of name, email, phone or id exists. */
export const personLabel = ({
  name,
  email,
  phone,
  id,
}: {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  id: string;
}): string => {
  const fullName = name?.trim();
  const address = email?.trim();
  if (fullName && address) return `${fullName} (${address})`;
  return fullName || address || phone?.trim() || id;
};

const namedItemSchema = zod.looseObject({
  id: zod.string(),
  name: zod.string().nullish(),
  status: zod.string().nullish(),
});

type ListChoices = {
  /** The endpoint; a `{locationId}` in it is filled, otherwise `locationId` goes in the query. */
  path: string;
  /** The response's array of `{ id, name }`, e.g. `campaigns`. */
  listKey: string;
  /** For skip/limit endpoints: the page size; pages then follow Zapier's "load more". */
  pageSize?: number;
};

/** The perform of a dropdown over one of the location's plain lists (tags, campaigns, ...). */
export const listChoices = ({ path, listKey, pageSize }: ListChoices) => {
  const responseSchema = zod.looseObject({ [listKey]: zod.array(namedItemSchema).default([]) });
  return async (z: ZObject, bundle: Bundle) => {
    const locationId = locationIdOf(bundle);
    const inPath = path.includes('{locationId}');
    const paging = pageSize ? { limit: String(pageSize), skip: skipOf(bundle, pageSize) } : {};
    const response = await callHighLevel(
      z,
      {
        path,
        pathParams: inPath ? { locationId } : {},
        query: { ...(inPath ? {} : { locationId }), ...paging },
      },
      responseSchema,
    );
    const items = response[listKey] as Array<zod.infer<typeof namedItemSchema>>;
    // Core rejects a dropdown page with a repeated id; a record listed twice is shown once.
    return uniqueById(
      items.map(({ id, name, status }) => ({ id, name: name || id, status: status ?? '' })),
    );
  };
};
