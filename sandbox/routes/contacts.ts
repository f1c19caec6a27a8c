// Contact CRUD, upsert, the deprecated list, search, duplicate lookup and business members.
import { badRequest } from '../http/errors';
import {
  ContactInput,
  createContact,
  deleteContact,
  findMatch,
  updateContact,
  upsertContact,
} from '../model/contactWrites';
import { traceId } from '../model/ids';
import { normalizeEmail, normalizePhone } from '../model/normalize';
import { SearchBody, searchContacts } from '../model/search';
import { contactResponse, createdContactResponse, listRow } from '../model/shapes';
import { ContactRecord } from '../model/types';
import { contactEvent, contactWriteEvents } from '../webhooks/payloads';
import { created, Handler, loadContact, loadLocation, loadOwned, ok, queryString } from './context';

const getContact: Handler = (ctx) =>
  ok({ contact: contactResponse(loadContact(ctx, ctx.params.contactId)) });

const createContactRoute: Handler = (ctx) => {
  const { locationId, ...input } = ctx.body as ContactInput & { locationId: string };
  loadLocation(ctx, locationId);
  const contact = createContact(ctx.store, locationId, input);
  ctx.webhooks.emit(...contactWriteEvents('ContactCreate', contact, []));
  return created({ contact: createdContactResponse(contact) });
};

const updateContactRoute: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const tagsBefore = [...contact.tags];
  updateContact(ctx.store, contact, ctx.body as ContactInput);
  ctx.webhooks.emit(...contactWriteEvents('ContactUpdate', contact, tagsBefore));
  return ok({ succeded: true, contact: contactResponse(contact) });
};

const deleteContactRoute: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  deleteContact(ctx.store, contact);
  ctx.webhooks.emit(contactEvent('ContactDelete', contact));
  return ok({ succeded: true });
};

const upsertContactRoute: Handler = (ctx) => {
  const { locationId, ...input } = ctx.body as ContactInput & {
    locationId: string;
    createNewIfDuplicateAllowed?: boolean;
  };
  loadLocation(ctx, locationId);
  const result = upsertContact(ctx.store, locationId, input);
  const type = result.created ? 'ContactCreate' : 'ContactUpdate';
  ctx.webhooks.emit(...contactWriteEvents(type, result.contact, result.tagsBefore));
  return ok({ new: result.created, contact: contactResponse(result.contact), traceId: traceId() });
};

/** Deprecated GET /contacts/: oldest first, cursor `startAfter` (epoch ms) + `startAfterId`. */
const listContacts: Handler = (ctx) => {
  const location = loadLocation(ctx, queryString(ctx, 'locationId'));
  const limit = Math.min(Math.max(Number(queryString(ctx, 'limit') ?? 20) || 20, 1), 100);
  const startAfter = Number(queryString(ctx, 'startAfter') ?? NaN);
  const startAfterId = queryString(ctx, 'startAfterId');
  const query = queryString(ctx, 'query')?.toLowerCase();
  const ordered = [...ctx.store.contactsOf(location.id)]
    .filter((c) => !query || matchesListQuery(c, query))
    .map((c) => ({ c, at: Date.parse(c.dateAdded) }))
    .sort((a, b) => a.at - b.at || (a.c.id < b.c.id ? -1 : 1));
  const start = Number.isFinite(startAfter)
    ? ordered.findIndex(
        (e) =>
          e.at > startAfter || (e.at === startAfter && !!startAfterId && e.c.id > startAfterId),
      )
    : 0;
  const from = start < 0 ? ordered.length : start;
  const page = ordered.slice(from, from + limit);
  const last = page[page.length - 1];
  const hasMore = from + limit < ordered.length;
  const base = `/contacts/?locationId=${location.id}&limit=${limit}`;
  return ok({
    contacts: page.map((e) => listRow(e.c)),
    meta: {
      total: ordered.length,
      nextPageUrl:
        hasMore && last ? `${base}&startAfter=${last.at}&startAfterId=${last.c.id}` : null,
      startAfterId: last ? last.c.id : null,
      startAfter: last ? last.at : null,
      currentPage: Math.floor(from / limit) + 1,
      nextPage: hasMore ? Math.floor(from / limit) + 2 : null,
      prevPage: from > 0 ? Math.floor(from / limit) : null,
    },
  });
};

function matchesListQuery(contact: ContactRecord, query: string): boolean {
  return [
    contact.firstName,
    contact.lastName,
    contact.email,
    contact.phone,
    contact.companyName,
  ].some((value) => value?.toLowerCase().includes(query));
}

const search: Handler = (ctx) => {
  const body = ctx.body as SearchBody;
  loadLocation(ctx, body.locationId);
  return ok({ ...searchContacts(ctx.store, body), traceId: traceId() });
};

/** The location's duplicate rule decides which of email and phone is matched first. */
const findDuplicateContact: Handler = (ctx) => {
  const location = loadLocation(ctx, queryString(ctx, 'locationId'));
  const email = normalizeEmail(queryString(ctx, 'email'));
  const phone = normalizePhone(queryString(ctx, 'number'));
  if (!email && !phone) throw badRequest('Pass at least one of number, email query parameter');
  const match = findMatch(ctx.store, location, email, phone);
  return ok({ contact: match ? contactResponse(match.contact) : null, traceId: traceId() });
};

const contactsOfBusiness: Handler = (ctx) => {
  const location = loadLocation(ctx, queryString(ctx, 'locationId'));
  const business = loadOwned(
    ctx,
    ctx.store.businesses.get(ctx.params.businessId ?? ''),
    'Business',
    location.id,
  );
  const skip = Math.max(Number(queryString(ctx, 'skip') ?? 0) || 0, 0);
  const limit = Math.max(Number(queryString(ctx, 'limit') ?? 25) || 25, 1);
  const query = queryString(ctx, 'query')?.toLowerCase();
  const members = [...ctx.store.contactsOf(location.id)]
    .filter((c) => c.businessId === business.id && (!query || matchesListQuery(c, query)))
    .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || (a.id < b.id ? -1 : 1));
  return ok({ contacts: members.slice(skip, skip + limit).map(listRow), count: members.length });
};

export const contactRoutes: Record<string, Handler> = {
  'get-contact': getContact,
  'create-contact': createContactRoute,
  'update-contact': updateContactRoute,
  'delete-contact': deleteContactRoute,
  'upsert-contact': upsertContactRoute,
  'get-contacts': listContacts,
  'search-contacts-advanced': search,
  'get-duplicate-contact': findDuplicateContact,
  'get-contacts-by-businessId': contactsOfBusiness,
};
