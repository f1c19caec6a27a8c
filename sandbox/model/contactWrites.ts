// Every change to a contact goes through here, so duplicate rules, normalisation, indexes,
// dateUpdated and persistence are applied the same way by every route and test helper.
import { badRequest, unprocessable } from '../http/errors';
import type { Store } from '../store';
import { applyCustomFieldInput } from './customFields';
import { newId } from './ids';
import {
  fullName,
  isPlausibleEmail,
  normalizeEmail,
  normalizePhone,
  normalizeTags,
  parseDateOfBirth,
  splitName,
} from './normalize';
import { nextTimestamp } from './timestamps';
import { ContactRecord, DuplicateField, LocationRecord } from './types';

/** Body of create/update/upsert after spec validation (so the types are already right). */
export interface ContactInput {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  companyName?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  website?: string | null;
  timezone?: string | null;
  gender?: string | null;
  source?: string | null;
  assignedTo?: string | null;
  dnd?: boolean;
  dndSettings?: ContactRecord['dndSettings'];
  inboundDndSettings?: ContactRecord['inboundDndSettings'];
  tags?: string[];
  customFields?: unknown[];
  dateOfBirth?: unknown;
}

const PLAIN_TEXT_FIELDS = [
  'companyName',
  'address1',
  'city',
  'state',
  'postalCode',
  'country',
  'website',
  'timezone',
  'gender',
  'source',
  'assignedTo',
] as const;

export interface CreateOptions {
  skipDuplicateCheck?: boolean;
  dateAdded?: Date;
  dateUpdated?: Date;
}

export function createContact(
  store: Store,
  locationId: string,
  input: ContactInput,
  options: CreateOptions = {},
): ContactRecord {
  const location = requireLocation(store, locationId);
  const contact = blankContact(locationId, options);
  const patch = buildPatch(store, contact, input);
  if (!options.skipDuplicateCheck) {
    const duplicate = findDuplicate(store, location, patch.email ?? null, patch.phone ?? null);
    if (duplicate) throw duplicateError(duplicate.contact, duplicate.field);
  }
  Object.assign(contact, patch);
  for (const tag of contact.tags) store.ensureTag(locationId, tag);
  store.putContact(contact);
  store.changed();
  return contact;
}

/** `ignore` drops identifiers upsert must not overwrite (they belong to another contact). */
export function updateContact(
  store: Store,
  contact: ContactRecord,
  input: ContactInput,
  ignore: ReadonlySet<DuplicateField> = new Set(),
): ContactRecord {
  const patch = buildPatch(store, contact, input);
  if (ignore.has('email')) delete patch.email;
  if (ignore.has('phone')) delete patch.phone;
  const location = requireLocation(store, contact.locationId);
  const email = patch.email !== undefined && patch.email !== contact.email ? patch.email : null;
  const phone = patch.phone !== undefined && patch.phone !== contact.phone ? patch.phone : null;
  const duplicate = findDuplicate(store, location, email, phone, contact.id);
  if (duplicate) throw duplicateError(duplicate.contact, duplicate.field);
  store.unindexIdentity(contact);
  Object.assign(contact, patch);
  store.indexIdentity(contact);
  for (const tag of contact.tags) store.ensureTag(contact.locationId, tag);
  touch(store, contact);
  return contact;
}

/**
 * HighLevel's upsert: match in the location's priority order (email then phone, or phone then
 * email); when email and phone match two different contacts, update the first match and ignore
 * the second identifier.
 */
export function upsertContact(
  store: Store,
  locationId: string,
  input: ContactInput & { createNewIfDuplicateAllowed?: boolean },
): { created: boolean; contact: ContactRecord; tagsBefore: string[] } {
  const { createNewIfDuplicateAllowed, ...fields } = input;
  const location = requireLocation(store, locationId);
  if (createNewIfDuplicateAllowed && location.settings.allowDuplicateContact) {
    return {
      created: true,
      contact: createContact(store, locationId, fields, { skipDuplicateCheck: true }),
      tagsBefore: [],
    };
  }
  const email = normalizeEmail(fields.email);
  const phone = normalizePhone(fields.phone);
  const match = findMatch(store, location, email, phone);
  if (!match) {
    return { created: true, contact: createContact(store, locationId, fields), tagsBefore: [] };
  }
  const ignore = new Set<DuplicateField>();
  for (const field of ['email', 'phone'] as const) {
    const other = findMatch(store, { ...location, duplicatePriority: [field] }, email, phone);
    if (field !== match.field && other && other.contact.id !== match.contact.id) ignore.add(field);
  }
  const tagsBefore = [...match.contact.tags];
  return {
    created: false,
    contact: updateContact(store, match.contact, fields, ignore),
    tagsBefore,
  };
}

export function deleteContact(store: Store, contact: ContactRecord): void {
  store.removeContact(contact);
  store.changed();
}

/** Only when the location disallows duplicates; checks fields in the location's priority order. */
export function findDuplicate(
  store: Store,
  location: LocationRecord,
  email: string | null,
  phone: string | null,
  excludeId?: string,
): { contact: ContactRecord; field: DuplicateField } | undefined {
  if (location.settings.allowDuplicateContact) return undefined;
  return findMatch(store, location, email, phone, excludeId);
}

