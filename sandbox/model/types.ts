// Records as the sandbox stores them. Response shapes are built from these in contact-shapes.ts.

export interface LocationSettings {
  allowDuplicateContact: boolean;
  allowDuplicateOpportunity: boolean;
  allowFacebookNameMerge: boolean;
  disableContactTimezone: boolean;
}

export type DuplicateField = 'email' | 'phone';

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  state: string;
  country: string;
  postalCode: string;
  website: string;
  timezone: string;
  settings: LocationSettings;
  /** Order in which duplicate detection and upsert match; HighLevel keeps this in its UI only. */
  duplicatePriority: DuplicateField[];
}

export interface UserRecord {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: 'admin' | 'user';
  type: 'account' | 'agency';
  locationIds: string[];
}

export interface TagRecord {
  id: string;
  name: string;
  locationId: string;
}

export type CustomFieldDataType =
  | 'TEXT'
  | 'LARGE_TEXT'
  | 'NUMERICAL'
  | 'MONETORY'
  | 'PHONE'
  | 'DATE'
  | 'CHECKBOX'
  | 'SINGLE_OPTIONS'
  | 'MULTIPLE_OPTIONS'
  | 'RADIO'
  | 'TEXTBOX_LIST'
  | 'FILE_UPLOAD';

export interface CustomFieldRecord {
  id: string;
  locationId: string;
  name: string;
  /** Always `contact.<key>`, as `GET /locations/{id}/customFields` reports it. */
  fieldKey: string;
  placeholder: string;
  dataType: CustomFieldDataType;
  position: number;
  picklistOptions: string[];
  isAllowedCustomOption: boolean;
  model: 'contact';
}

export interface CampaignRecord {
  id: string;
  name: string;
  status: 'published' | 'draft';
  locationId: string;
}

export interface WorkflowRecord {
  id: string;
  name: string;
  status: 'published' | 'draft';
  version: number;
  createdAt: string;
  updatedAt: string;
  locationId: string;
}

export interface BusinessRecord {
  id: string;
  locationId: string;
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomFieldValue {
  id: string;
  value: unknown;
}

export interface DndChannelSetting {
  status: 'active' | 'inactive' | 'permanent';
  message?: string;
  code?: string;
}

export interface AttributionSource {
  url: string;
  campaign?: string;
  utmSource?: string;
  utmMedium?: string;
  medium?: string;
  mediumId?: string | null;
  referrer?: string;
  sessionSource?: string;
}

export interface ContactRecord {
  id: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  companyName: string | null;
  address1: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  website: string | null;
  timezone: string | null;
  gender: string | null;
  source: string | null;
  type: 'lead' | 'customer';
  dnd: boolean;
  dndSettings: Record<string, DndChannelSetting>;
  inboundDndSettings: Record<string, { status: string; message?: string }>;
  assignedTo: string | null;
  tags: string[];
  customFields: CustomFieldValue[];
  /** ISO date at midnight UTC, as HighLevel returns it from GET. */
  dateOfBirth: string | null;
  businessId: string | null;
  followers: string[];
  additionalEmails: string[];
  campaignIds: string[];
  workflowIds: string[];
  attributionSource: AttributionSource | null;
  dateAdded: string;
  dateUpdated: string;
}

export interface TaskRecord {
  id: string;
  contactId: string;
  locationId: string;
  title: string;
  body: string | null;
  assignedTo: string | null;
  dueDate: string;
  completed: boolean;
  dateAdded: string;
}

export interface NoteRecord {
  id: string;
  contactId: string;
  locationId: string;
  body: string;
  userId: string | null;
  title: string | null;
  color: string | null;
  pinned: boolean;
  dateAdded: string;
}

export interface AppointmentRecord {
  id: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  groupId: string;
  title: string;
  status: string;
  appointmentStatus: string;
  assignedUserId: string;
  users: string[];
  notes: string;
  address: string;
  /** "YYYY-MM-DD HH:mm:ss" in the location's timezone, like the spec's examples. */
  startTime: string;
  endTime: string;
  assignedResources: string[];
  /** How it was booked ("booking_widget", "third_party", ...); absent on seeded appointments. */
  source?: string | null;
  dateAdded: string;
  dateUpdated: string;
}
