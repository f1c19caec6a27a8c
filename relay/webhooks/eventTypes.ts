// HighLevel's Marketplace webhook event types (marketplace docs, "webhook events"), and the one
// the relay derives itself.

export const HIGHLEVEL_EVENT_TYPES = [
  'ContactCreate',
  'ContactUpdate',
  'ContactDelete',
  'ContactTagUpdate',
  'ContactDndUpdate',
  'TaskCreate',
  'TaskComplete',
  'TaskDelete',
  'NoteCreate',
  'NoteUpdate',
  'NoteDelete',
  'AppointmentCreate',
  'AppointmentUpdate',
  'AppointmentDelete',
  'OpportunityCreate',
  'OpportunityUpdate',
  'OpportunityDelete',
  'OpportunityStageUpdate',
  'OpportunityStatusUpdate',
  'OpportunityAssignedToUpdate',
  'OpportunityMonetaryValueUpdate',
  'InboundMessage',
  'OutboundMessage',
] as const;

/** Derived from ContactTagUpdate: the tags the contact did not have before (see tagsAdded.ts). */
export const CONTACT_TAG_ADDED = 'ContactTagAdded';

export const SUBSCRIBABLE_EVENTS: readonly string[] = [...HIGHLEVEL_EVENT_TYPES, CONTACT_TAG_ADDED];

/** App lifecycle events: they keep the list of installed sub-accounts and are never delivered. */
export const INSTALL = 'INSTALL';
export const UNINSTALL = 'UNINSTALL';

export const CONTACT_EVENTS = new Set([
  'ContactCreate',
  'ContactUpdate',
  'ContactDelete',
  'ContactTagUpdate',
  'ContactDndUpdate',
]);
export const TASK_EVENTS = new Set(['TaskCreate', 'TaskComplete', 'TaskDelete']);
export const APPOINTMENT_EVENTS = new Set([
  'AppointmentCreate',
  'AppointmentUpdate',
  'AppointmentDelete',
]);
