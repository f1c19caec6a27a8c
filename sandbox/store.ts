// The sandbox's data: every collection, its indexes, and persistence to a JSON file.
import { TokenRegistry, TokenSnapshot } from './auth/tokens';
import { bulkCreateContacts, BulkCreateOptions } from './model/bulkCreate';
import { ContactInput, createContact } from './model/contactWrites';
import { newId } from './model/ids';
import { normalizeTag } from './model/normalize';
import {
  AppointmentRecord,
  BusinessRecord,
  CampaignRecord,
  ContactRecord,
  CustomFieldRecord,
  LocationRecord,
  NoteRecord,
  TagRecord,
  TaskRecord,
  UserRecord,
  WorkflowRecord,
} from './model/types';
import { seedStore } from './seed';
import { ChildIndex, ValueIndex } from './store/indexes';
import { JsonFilePersistence } from './store/persistence';

export interface StoreSnapshot {
  version: 1;
  locations: LocationRecord[];
  users: UserRecord[];
  tags: TagRecord[];
  customFields: CustomFieldRecord[];
  campaigns: CampaignRecord[];
  workflows: WorkflowRecord[];
  businesses: BusinessRecord[];
  contacts: ContactRecord[];
  deletedContacts: Array<[string, string]>;
  tasks: TaskRecord[];
  notes: NoteRecord[];
  appointments: AppointmentRecord[];
  auth: TokenSnapshot;
}

export interface StoreOptions {
  /** JSON file to load from and save to; in memory only when absent. */
  dataPath?: string;
  /** Fill an empty store with the deterministic demo data (default true). */
  seed?: boolean;
}

export class Store {
  readonly locations = new Map<string, LocationRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly tags = new Map<string, TagRecord>();
  readonly customFields = new Map<string, CustomFieldRecord>();
  readonly campaigns = new Map<string, CampaignRecord>();
  readonly workflows = new Map<string, WorkflowRecord>();
  readonly businesses = new Map<string, BusinessRecord>();
  readonly contacts = new Map<string, ContactRecord>();
  /** Deleted contact id → its location, so bulk endpoints can say "contact is deleted". */
  readonly deletedContacts = new Map<string, string>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly notes = new Map<string, NoteRecord>();
  readonly appointments = new Map<string, AppointmentRecord>();
  readonly auth: TokenRegistry;

  readonly tasksByContact = new ChildIndex();
  readonly notesByContact = new ChildIndex();
  readonly appointmentsByContact = new ChildIndex();
  private readonly contactsByLocation = new Map<string, Map<string, ContactRecord>>();
  private readonly emailIndex = new ValueIndex();
  private readonly phoneIndex = new ValueIndex();
  private persistence: JsonFilePersistence<StoreSnapshot> | undefined;

  constructor() {
    this.auth = new TokenRegistry(() => this.changed());
  }

  /** Loads `dataPath` if it exists; otherwise seeds (unless `seed: false`) and saves. */
  static open(options: StoreOptions = {}): Store {
    const store = new Store();
    const persistence = options.dataPath
      ? new JsonFilePersistence<StoreSnapshot>(options.dataPath)
      : undefined;
    const saved = persistence?.load();
    if (saved) store.restore(saved);
    else if (options.seed !== false) seedStore(store);
    store.persistence = persistence;
    if (persistence && !saved) persistence.writeNow(store.snapshot());
    return store;
  }

  /** Every mutation calls this; the file write is debounced. */
  changed(): void {
    this.persistence?.schedule(() => this.snapshot());
  }

  /** Writes pending changes now (called by close() and the CLI's signal handlers). */
  flush(): void {
    this.persistence?.flush();
  }

  // --- contacts ------------------------------------------------------------------------------

  contactsOf(locationId: string): IterableIterator<ContactRecord> {
    return (this.contactsByLocation.get(locationId) ?? new Map<string, ContactRecord>()).values();
  }

  countContacts(locationId: string): number {
    return this.contactsByLocation.get(locationId)?.size ?? 0;
  }

  putContact(contact: ContactRecord): void {
    this.contacts.set(contact.id, contact);
    let ofLocation = this.contactsByLocation.get(contact.locationId);
    if (!ofLocation) this.contactsByLocation.set(contact.locationId, (ofLocation = new Map()));
    ofLocation.set(contact.id, contact);
    this.indexIdentity(contact);
  }

  removeContact(contact: ContactRecord): void {
    this.unindexIdentity(contact);
    this.contacts.delete(contact.id);
    this.contactsByLocation.get(contact.locationId)?.delete(contact.id);
    this.deletedContacts.set(contact.id, contact.locationId);
    for (const id of this.tasksByContact.dropParent(contact.id)) this.tasks.delete(id);
    for (const id of this.notesByContact.dropParent(contact.id)) this.notes.delete(id);
    for (const id of this.appointmentsByContact.dropParent(contact.id))
      this.appointments.delete(id);
  }

