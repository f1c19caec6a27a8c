// The sandbox sends HighLevel's Marketplace-app webhooks for every change made through its API,
// in the documented shapes, signed with keys a receiver can verify.
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';
import { Received, Receiver, startReceiver, verifySignatures } from './webhookReceiver';

const acme = SEED.locations.acme;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ENVELOPE = ['type', 'locationId', 'timestamp', 'webhookId', 'appId', 'versionId'];
const CONTACT_FIELDS = [
  ...ENVELOPE,
  'id',
  'address1',
  'city',
  'state',
  'companyName',
  'country',
  'source',
  'dateAdded',
  'dateOfBirth',
  'dnd',
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'postalCode',
  'tags',
  'website',
  'attachments',
  'assignedTo',
  'customFields',
];
const TASK_FIELDS = [
  ...ENVELOPE,
  'id',
  'assignedTo',
  'body',
  'contactId',
  'title',
  'dateAdded',
  'dueDate',
];
const NOTE_FIELDS = [...ENVELOPE, 'id', 'body', 'contactId', 'dateAdded'];
const APPOINTMENT_FIELDS = [
  'id',
  'address',
  'title',
  'calendarId',
  'contactId',
  'groupId',
  'appointmentStatus',
  'assignedUserId',
  'users',
  'notes',
  'source',
  'startTime',
  'endTime',
  'dateAdded',
  'dateUpdated',
];

const sorted = (keys: string[]): string[] => [...keys].sort();

let receiver: Receiver;
let sandbox: Sandbox;
let call: Call;

beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startSandbox({ rateLimit: false, webhookUrl: receiver.url });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** Runs a change and returns the webhooks it caused, once all are delivered. */
async function webhooksOf(change: () => Promise<unknown>): Promise<Received[]> {
  await sandbox.webhooks.idle();
  const before = receiver.received.length;
  await change();
  await sandbox.webhooks.idle();
  return receiver.received.slice(before);
}

const types = (received: Received[]): string[] => received.map((r) => r.body.type);

function expectEnvelope(received: Received): void {
  const { body } = received;
  expect(body.locationId).toBe(acme);
  expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
  expect(body.webhookId).toMatch(UUID);
  expect(body.appId).toBe('sandbox');
  expect(body.versionId).toBe(sandbox.webhooks.versionId);
  expect(verifySignatures(received, sandbox.webhooks.publicKeys)).toEqual({
    ed25519: true,
    rsa: true,
  });
}

async function newContact(extra: Record<string, unknown> = {}): Promise<string> {
  const email = `hook-${Math.random().toString(36).slice(2)}@example.com`;
  const reply = await call('POST', '/contacts/', { locationId: acme, email, ...extra });
  expect(reply.status).toBe(201);
  return reply.body.contact.id as string;
}

