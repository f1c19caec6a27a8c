// HighLevel event bodies as the Marketplace docs show them ("webhook events"), without the
// timestamp and webhookId that highlevelEvent() adds.
export const contactBody = (locationId: string, fields: Record<string, unknown> = {}) => ({
  locationId,
  id: 'contact-1',
  address1: '3535 1st St N',
  city: 'Ruston',
  state: 'AL',
  companyName: 'Loram ipsum',
  country: 'DZ',
  source: 'xyz form',
  dateAdded: '2021-11-26T12:41:02.193Z',
  dateOfBirth: '2000-01-05T00:00:00.000Z',
  dnd: true,
  email: 'john@deo.com',
  name: 'John Deo',
  firstName: 'John',
  lastName: 'Deo',
  phone: '+919509597501',
  postalCode: '452001',
  tags: ['hello', 'world'],
  website: 'https://www.google.com/',
  attachments: [],
  assignedTo: 'user-1',
  customFields: [{ id: 'field-1', value: 'x' }],
  ...fields,
});

export const taskBody = (locationId: string) => ({
  locationId,
  id: 'task-1',
  assignedTo: 'user-1',
  body: 'Call back',
  contactId: 'contact-1',
  title: 'Follow up',
  dateAdded: '2021-11-26T12:41:02.193Z',
  dueDate: '2021-11-29T12:41:02.193Z',
});

export const noteBody = (locationId: string) => ({
  locationId,
  id: 'note-1',
  body: 'Met at the fair',
  contactId: 'contact-1',
  dateAdded: '2021-11-26T12:41:02.193Z',
});

export const appointmentBody = (locationId: string, fields: Record<string, unknown> = {}) => ({
  locationId,
  appointment: {
    id: 'appt-1',
    address: 'https://meet.example.com/abc',
    title: 'Intro call',
    calendarId: 'cal-1',
    contactId: 'contact-1',
    groupId: 'group-1',
    appointmentStatus: 'confirmed',
    assignedUserId: 'user-1',
    users: ['user-1'],
    notes: 'Bring the brochure',
    source: 'booking_widget',
    startTime: '2023-09-25T16:00:00+05:30',
    endTime: '2023-09-25T16:30:00+05:30',
    dateAdded: '2023-09-20T10:00:00.000Z',
    dateUpdated: '2023-09-20T10:00:00.000Z',
    ...fields,
  },
});

export const BODY_OF_EVENT: Record<string, (locationId: string) => Record<string, unknown>> = {
  ContactCreate: (l) => contactBody(l),
  ContactUpdate: (l) => contactBody(l),
  ContactDelete: (l) => contactBody(l),
  ContactTagUpdate: (l) => contactBody(l),
  TaskCreate: taskBody,
  TaskComplete: taskBody,
  TaskDelete: taskBody,
  NoteCreate: noteBody,
  NoteUpdate: noteBody,
  NoteDelete: noteBody,
  AppointmentCreate: (l) => appointmentBody(l),
  AppointmentUpdate: (l) => appointmentBody(l),
  AppointmentDelete: (l) => appointmentBody(l),
};