export function findMatch(
  store: Store,
  location: LocationRecord,
  email: string | null,
  phone: string | null,
  excludeId?: string,
): { contact: ContactRecord; field: DuplicateField } | undefined {
  for (const field of location.duplicatePriority) {
    const value = field === 'email' ? email : phone;
    if (!value) continue;
    const candidates =
      field === 'email'
        ? store.findContactsByEmail(location.id, value)
        : store.findContactsByPhone(location.id, value);
    const contact = candidates.find((candidate) => candidate.id !== excludeId);
    if (contact) return { contact, field };
  }
  return undefined;
}

export function duplicateError(contact: ContactRecord, field: DuplicateField): Error {
  return badRequest('This location does not allow duplicated contacts.', {
    meta: {
      contactId: contact.id,
      matchingField: field,
      contactName: fullName(contact.firstName, contact.lastName) ?? undefined,
    },
  });
}

/** Moves dateUpdated forward and schedules a save; every write to a contact ends here. */
export function touch(store: Store, contact: ContactRecord): void {
  contact.dateUpdated = nextTimestamp(contact.dateUpdated);
  store.changed();
}

export function addTags(store: Store, contact: ContactRecord, tags: string[]): string[] {
  const added = normalizeTags(tags).filter((tag) => !contact.tags.includes(tag));
  for (const tag of added) store.ensureTag(contact.locationId, tag);
  contact.tags = [...contact.tags, ...added];
  touch(store, contact);
  return added;
}

export function removeTags(store: Store, contact: ContactRecord, tags: string[]): string[] {
  const wanted = new Set(normalizeTags(tags));
  const removed = contact.tags.filter((tag) => wanted.has(tag));
  contact.tags = contact.tags.filter((tag) => !wanted.has(tag));
  touch(store, contact);
  return removed;
}

export function requireLocation(store: Store, locationId: string): LocationRecord {
  const location = store.locations.get(locationId);
  if (!location) throw badRequest(`Location ${locationId} not found`);
  return location;
}

export function blankContact(locationId: string, options: CreateOptions): ContactRecord {
  const added = (options.dateAdded ?? new Date()).toISOString();
  return {
    id: newId(),
    locationId,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    companyName: null,
    address1: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
    website: null,
    timezone: null,
    gender: null,
    source: null,
    type: 'lead',
    dnd: false,
    dndSettings: {},
    inboundDndSettings: {},
    assignedTo: null,
    tags: [],
    customFields: [],
    dateOfBirth: null,
    businessId: null,
    followers: [],
    additionalEmails: [],
    campaignIds: [],
    workflowIds: [],
    attributionSource: null,
    dateAdded: added,
    dateUpdated: (options.dateUpdated ?? options.dateAdded ?? new Date()).toISOString(),
  };
}

/** Validates and normalises input into the fields to assign; throws 422 before any change. */
function buildPatch(
  store: Store,
  contact: ContactRecord,
  input: ContactInput,
): Partial<ContactRecord> {
  const patch: Partial<ContactRecord> = {};
  const errors: string[] = [];
  for (const key of PLAIN_TEXT_FIELDS) {
    if (input[key] !== undefined) patch[key] = emptyToNull(input[key]);
  }
  if (input.firstName !== undefined) patch.firstName = emptyToNull(input.firstName);
  if (input.lastName !== undefined) patch.lastName = emptyToNull(input.lastName);
  if (input.name && input.firstName === undefined && input.lastName === undefined) {
    Object.assign(patch, splitName(input.name));
  }
  if (input.email !== undefined) {
    patch.email = normalizeEmail(input.email);
    if (patch.email && !isPlausibleEmail(patch.email)) errors.push('email must be an email');
  }
  if (input.phone !== undefined) patch.phone = normalizePhone(input.phone);
  if (input.dnd !== undefined) patch.dnd = input.dnd;
  if (input.dndSettings !== undefined)
    patch.dndSettings = { ...contact.dndSettings, ...input.dndSettings };
  if (input.inboundDndSettings !== undefined) patch.inboundDndSettings = input.inboundDndSettings;
  if (input.tags !== undefined) patch.tags = normalizeTags(input.tags);
  if (input.dateOfBirth !== undefined) {
    if (input.dateOfBirth === null || input.dateOfBirth === '') patch.dateOfBirth = null;
    else {
      const parsed = parseDateOfBirth(input.dateOfBirth);
      if (parsed) patch.dateOfBirth = parsed;
      else errors.push('dateOfBirth must be a valid date (YYYY-MM-DD or MM/DD/YYYY)');
    }
  }
  if (errors.length > 0) throw unprocessable(errors);
  if (input.customFields !== undefined) {
    patch.customFields = applyCustomFieldInput(
      store,
      contact.locationId,
      contact.customFields,
      input.customFields,
    );
  }
  return patch;
}

function emptyToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return trimmed.length > 0 ? trimmed : null;
}