describe('contact events', () => {
  it('ContactCreate carries the flat contact, without dateUpdated; its tags add ContactTagUpdate', async () => {
    let id = '';
    const sent = await webhooksOf(async () => {
      id = await newContact({
        firstName: 'Hook',
        lastName: 'Tester',
        tags: ['VIP', 'newsletter'],
        customFields: [{ id: SEED.customFields.preferredDentist.id, field_value: 'Dr. Lee' }],
      });
    });
    expect(types(sent)).toEqual(['ContactCreate', 'ContactTagUpdate']);
    const [created, tagged] = sent as [Received, Received];
    expectEnvelope(created);
    expect(sorted(Object.keys(created.body))).toEqual(sorted(CONTACT_FIELDS));
    expect(created.body).toMatchObject({
      type: 'ContactCreate',
      id,
      name: 'Hook Tester',
      firstName: 'Hook',
      tags: ['vip', 'newsletter'],
      attachments: [],
      customFields: [{ id: SEED.customFields.preferredDentist.id, value: 'Dr. Lee' }],
    });
    expect(created.body).not.toHaveProperty('dateUpdated');
    expect(tagged.body).toMatchObject({
      type: 'ContactTagUpdate',
      id,
      tags: ['vip', 'newsletter'],
    });
  });

  it('ContactUpdate on update; ContactTagUpdate only when the tags changed, with the current tags', async () => {
    const id = await newContact({ tags: ['vip'] });
    const plain = await webhooksOf(() => call('PUT', `/contacts/${id}`, { city: 'Evanston' }));
    expect(types(plain)).toEqual(['ContactUpdate']);
    expect(plain[0]!.body).toMatchObject({ id, city: 'Evanston', tags: ['vip'] });
    expect(plain[0]!.body).not.toHaveProperty('dateUpdated');

    const retagged = await webhooksOf(() => call('PUT', `/contacts/${id}`, { tags: ['referral'] }));
    expect(types(retagged)).toEqual(['ContactUpdate', 'ContactTagUpdate']);
    expect(retagged[1]!.body.tags).toEqual(['referral']);
    retagged.forEach(expectEnvelope);
  });

  it('the tag endpoints emit ContactTagUpdate alone, and nothing when no tag changed', async () => {
    const id = await newContact({ tags: ['vip'] });
    const added = await webhooksOf(() =>
      call('POST', `/contacts/${id}/tags`, { tags: ['Referral'] }),
    );
    expect(types(added)).toEqual(['ContactTagUpdate']);
    expect(sorted(Object.keys(added[0]!.body))).toEqual(sorted(CONTACT_FIELDS));
    expect(added[0]!.body.tags).toEqual(['vip', 'referral']);

    const removed = await webhooksOf(() =>
      call('DELETE', `/contacts/${id}/tags`, { tags: ['vip'] }),
    );
    expect(removed.map((r) => [r.body.type, r.body.tags])).toEqual([
      ['ContactTagUpdate', ['referral']],
    ]);

    const unchanged = await webhooksOf(() =>
      call('POST', `/contacts/${id}/tags`, { tags: ['referral'] }),
    );
    expect(unchanged).toEqual([]);
  });

  it('the bulk tag update emits ContactTagUpdate per changed contact', async () => {
    const first = await newContact();
    const second = await newContact({ tags: ['bulk-hook'] });
    const sent = await webhooksOf(() =>
      call('POST', '/contacts/bulk/tags/update/add', {
        locationId: acme,
        contacts: [first, second],
        tags: ['bulk-hook'],
      }),
    );
    expect(sent.map((r) => [r.body.type, r.body.id, r.body.tags])).toEqual([
      ['ContactTagUpdate', first, ['bulk-hook']],
    ]);
  });

  it('upsert emits ContactCreate for a new contact and ContactUpdate (+ tags) for a match', async () => {
    const email = `upsert-${Math.random().toString(36).slice(2)}@example.com`;
    const created = await webhooksOf(() =>
      call('POST', '/contacts/upsert', { locationId: acme, email }),
    );
    expect(types(created)).toEqual(['ContactCreate']);
    const updated = await webhooksOf(() =>
      call('POST', '/contacts/upsert', { locationId: acme, email, tags: ['vip'] }),
    );
    expect(types(updated)).toEqual(['ContactUpdate', 'ContactTagUpdate']);
    expect(updated[1]!.body).toMatchObject({ id: created[0]!.body.id, tags: ['vip'] });
  });

  it('membership writes (followers, campaigns, workflows, business) emit ContactUpdate', async () => {
    const id = await newContact();
    const sent = await webhooksOf(async () => {
      await call('POST', `/contacts/${id}/followers`, { followers: [SEED.users.priya] });
      await call('POST', `/contacts/${id}/campaigns/${SEED.campaigns.whitening}`, {});
      await call('POST', `/contacts/${id}/workflow/${SEED.workflows.welcome}`, {});
      await call('POST', '/contacts/bulk/business', {
        locationId: acme,
        ids: [id],
        businessId: SEED.businesses.northside,
      });
    });
    expect(types(sent)).toEqual([
      'ContactUpdate',
      'ContactUpdate',
      'ContactUpdate',
      'ContactUpdate',
    ]);
  });

  it('ContactDelete carries the contact as it was', async () => {
    const id = await newContact({ firstName: 'Gone', tags: ['vip'] });
    const sent = await webhooksOf(() => call('DELETE', `/contacts/${id}`));
    expect(types(sent)).toEqual(['ContactDelete']);
    expect(sorted(Object.keys(sent[0]!.body))).toEqual(sorted(CONTACT_FIELDS));
    expect(sent[0]!.body).toMatchObject({ id, firstName: 'Gone', tags: ['vip'] });
  });

  it('a request that fails changes nothing and sends nothing', async () => {
    const sent = await webhooksOf(() =>
      call('PUT', `/contacts/${SEED.contacts.janeCooper}`, { email: 'x' }),
    );
    expect(sent).toEqual([]);
  });
});

