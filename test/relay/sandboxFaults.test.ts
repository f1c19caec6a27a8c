// The relay's failure cases end to end over real HTTP: the sandbox's own webhook sender (its
// faults set through its admin routes) → the relay → a local hook receiver. Each case reads what
// the sender got back (its log), what the relay stored, and what the receiver was given.
import fs from 'fs';
import { startRelay, type Relay, type RelaySettings } from '../../relay';
import type { WebhookLogEntry } from '../../sandbox/webhooks/delivery';
import { deliveryStates } from './support/deliveryJobs';
import { startHookReceiver, type HookReceiver } from './support/hookReceiver';
import { tempDir, testSettings } from './support/relayHarness';
import {
  ACME,
  BRIGHT,
  relaySettingsFor,
  sendsOf,
  startSandboxSender,
  until,
  type SandboxSender,
} from './support/sandboxSender';

jest.setTimeout(60_000);

let sender: SandboxSender;
let hooks: HookReceiver;
let relay: Relay;
const dataDirs: string[] = [];
/** Delivery attempts per hook path, whatever the receiver answered. */
const attempts: Record<string, number> = {};
/** Per path, the status the receiver answers (200 when not set). */
const answers: Record<string, () => number> = {};

const startTestRelay = async (overrides: Partial<RelaySettings> = {}) => {
  const dataDir = tempDir('relay-sandbox-');
  dataDirs.push(dataDir);
  return startRelay(testSettings({ dataDir, ...relaySettingsFor(sender.sandbox), ...overrides }));
};

