// Tasks, notes and appointments on several seeded Acme Dental contacts.
import { fullName } from './model/normalize';
import { AppointmentRecord, ContactRecord } from './model/types';
import { DAY, HOUR } from './model/timestamps';
import { SEED } from './seedData';
import type { Store } from './store';

export function seedActivities(
  store: Store,
  nextId: () => string,
  contacts: ContactRecord[],
  now: number,
): void {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const acme = SEED.locations.acme;
  const task = (
    contactId: string,
    title: string,
    dueInDays: number,
    completed: boolean,
    assignedTo: string,
    body: string,
  ): void => {
    store.putTask({
      id: nextId(),
      contactId,
      locationId: acme,
      title,
      body,
      assignedTo,
      dueDate: new Date(now + dueInDays * DAY).toISOString(),
      completed,
      dateAdded: new Date(now - 3 * DAY).toISOString(),
    });
  };
  const note = (
    contactId: string,
    body: string,
    daysAgo: number,
    userId: string,
    title: string | null = null,
  ): void => {
    store.putNote({
      id: nextId(),
      contactId,
      locationId: acme,
      body,
      userId,
      title,
      color: null,
      pinned: false,
      dateAdded: new Date(now - daysAgo * DAY).toISOString(),
    });
  };
  const { janeCooper, robertFox, estherHoward } = SEED.contacts;
  task(
    janeCooper,
    'Call to confirm Invisalign consult',
    2,
    false,
    SEED.users.marcus,
    'Ask about insurance pre-authorization.',
  );
  task(janeCooper, 'Send new-patient forms', -5, true, SEED.users.dana, 'Emailed intake packet.');
  task(
    robertFox,
    'Collect outstanding balance',
    7,
    false,
    SEED.users.priya,
    'Balance from last cleaning.',
  );
  const featured: string[] = [janeCooper, robertFox, estherHoward];
  const others = contacts.filter((c) => c.locationId === acme && !featured.includes(c.id));
  others
    .slice(0, 4)
    .forEach((c, i) =>
      task(
        c.id,
        `Recall reminder #${i + 1}`,
        10 + i,
        i % 2 === 0,
        SEED.users.priya,
        'Six-month hygiene recall.',
      ),
    );
  note(
    janeCooper,
    'Patient prefers afternoon appointments.',
    20,
    SEED.users.dana,
    'Scheduling preference',
  );
  note(janeCooper, 'Interested in Invisalign; sent brochure.', 4, SEED.users.marcus);
  note(robertFox, 'Asked for an itemised invoice.', 9, SEED.users.priya);
  others
    .slice(4, 7)
    .forEach((c, i) =>
      note(c.id, `Left voicemail about recall (${i + 1}).`, 2 + i, SEED.users.marcus),
    );
  const appointment = (contactId: string, title: string, inDays: number, status: string): void => {
    const start = new Date(now + inDays * DAY);
    const end = new Date(start.getTime() + HOUR);
    const record: AppointmentRecord = {
      id: nextId(),
      calendarId: 'CaL1dEnTaL2hYg3iEnE4',
      locationId: acme,
      contactId,
      groupId: 'GrP5aCmE6dEnT7aL8gRp',
      title:
        `${title} - ${fullName(byId.get(contactId)?.firstName ?? null, byId.get(contactId)?.lastName ?? null) ?? ''}`.trim(),
      status,
      appointmentStatus: status,
      assignedUserId: SEED.users.dana,
      users: [SEED.users.dana],
      notes: '',
      address: '2210 N Clark St, Chicago, IL 60614',
      startTime: wallClock(start),
      endTime: wallClock(end),
      assignedResources: [],
      dateAdded: new Date(now - 6 * DAY).toISOString(),
      dateUpdated: new Date(now - 2 * DAY).toISOString(),
    };
    store.putAppointment(record);
  };
  appointment(janeCooper, 'Invisalign consultation', 5, 'booked');
  appointment(janeCooper, 'Cleaning', -30, 'showed');
  appointment(estherHoward, 'Whitening session', 12, 'confirmed');
}

/** "YYYY-MM-DD HH:mm:ss" in America/Chicago, like the spec's appointment examples. */
function wallClock(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