describe('task and note events', () => {
  it('TaskCreate arrives without contactId and body, as HighLevel sends it; TaskComplete and TaskDelete are whole', async () => {
    const contactId = await newContact();
    let taskId = '';
    const created = await webhooksOf(async () => {
      const reply = await call('POST', `/contacts/${contactId}/tasks`, {
        title: 'Call back',
        body: 'About the invoice',
        dueDate: '2026-12-24T10:00:00.000Z',
        completed: false,
      });
      taskId = reply.body.task.id;
    });
    expect(types(created)).toEqual(['TaskCreate']);
    expectEnvelope(created[0]!);
    expect(sorted(Object.keys(created[0]!.body))).toEqual(
      sorted(TASK_FIELDS.filter((field) => field !== 'contactId' && field !== 'body')),
    );
    expect(created[0]!.body).toMatchObject({ id: taskId, title: 'Call back' });

    const renamed = await webhooksOf(() =>
      call('PUT', `/contacts/${contactId}/tasks/${taskId}`, { title: 'Call back soon' }),
    );
    expect(renamed).toEqual([]);

    const completed = await webhooksOf(() =>
      call('PUT', `/contacts/${contactId}/tasks/${taskId}/completed`, { completed: true }),
    );
    expect(types(completed)).toEqual(['TaskComplete']);
    expect(sorted(Object.keys(completed[0]!.body))).toEqual(sorted(TASK_FIELDS));
    expect(completed[0]!.body).toMatchObject({ contactId, body: 'About the invoice' });

    const again = await webhooksOf(() =>
      call('PUT', `/contacts/${contactId}/tasks/${taskId}`, { completed: true }),
    );
    expect(again).toEqual([]);

    const deleted = await webhooksOf(() =>
      call('DELETE', `/contacts/${contactId}/tasks/${taskId}`),
    );
    expect(types(deleted)).toEqual(['TaskDelete']);
    expect(deleted[0]!.body).toMatchObject({ id: taskId, contactId });
  });

  it('the TaskCreate gap is a setting: off, TaskCreate carries contactId and body', async () => {
    const contactId = await newContact();
    sandbox.webhooks.configure({ taskCreateGap: false });
    try {
      const sent = await webhooksOf(() =>
        call('POST', `/contacts/${contactId}/tasks`, {
          title: 'Whole',
          body: 'Body text',
          dueDate: '2026-12-24T10:00:00.000Z',
          completed: false,
        }),
      );
      expect(sorted(Object.keys(sent[0]!.body))).toEqual(sorted(TASK_FIELDS));
      expect(sent[0]!.body).toMatchObject({ contactId, body: 'Body text' });
    } finally {
      sandbox.webhooks.configure({ taskCreateGap: true });
    }
  });

  it('NoteCreate, NoteUpdate and NoteDelete', async () => {
    const contactId = await newContact();
    let noteId = '';
    const sent = await webhooksOf(async () => {
      noteId = (await call('POST', `/contacts/${contactId}/notes`, { body: 'First' })).body.note.id;
      await call('PUT', `/contacts/${contactId}/notes/${noteId}`, { body: 'Second' });
      await call('DELETE', `/contacts/${contactId}/notes/${noteId}`);
    });
    expect(sent.map((r) => [r.body.type, r.body.body])).toEqual([
      ['NoteCreate', 'First'],
      ['NoteUpdate', 'Second'],
      ['NoteDelete', 'Second'],
    ]);
    for (const received of sent) {
      expectEnvelope(received);
      expect(sorted(Object.keys(received.body))).toEqual(sorted(NOTE_FIELDS));
      expect(received.body).toMatchObject({ id: noteId, contactId });
    }
  });
});

describe('appointment and app events', () => {
  it('the appointment admin routes emit AppointmentCreate, Update and Delete with the nested appointment', async () => {
    const contactId = await newContact();
    const admin = client(sandbox);
    let appointmentId = '';
    const sent = await webhooksOf(async () => {
      const created = await admin('POST', '/__sandbox/appointments', {
        contactId,
        title: 'Checkup',
        startTime: '2026-12-28 09:00:00',
        endTime: '2026-12-28 10:00:00',
        assignedUserId: SEED.users.dana,
      });
      expect(created.status).toBe(201);
      appointmentId = created.body.appointment.id;
      expect(
        (
          await admin('PUT', `/__sandbox/appointments/${appointmentId}`, {
            appointmentStatus: 'confirmed',
          })
        ).status,
      ).toBe(200);
      expect((await admin('DELETE', `/__sandbox/appointments/${appointmentId}`)).status).toBe(200);
    });
    expect(sent.map((r) => [r.body.type, r.body.appointment.appointmentStatus])).toEqual([
      ['AppointmentCreate', 'booked'],
      ['AppointmentUpdate', 'confirmed'],
      ['AppointmentDelete', 'confirmed'],
    ]);
    for (const received of sent) {
      expectEnvelope(received);
      expect(sorted(Object.keys(received.body))).toEqual(sorted([...ENVELOPE, 'appointment']));
      expect(sorted(Object.keys(received.body.appointment))).toEqual(sorted(APPOINTMENT_FIELDS));
      expect(received.body.appointment).toMatchObject({
        id: appointmentId,
        contactId,
        users: [SEED.users.dana],
      });
    }
    expect((await admin('DELETE', `/__sandbox/appointments/${appointmentId}`)).status).toBe(404);
  });

  it('INSTALL at consent (the Approve button and sandbox.authorize), UNINSTALL from the admin route', async () => {
    const sent = await webhooksOf(async () => {
      const approved = await fetch(`${sandbox.url}/v2/oauth/chooselocation/approve`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: 'sandbox-client-id',
          redirect_uri: 'https://example.com/callback',
          locationId: acme,
        }).toString(),
        redirect: 'manual',
      });
      expect(approved.status).toBe(302);
      sandbox.authorize(acme, 'https://example.com/callback');
      const uninstalled = await fetch(`${sandbox.url}/__sandbox/uninstall`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ locationId: acme }),
      });
      expect(uninstalled.status).toBe(200);
    });
    expect(types(sent)).toEqual(['INSTALL', 'INSTALL', 'UNINSTALL']);
    sent.forEach(expectEnvelope);
    expect(sent[0]!.body).toMatchObject({
      installType: 'Location',
      companyId: SEED.companyId,
      userId: SEED.users.dana,
      isWhitelabelCompany: false,
    });
    expect(sorted(Object.keys(sent[2]!.body))).toEqual(sorted(ENVELOPE));
  });
});