beforeAll(async () => {
  [sender, hooks] = await Promise.all([startSandboxSender(), startHookReceiver()]);
  hooks.respond = (path) => {
    attempts[path] = (attempts[path] ?? 0) + 1;
    return answers[path]?.() ?? 200;
  };
  relay = await startTestRelay();
  await sender.sendTo(`${relay.url}/webhooks/highlevel`);
  await sender.approve();
  await sender.idle();
  await subscribe('ContactCreate', '/contacts');
});
afterAll(async () => {
  await relay?.close();
  await Promise.all([sender?.close(), hooks?.close()]);
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function subscribe(event: string, path: string, on: Relay = relay): Promise<string> {
  const response = await fetch(`${on.url}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sender.token}` },
    body: JSON.stringify({ targetUrl: `${hooks.url}${path}`, event, locationId: ACME }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const hooksOn = (path: string) => hooks.received.filter((hook) => hook.path === path);

/** The last send of the event about record `id` of `type` (appointments nest their id). */
const sendOf = (log: WebhookLogEntry[], type: string, id: string): WebhookLogEntry => {
  const entry = [...log].reverse().find((candidate) => {
    if (candidate.type !== type) return false;
    const body = JSON.parse(candidate.body) as { id?: string; appointment?: { id?: string } };
    return (body.appointment?.id ?? body.id) === id;
  });
  if (!entry) throw new Error(`the sandbox sent no ${type} about ${id}`);
  return entry;
};

const storedCount = async (webhookId: string, on: Relay = relay) =>
  Number(
    (
      await on.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM relay_events WHERE webhook_id = $1',
        [webhookId],
      )
    )[0]!.n,
  );

/** A contact created with no fault, delivered: the relay is still taking events afterwards. */
async function createdAndDelivered(): Promise<string> {
  const id = await sender.createContact();
  await until(
    () => hooksOn('/contacts').some((hook) => hook.body.id === id),
    `ContactCreate ${id} at /contacts`,
  );
  return id;
}

/** One contact created under `faults`; its ContactCreate's sends once the sender is idle. */
async function createUnder(...faults: Parameters<SandboxSender['injectFaults']>) {
  await sender.injectFaults(...faults);
  const id = await sender.createContact();
  await sender.idle();
  const log = await sender.log();
  const { webhookId } = sendOf(log, 'ContactCreate', id);
  return { id, webhookId, sends: sendsOf(log, webhookId) };
}

describe('every event type from the sandbox, through the relay', () => {
  it('INSTALL at consent is accepted, and each change arrives as HighLevel sent it', async () => {
    const log0 = await sender.log();
    expect(log0.filter((e) => e.type === 'INSTALL').map((e) => [e.status, e.faults])).toEqual([
      [200, []],
    ]);
    const types = [
      'ContactUpdate',
      'ContactDelete',
      'ContactTagUpdate',
      'ContactTagAdded',
      'TaskCreate',
      'TaskComplete',
      'TaskDelete',
      'NoteCreate',
      'NoteUpdate',
      'NoteDelete',
      'AppointmentCreate',
      'AppointmentUpdate',
      'AppointmentDelete',
    ];
    for (const type of types) await subscribe(type, `/all/${type}`);

    const contact = await sender.createContact({ tags: ['first'] });
    await sender.api('PUT', `/contacts/${contact}`, { city: 'Lisbon' });
    await sender.api('POST', `/contacts/${contact}/tags`, { tags: ['second'] });
    const task = (
      await sender.api('POST', `/contacts/${contact}/tasks`, {
        title: 'Call back',
        body: 'About the invoice',
        dueDate: '2026-12-24T10:00:00.000Z',
        completed: false,
      })
    ).body.task.id as string;
    await sender.api('PUT', `/contacts/${contact}/tasks/${task}/completed`, { completed: true });
    await sender.api('DELETE', `/contacts/${contact}/tasks/${task}`);
    const note = (await sender.api('POST', `/contacts/${contact}/notes`, { body: 'First' })).body
      .note.id as string;
    await sender.api('PUT', `/contacts/${contact}/notes/${note}`, { body: 'Second' });
    await sender.api('DELETE', `/contacts/${contact}/notes/${note}`);
    const appointment = (
      await sender.admin('POST', '/__sandbox/appointments', {
        contactId: contact,
        title: 'Checkup',
        startTime: '2026-12-28 09:00:00',
        endTime: '2026-12-28 10:00:00',
      })
    ).body.appointment.id as string;
    await sender.admin('PUT', `/__sandbox/appointments/${appointment}`, {
      appointmentStatus: 'confirmed',
    });
    await sender.admin('DELETE', `/__sandbox/appointments/${appointment}`);
    await sender.api('DELETE', `/contacts/${contact}`);
    await sender.idle();

    const log = await sender.log();
    const about: Record<string, string> = {
      ContactCreate: contact,
      ContactUpdate: contact,
      ContactDelete: contact,
      ContactTagUpdate: contact,
      TaskCreate: task,
      TaskComplete: task,
      TaskDelete: task,
      NoteCreate: note,
      NoteUpdate: note,
      NoteDelete: note,
      AppointmentCreate: appointment,
      AppointmentUpdate: appointment,
      AppointmentDelete: appointment,
    };
    for (const [type, id] of Object.entries(about)) {
      const sent = sendOf(log, type, id);
      expect([type, sent.status]).toEqual([type, 200]);
      const path = type === 'ContactCreate' ? '/contacts' : `/all/${type}`;
      const hook = await until(
        () => hooksOn(path).find((h) => h.body.webhookId === sent.webhookId),
        `${type} at ${path}`,
      );
      // Forwarded exactly as the sandbox sent it.
      expect(hook.body).toEqual(JSON.parse(sent.body));
    }
    const [tagged] = await hooks.waitFor(1, '/all/ContactTagAdded');
    expect(tagged!.body).toMatchObject({ type: 'ContactTagAdded', id: contact });
    // A tag the contact was created with is not added later; the one added afterwards is.
    expect(tagged!.body.tagsAdded).toEqual(['second']);
    expect(tagged!.body.tags).toEqual(['first', 'second']);
  });
});

describe('sandbox faults at the relay', () => {
  it('badSignature: the relay answers 401, stores nothing and delivers nothing', async () => {
    const { id, webhookId, sends } = await createUnder({ kind: 'badSignature' });
    expect(sends.map((s) => [s.status, s.faults])).toEqual([[401, ['badSignature']]]);
    expect(await storedCount(webhookId)).toBe(0);
    await createdAndDelivered();
    expect(hooksOn('/contacts').filter((hook) => hook.body.id === id)).toEqual([]);
  });

  it('duplicate: both copies answered 200, the event delivered once', async () => {
    const { webhookId, sends } = await createUnder({ kind: 'duplicate' });
    expect(sends.map((s) => [s.status, s.faults])).toEqual([
      [200, ['duplicate']],
      [200, ['duplicate']],
    ]);
    expect(sends[1]!.body).toBe(sends[0]!.body);
    expect(await storedCount(webhookId)).toBe(1);
    await until(
      () => hooksOn('/contacts').some((hook) => hook.body.webhookId === webhookId),
      'the duplicated event',
    );
    // Its one delivery is done: nothing more can be sent for it.
    await until(async () => {
      const states = await deliveryStates(relay.db, { webhookId });
      return states.length === 1 && states[0] === 'delivered';
    }, 'the delivery marked delivered');
    expect(hooksOn('/contacts').filter((hook) => hook.body.webhookId === webhookId)).toHaveLength(
      1,
    );
  });

  it('reorder: a pair of tag changes arrives swapped, each delivered once, each tag added once', async () => {
    await subscribe('ContactTagUpdate', '/reorder/updates');
    await subscribe('ContactTagAdded', '/reorder/added');
    const contact = await sender.createContact();
    await sender.idle();
    await sender.injectFaults({ kind: 'reorder' });
    await sender.api('POST', `/contacts/${contact}/tags`, { tags: ['alpha'] });
    await sender.api('POST', `/contacts/${contact}/tags`, { tags: ['beta'] });
    await sender.idle();
    const sent = (await sender.log()).filter(
      (e) => e.type === 'ContactTagUpdate' && JSON.parse(e.body).id === contact,
    );
    // Sent swapped: the later change (both tags) first.
    expect(sent.map((e) => [e.status, JSON.parse(e.body).tags])).toEqual([
      [200, ['alpha', 'beta']],
      [200, ['alpha']],
    ]);
    const updates = await hooks.waitFor(2, '/reorder/updates');
    expect(updates.map((h) => h.body.webhookId).sort()).toEqual(
      sent.map((e) => e.webhookId).sort(),
    );
    // What the relay promises: each tag counts as added once, the first time it appears.
    const added = await until(() => {
      const hooksAdded = hooksOn('/reorder/added');
      const tags = hooksAdded.flatMap((h) => h.body.tagsAdded as string[]);
      return tags.length >= 2 ? tags : undefined;
    }, 'ContactTagAdded for alpha and beta');
    expect([...added].sort()).toEqual(['alpha', 'beta']);
    await createdAndDelivered();
    expect(hooksOn('/reorder/updates')).toHaveLength(2);
    expect(hooksOn('/reorder/added').flatMap((h) => h.body.tagsAdded as string[])).toHaveLength(2);
  });

  it('delay: the event is delivered once it arrives', async () => {
    const { webhookId, sends } = await createUnder({ kind: 'delay', ms: 400 });
    expect(sends.map((s) => [s.status, s.faults])).toEqual([[200, ['delay']]]);
    // Sent at least the delay after the change that made it (its timestamp).
    const { timestamp } = JSON.parse(sends[0]!.body) as { timestamp: string };
    expect(Date.parse(sends[0]!.at) - Date.parse(timestamp)).toBeGreaterThanOrEqual(400);
    await until(
      () => hooksOn('/contacts').some((hook) => hook.body.webhookId === webhookId),
      'the delayed event',
    );
  });

  it('delay past the stale window (RELAY_WEBHOOK_MAX_AGE_SECONDS=2): refused with 401, not stored', async () => {
    const strict = await startTestRelay({ webhookMaxAgeSeconds: 2 });
    try {
      await sender.sendTo(`${strict.url}/webhooks/highlevel`);
      await sender.approve();
      await sender.idle();
      await subscribe('ContactCreate', '/strict', strict);
      const { webhookId, sends } = await createUnder({ kind: 'delay', ms: 4_000 });
      expect(sends.map((s) => [s.status, s.faults])).toEqual([[401, ['delay']]]);
      expect(await storedCount(webhookId, strict)).toBe(0);
      // A fresh event still gets through.
      const fresh = await sender.createContact();
      await until(
        () => hooksOn('/strict').some((hook) => hook.body.id === fresh),
        'a fresh event on the strict relay',
      );
      expect(hooksOn('/strict').map((hook) => hook.body.webhookId)).not.toContain(webhookId);
    } finally {
      await sender.sendTo(`${relay.url}/webhooks/highlevel`);
      await strict.close();
    }
  });

  it('drop: the event never reaches the relay and is never delivered', async () => {
    const { id, webhookId, sends } = await createUnder({ kind: 'drop' });
    expect(sends.map((s) => [s.outcome, s.status])).toEqual([['dropped', undefined]]);
    expect(await storedCount(webhookId)).toBe(0);
    await createdAndDelivered();
    expect(hooksOn('/contacts').filter((hook) => hook.body.id === id)).toEqual([]);
  });

  it('a store that cannot write answers 429, and HighLevel’s retry of the same body brings the event', async () => {
    // The store refuses writes until the table is back (what a failing database looks like).
    await relay.db.query('ALTER TABLE relay_events RENAME TO relay_events_unavailable');
    let restored = false;
    try {
      const id = await sender.createContact();
      const refused = await until(async () => {
        const log = await sender.log();
        return log.find(
          (e) => e.type === 'ContactCreate' && JSON.parse(e.body).id === id && e.status === 429,
        );
      }, 'a 429 from the relay');
      expect(refused).toMatchObject({ attempt: 0, outcome: 'retrying' });
      await relay.db.query('ALTER TABLE relay_events_unavailable RENAME TO relay_events');
      restored = true;
      const hook = await until(
        () => hooksOn('/contacts').find((h) => h.body.webhookId === refused.webhookId),
        'the retried event',
      );
      await sender.idle();
      const sends = sendsOf(await sender.log(), refused.webhookId);
      expect(sends.at(-1)).toMatchObject({ status: 200, outcome: 'delivered' });
      expect(sends.at(-1)!.attempt).toBeGreaterThanOrEqual(1);
      // Every retry is the identical body.
      expect(new Set(sends.map((s) => s.body)).size).toBe(1);
      expect(hook.body).toEqual(JSON.parse(sends[0]!.body));
    } finally {
      if (!restored) {
        await relay.db.query('ALTER TABLE relay_events_unavailable RENAME TO relay_events');
      }
    }
  });

  it('oversize: a correctly signed body over 1 MB is refused with 413, not stored', async () => {
    const { id, webhookId, sends } = await createUnder({ kind: 'oversize' });
    expect(sends.map((s) => [s.status, s.faults])).toEqual([[413, ['oversize']]]);
    expect(Buffer.byteLength(sends[0]!.body)).toBeGreaterThan(1024 * 1024);
    expect(await storedCount(webhookId)).toBe(0);
    await createdAndDelivered();
    expect(hooksOn('/contacts').filter((hook) => hook.body.id === id)).toEqual([]);
  });

  it('a sub-account that never installed the app: refused with 403, not stored', async () => {
    const brightToken = sender.sandbox.issueTokens(BRIGHT).access_token;
    const reply = await sender.api(
      'POST',
      '/contacts/',
      { locationId: BRIGHT, email: 'never-installed@example.com' },
      brightToken,
    );
    expect(reply.status).toBe(201);
    await sender.idle();
    const sent = sendOf(await sender.log(), 'ContactCreate', reply.body.contact.id as string);
    expect(sent).toMatchObject({ locationId: BRIGHT, status: 403, outcome: 'lost' });
    expect(await storedCount(sent.webhookId)).toBe(0);
  });
});

describe('hook receivers that fail', () => {
  it('a receiver answering 500 for a while gets the event after retries, once', async () => {
    let failures = 3;
    answers['/flaky'] = () => (failures-- > 0 ? 500 : 200);
    const flaky = await subscribe('NoteCreate', '/flaky');
    const contact = await sender.createContact();
    const note = (await sender.api('POST', `/contacts/${contact}/notes`, { body: 'Hello' })).body
      .note.id as string;
    await sender.idle();
    const sent = sendOf(await sender.log(), 'NoteCreate', note);
    expect(sent.status).toBe(200);
    const [hook] = await hooks.waitFor(1, '/flaky');
    expect(hook!.body).toEqual(JSON.parse(sent.body));
    expect(attempts['/flaky']).toBe(4);
    expect(
      await deliveryStates(relay.db, { webhookId: sent.webhookId, subscriptionId: flaky }),
    ).toEqual(['delivered']);
  });

  it('a receiver answering 410 ends its subscription; later events go only to the others', async () => {
    answers['/gone'] = () => 410;
    const gone = await subscribe('ContactUpdate', '/gone');
    await subscribe('ContactUpdate', '/updates');
    const contact = await sender.createContact();
    await sender.api('PUT', `/contacts/${contact}`, { city: 'Porto' });
    await hooks.waitFor(1, '/updates');
    await until(
      async () =>
        (await relay.db.query('SELECT 1 FROM relay_subscriptions WHERE id = $1', [gone])).length ===
        0,
      'the subscription to end',
    );
    const unsubscribe = await fetch(`${relay.url}/subscriptions/${gone}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sender.token}` },
    });
    expect(unsubscribe.status).toBe(404);

    await sender.api('PUT', `/contacts/${contact}`, { city: 'Faro' });
    await hooks.waitFor(2, '/updates');
    expect(attempts['/gone']).toBe(1);
    // Only the first change was ever queued for it.
    expect(await deliveryStates(relay.db, { subscriptionId: gone })).toHaveLength(1);
  });
});