  /** Call before changing a contact's email or phone, then indexIdentity after. */
  unindexIdentity(contact: ContactRecord): void {
    this.emailIndex.remove(contact.locationId, contact.email?.toLowerCase() ?? null, contact.id);
    this.phoneIndex.remove(contact.locationId, contact.phone, contact.id);
  }

  indexIdentity(contact: ContactRecord): void {
    this.emailIndex.add(contact.locationId, contact.email?.toLowerCase() ?? null, contact.id);
    this.phoneIndex.add(contact.locationId, contact.phone, contact.id);
  }

  findContactsByEmail(locationId: string, email: string): ContactRecord[] {
    return this.resolve(this.emailIndex.find(locationId, email.toLowerCase()));
  }

  findContactsByPhone(locationId: string, phone: string): ContactRecord[] {
    return this.resolve(this.phoneIndex.find(locationId, phone));
  }

  private resolve(ids: string[]): ContactRecord[] {
    const found = ids.map((id) => this.contacts.get(id)).filter((c): c is ContactRecord => !!c);
    // Oldest first, so "the" duplicate is the contact that existed first.
    return found.sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
  }

  /** Test and benchmark helper: creates contacts directly, without HTTP or duplicate checks. */
  bulkCreateContacts(
    locationId: string,
    count: number,
    options: BulkCreateOptions = {},
  ): ContactRecord[] {
    return bulkCreateContacts(this, locationId, count, options);
  }

  /** Test helper: one contact with an explicit dateAdded/dateUpdated, duplicate checks skipped. */
  insertContact(
    locationId: string,
    input: ContactInput,
    options: { dateAdded?: Date; dateUpdated?: Date } = {},
  ): ContactRecord {
    return createContact(this, locationId, input, { ...options, skipDuplicateCheck: true });
  }

  // --- children and lookups ------------------------------------------------------------------

  putTask(task: TaskRecord): void {
    this.tasks.set(task.id, task);
    this.tasksByContact.add(task.contactId, task.id);
  }

  putNote(note: NoteRecord): void {
    this.notes.set(note.id, note);
    this.notesByContact.add(note.contactId, note.id);
  }

  putAppointment(appointment: AppointmentRecord): void {
    this.appointments.set(appointment.id, appointment);
    this.appointmentsByContact.add(appointment.contactId, appointment.id);
  }

  tagsOf(locationId: string): TagRecord[] {
    return [...this.tags.values()].filter((tag) => tag.locationId === locationId);
  }

  /** Adding a tag to a contact also adds it to the location's tag list, as in HighLevel. */
  ensureTag(locationId: string, name: string): TagRecord {
    const wanted = normalizeTag(name);
    for (const tag of this.tags.values()) {
      if (tag.locationId === locationId && tag.name === wanted) return tag;
    }
    const tag = { id: newId(), name: wanted, locationId };
    this.tags.set(tag.id, tag);
    return tag;
  }

  customFieldsOf(locationId: string): CustomFieldRecord[] {
    return [...this.customFields.values()]
      .filter((field) => field.locationId === locationId)
      .sort((a, b) => a.position - b.position);
  }

  // --- persistence ---------------------------------------------------------------------------

  snapshot(): StoreSnapshot {
    return {
      version: 1,
      locations: [...this.locations.values()],
      users: [...this.users.values()],
      tags: [...this.tags.values()],
      customFields: [...this.customFields.values()],
      campaigns: [...this.campaigns.values()],
      workflows: [...this.workflows.values()],
      businesses: [...this.businesses.values()],
      contacts: [...this.contacts.values()],
      deletedContacts: [...this.deletedContacts.entries()],
      tasks: [...this.tasks.values()],
      notes: [...this.notes.values()],
      appointments: [...this.appointments.values()],
      auth: this.auth.snapshot(),
    };
  }

  private restore(snapshot: StoreSnapshot): void {
    const fill = <T extends { id: string }>(map: Map<string, T>, items: T[]): void => {
      for (const item of items) map.set(item.id, item);
    };
    fill(this.locations, snapshot.locations);
    fill(this.users, snapshot.users);
    fill(this.tags, snapshot.tags);
    fill(this.customFields, snapshot.customFields);
    fill(this.campaigns, snapshot.campaigns);
    fill(this.workflows, snapshot.workflows);
    fill(this.businesses, snapshot.businesses);
    for (const contact of snapshot.contacts) this.putContact(contact);
    for (const [id, locationId] of snapshot.deletedContacts)
      this.deletedContacts.set(id, locationId);
    for (const task of snapshot.tasks) this.putTask(task);
    for (const note of snapshot.notes) this.putNote(note);
    for (const appointment of snapshot.appointments) this.putAppointment(appointment);
    this.auth.restore(snapshot.auth);
  }
}