describe('programmatic API', () => {
  it('sandbox.createAppointment, updateAppointment, deleteAppointment and uninstall emit their events', async () => {
    const contactId = await newContact();
    const sent = await webhooksOf(async () => {
      const appointment = sandbox.createAppointment({
        contactId,
        startTime: '2026-12-29 09:00:00',
        endTime: '2026-12-29 09:30:00',
      });
      sandbox.updateAppointment(appointment.id, { title: 'Moved' });
      sandbox.deleteAppointment(appointment.id);
      sandbox.uninstall(acme);
    });
    expect(types(sent)).toEqual([
      'AppointmentCreate',
      'AppointmentUpdate',
      'AppointmentDelete',
      'UNINSTALL',
    ]);
    expect(sent[1]!.body.appointment.title).toBe('Moved');
    expect(() => sandbox.uninstall('nowhere')).toThrow(/Unknown locationId "nowhere"/);
    expect(() => sandbox.createAppointment({ contactId: 'nobody' })).toThrow(
      /contactId must name an existing contact/,
    );
    expect(() => sandbox.webhooks.setUrl('not a url')).toThrow(/url must be an absolute URL/);
  });

  it('logs every send with its type, webhookId, status and outcome', async () => {
    sandbox.webhooks.clearLog();
    const [received] = await webhooksOf(() => newContact());
    expect(sandbox.webhooks.log).toEqual([
      expect.objectContaining({
        type: 'ContactCreate',
        webhookId: received!.body.webhookId,
        locationId: acme,
        url: receiver.url,
        attempt: 0,
        status: 200,
        outcome: 'delivered',
        faults: [],
        body: received!.raw,
      }),
    ]);
  });
});

describe('signatures and keys', () => {
  it('serves the public keys as PEM at /__sandbox/webhooks/public-keys, the same as on the object', async () => {
    const keys = (await client(sandbox)('GET', '/__sandbox/webhooks/public-keys')).body;
    expect(keys).toEqual(sandbox.webhooks.publicKeys);
    expect(keys.ed25519).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keys.rsa).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('a body changed by one byte no longer verifies', async () => {
    const [received] = await webhooksOf(() => newContact());
    const tampered = {
      ...received!,
      raw: received!.raw.replace('"ContactCreate"', '"ContactUpdate"'),
    };
    expect(verifySignatures(tampered, sandbox.webhooks.publicKeys)).toEqual({
      ed25519: false,
      rsa: false,
    });
  });
});

describe('without a URL', () => {
  it('sends nothing, builds nothing, and sends to a URL set later only what happens after', async () => {
    const quiet = await startSandbox({ rateLimit: false });
    const quietReceiver = await startReceiver();
    try {
      const quietCall = client(quiet, quiet.issueTokens().access_token);
      await quietCall('POST', '/contacts/', { locationId: acme, email: 'quiet@example.com' });
      await quiet.webhooks.idle();
      expect(quiet.webhooks.url).toBeUndefined();
      expect(quiet.webhooks.log).toEqual([]);
      expect(quiet.webhooks.pending).toBe(0);

      const set = await fetch(`${quiet.url}/__sandbox/webhooks/url`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: quietReceiver.url }),
      });
      expect(await set.json()).toEqual({ url: quietReceiver.url });
      await quietCall('POST', '/contacts/', { locationId: acme, email: 'loud@example.com' });
      await quiet.webhooks.idle();
      expect(quietReceiver.received.map((r) => r.body.email)).toEqual(['loud@example.com']);

      await fetch(`${quiet.url}/__sandbox/webhooks/url`, { method: 'DELETE' });
      await quietCall('POST', '/contacts/', { locationId: acme, email: 'quiet2@example.com' });
      await quiet.webhooks.idle();
      expect(quietReceiver.received).toHaveLength(1);
    } finally {
      await quiet.close();
      await quietReceiver.close();
    }
  });
});
