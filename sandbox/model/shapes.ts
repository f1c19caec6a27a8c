// Response shapes, following the spec's schemas and the live payloads described in the notes.
import { fullName } from './normalize';
import {
  AppointmentRecord,
  ContactRecord,
  CustomFieldRecord,
  LocationRecord,
  NoteRecord,
  TaskRecord,
  UserRecord,
} from './types';

function lower(value: string | null): string | null {
  return value ? value.toLowerCase() : null;
}

/** `contactName` is the lower-cased full name, as HighLevel's search index holds it. */
export function contactName(contact: ContactRecord): string | null {
  return lower(fullName(contact.firstName, contact.lastName));
}

/** GET /contacts/{id}, PUT, upsert and create: `GetContectByIdSchema` plus the live extras. */
export function contactResponse(contact: ContactRecord): Record<string, unknown> {
  const name = fullName(contact.firstName, contact.lastName);
  return {
    id: contact.id,
    name,
    locationId: contact.locationId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    emailLowerCase: lower(contact.email),
    timezone: contact.timezone,
    companyName: contact.companyName,
    phone: contact.phone,
    dnd: contact.dnd,
    dndSettings: contact.dndSettings,
    inboundDndSettings: contact.inboundDndSettings,
    type: contact.type,
    source: contact.source,
    assignedTo: contact.assignedTo,
    address1: contact.address1,
    city: contact.city,
    state: contact.state,
    country: contact.country,
    postalCode: contact.postalCode,
    website: contact.website,
    gender: contact.gender,
    tags: [...contact.tags],
    dateOfBirth: contact.dateOfBirth,
    dateAdded: contact.dateAdded,
    dateUpdated: contact.dateUpdated,
    firstNameLowerCase: lower(contact.firstName),
    lastNameLowerCase: lower(contact.lastName),
    fullNameLowerCase: lower(name),
    customFields: contact.customFields.map((entry) => ({ ...entry })),
    businessId: contact.businessId,
    followers: [...contact.followers],
    additionalEmails: [...contact.additionalEmails],
    attributionSource: contact.attributionSource,
  };
}

/** POST /contacts/ answers with `CreateContactSchema`, which differs slightly from GET. */
export function createdContactResponse(contact: ContactRecord): Record<string, unknown> {
  const birth = contact.dateOfBirth ? new Date(contact.dateOfBirth) : undefined;
  return {
    ...contactResponse(contact),
    deleted: false,
    bounceEmail: false,
    unsubscribeEmail: false,
    birthMonth: birth ? birth.getUTCMonth() : undefined,
    birthDay: birth ? birth.getUTCDate() : undefined,
    offers: [],
    products: [],
  };
}

/** A row of POST /contacts/search: `address` (not address1), `contactName`, epoch-ms birth date. */
export function searchRow(contact: ContactRecord, searchAfter: unknown[]): Record<string, unknown> {
  return {
    id: contact.id,
    locationId: contact.locationId,
    contactName: contactName(contact),
    firstName: contact.firstName,
    lastName: contact.lastName,
    firstNameLowerCase: lower(contact.firstName),
    lastNameLowerCase: lower(contact.lastName),
    email: contact.email,
    phone: contact.phone,
    phoneLabel: contact.phone ? 'Mobile' : null,
    address: contact.address1,
    city: contact.city,
    state: contact.state,
    postalCode: contact.postalCode,
    country: contact.country,
    website: contact.website,
    timezone: contact.timezone,
    companyName: contact.companyName,
    businessName: contact.companyName,
    businessId: contact.businessId,
    type: contact.type,
    source: contact.source,
    tags: [...contact.tags],
    customFields: contact.customFields.map((entry) => ({ ...entry })),
    dnd: contact.dnd,
    dndSettings: contact.dndSettings,
    assignedTo: contact.assignedTo,
    followers: [...contact.followers],
    validEmail: contact.email ? true : null,
    additionalEmails: [...contact.additionalEmails],
    additionalPhones: [],
    dateAdded: contact.dateAdded,
    dateUpdated: contact.dateUpdated,
    dateOfBirth: contact.dateOfBirth ? Date.parse(contact.dateOfBirth) : null,
    attributions: contact.attributionSource ? [contact.attributionSource] : [],
    searchAfter,
  };
}

/** Rows of the deprecated GET /contacts/ and of GET /contacts/business/{id}. */
export function listRow(contact: ContactRecord): Record<string, unknown> {
  return { ...contactResponse(contact), contactName: contactName(contact) };
}

export function taskResponse(task: TaskRecord): Record<string, unknown> {
  return {
    id: task.id,
    title: task.title,
    body: task.body,
    assignedTo: task.assignedTo,
    dueDate: task.dueDate,
    completed: task.completed,
    contactId: task.contactId,
  };
}

export function noteResponse(note: NoteRecord): Record<string, unknown> {
  return {
    id: note.id,
    body: note.body,
    userId: note.userId,
    dateAdded: note.dateAdded,
    contactId: note.contactId,
    title: note.title,
    color: note.color,
    pinned: note.pinned,
  };
}

export function appointmentResponse(appointment: AppointmentRecord): Record<string, unknown> {
  const { id, calendarId, status, title, assignedUserId, notes, startTime, endTime, address } =
    appointment;
  return {
    id,
    calendarId,
    status,
    title,
    assignedUserId,
    notes,
    startTime,
    endTime,
    address,
    locationId: appointment.locationId,
    contactId: appointment.contactId,
    groupId: appointment.groupId,
    appointmentStatus: appointment.appointmentStatus,
    users: [...appointment.users],
    dateAdded: appointment.dateAdded,
    dateUpdated: appointment.dateUpdated,
    assignedResources: [...appointment.assignedResources],
  };
}

export function locationResponse(location: LocationRecord): Record<string, unknown> {
  const { duplicatePriority: _internal, ...visible } = location;
  return { ...visible, settings: { ...location.settings } };
}

export function userResponse(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    name: `${user.firstName} ${user.lastName}`,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    extension: '',
    roles: { type: user.type, role: user.role, locationIds: [...user.locationIds] },
    deleted: false,
  };
}

export function customFieldResponse(field: CustomFieldRecord): Record<string, unknown> {
  return {
    id: field.id,
    name: field.name,
    fieldKey: field.fieldKey,
    placeholder: field.placeholder,
    dataType: field.dataType,
    position: field.position,
    picklistOptions: [...field.picklistOptions],
    picklistImageOptions: [],
    isAllowedCustomOption: field.isAllowedCustomOption,
    isMultiFileAllowed: field.dataType === 'FILE_UPLOAD' ? false : undefined,
    maxFileLimit: field.dataType === 'FILE_UPLOAD' ? 1 : undefined,
    locationId: field.locationId,
    model: field.model,
  };
}
