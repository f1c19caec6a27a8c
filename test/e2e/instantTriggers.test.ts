// The instant triggers over real HTTP: each subscribed through the app at a local webhook relay
// in front of the sandbox, with a local stand-in for Zapier's hook URLs; a change made in the
// sandbox, the webhook the relay forwards, run through the trigger's perform, and the output
// compared field by field with what the polling twin returns for the same record. Turning the
// Zaps off leaves no subscription at the relay.
import App from '../../index';
import { startHookReceiver, type Hook, type HookReceiver } from '../../scripts/hookReceiver';
import { startLocalRelay, type LocalRelay } from '../../scripts/localRelay';
import { SEED } from '../../sandbox/seedData';
import { bundleWith } from '../support/app';
import { dueSoon, runOperation, uniqueEmail, useSandbox } from '../support/e2e';

type Item = Record<string, unknown>;
type Hooked = { operation: Record<string, unknown> };

const e2e = useSandbox({ webhooks: { taskCreateGap: false } });
let hooks: HookReceiver;
let local: LocalRelay;

/** Each instant trigger's Zap: its filters, and what subscribing returned. */
const zaps: Record<string, { input: Item; subscribeData?: unknown }> = {
  new_contact_instant: { input: {} },
  updated_contact_instant: { input: {} },
  contact_tag_added_instant: { input: { tag: 'compiler' } },
  contact_deleted_instant: { input: {} },
  new_task_instant: { input: {} },
  completed_task_instant: { input: {} },
  new_note_instant: { input: {} },
  new_appointment_instant: { input: { appointmentStatus: 'confirmed' } },
  updated_appointment_instant: { input: {} },
};

const triggerMethod = (key: string, method: string) =>
  (App.triggers as unknown as Record<string, Hooked>)[key]!.operation[method] as never;

const bundleFor = (extra: Item, inputData: Item = {}, meta: Item = {}) =>
  ({ ...bundleWith(inputData, meta), authData: e2e.authData, ...extra }) as never;

beforeAll(async () => {
  hooks = await startHookReceiver();
  local = await startLocalRelay(e2e.sandbox);
  for (const [key, zap] of Object.entries(zaps)) {
    zap.subscribeData = await e2e.appTester(
      triggerMethod(key, 'performSubscribe'),
      bundleFor({ targetUrl: hooks.urlOf(key) }, zap.input),
    );
  }
});
afterAll(async () => {
  await local?.close();
  await hooks?.close();
});

/** The id of the record an event is about (appointments nest theirs). */
const recordIdOf = (body: Item): unknown => (body.appointment as Item | undefined)?.id ?? body.id;

/** The next event of `type` about record `id` that the relay forwarded to the Zap of `key`. */
const delivered = (key: string, type: string, id: string): Promise<Hook> =>
  hooks.next(key, (hook) => hook.body.type === type && recordIdOf(hook.body) === id);

/** Runs the instant trigger's perform on a delivery, as Zapier does when its hook URL is called. */
const performHook = (key: string, hook: Hook): Promise<Item[]> =>
  e2e.appTester(
    triggerMethod(key, 'perform'),
    bundleFor({ cleanedRequest: hook.body }, zaps[key]!.input),
  ) as Promise<Item[]>;

/** The polling twin's item for the same record (`idKey` names the record's id in its output). */
const twinItem = async (twin: string, input: Item, id: string, idKey = 'id'): Promise<Item> => {
  // Read as the twin's editor test reads (its newest page), which leaves no Zap's progress behind.
  const items = (await e2e.appTester(
    triggerMethod(twin, 'perform'),
    bundleFor({}, input, { isLoadingSample: true }),
  )) as Item[];
  const item = items.find((candidate) => candidate[idKey] === id);
  if (!item) throw new Error(`${twin} did not return ${id}`);
  return item;
};

/** The fields whose values differ, each with both values: [] when the outputs agree. */
const differences = (instant: Item, polled: Item): string[] =>
  [...new Set([...Object.keys(instant), ...Object.keys(polled)])]
    .filter((key) => JSON.stringify(instant[key]) !== JSON.stringify(polled[key]))
    .map((key) => `${key}: ${JSON.stringify(instant[key])} ≠ ${JSON.stringify(polled[key])}`);

const run = <T = Item>(section: 'creates' | 'searches', key: string, input: Item) =>
  runOperation<T>(e2e.appTester, section, key, e2e.authData, input);

describe('instant triggers against the sandbox', () => {
  const ids: Record<string, string> = {};

  it('new_contact_instant: a contact created in the sandbox, as New Contact returns it', async () => {
    const created = await run('creates', 'create_contact', {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: uniqueEmail('grace'),
      tags: ['instant-tour'],
    });
    ids.contact = String(created.id);
    const hook = await delivered('new_contact_instant', 'ContactCreate', ids.contact);

    const [instant] = await performHook('new_contact_instant', hook);
    const polled = await twinItem('new_contact', {}, ids.contact);

    expect(differences(instant!, polled)).toEqual([]);
  });

  it('updated_contact_instant: a seeded contact with custom fields changed, as Updated Contact returns it', async () => {
    const jane = SEED.contacts.janeCooper;
    await run('creates', 'update_contact', { contactId: jane, city: 'Lisbon' });
    const hook = await delivered('updated_contact_instant', 'ContactUpdate', jane);

    const [instant] = await performHook('updated_contact_instant', hook);
    const polled = await twinItem('updated_contact', {}, jane, 'contactId');

    expect(instant).toMatchObject({ contactId: jane, city: 'Lisbon' });
    expect(Object.keys(instant!.customFieldValues as object).length).toBeGreaterThan(0);
    expect(differences(instant!, polled)).toEqual([]);
  });

  it('contact_tag_added_instant: the chosen tag added, as Tag Added to Contact returns it', async () => {
    await run('creates', 'add_contact_tags', { contactId: ids.contact, tags: ['compiler'] });
    const hook = await delivered('contact_tag_added_instant', 'ContactTagAdded', ids.contact!);

    const [instant] = await performHook('contact_tag_added_instant', hook);
    const polled = await twinItem(
      'contact_tag_added',
      { tag: 'compiler' },
      `${ids.contact}:compiler`,
    );

    expect(hook.body.tagsAdded).toEqual(['compiler']);
    expect(differences(instant!, polled)).toEqual([]);
  });

  it('new_task_instant and completed_task_instant: a task created and completed, as New Task and Task Completed return it', async () => {
    const task = await run('creates', 'create_task', {
      contactId: ids.contact,
      title: 'Write the compiler',
      body: 'A-0 first',
      dueDate: dueSoon(),
    });
    ids.task = String(task.id);
    const [created] = await performHook(
      'new_task_instant',
      await delivered('new_task_instant', 'TaskCreate', ids.task),
    );
    expect(
      differences(created!, await twinItem('new_task', { contactId: ids.contact }, ids.task)),
    ).toEqual([]);

    await run('creates', 'complete_task', { contactId: ids.contact, taskId: ids.task });
    const [completed] = await performHook(
      'completed_task_instant',
      await delivered('completed_task_instant', 'TaskComplete', ids.task),
    );
    const polled = await twinItem('completed_task', { contactId: ids.contact }, ids.task);
    expect(completed).toMatchObject({ completed: true });
    expect(differences(completed!, polled)).toEqual([]);
  });

  it("new_task_instant: a TaskCreate without contact and description (HighLevel's gap) leaves exactly those empty", async () => {
    e2e.sandbox.webhooks.configure({ taskCreateGap: true });
    try {
      const task = await run('creates', 'create_task', {
        contactId: ids.contact,
        title: 'Find the moth',
        body: 'Mark II, relay 70',
        dueDate: dueSoon(),
      });
      const [instant] = await performHook(
        'new_task_instant',
        await delivered('new_task_instant', 'TaskCreate', String(task.id)),
      );
      const polled = await twinItem('new_task', { contactId: ids.contact }, String(task.id));
      expect(differences(instant!, polled)).toEqual([
        `body: "" ≠ "Mark II, relay 70"`,
        `contactId: "" ≠ ${JSON.stringify(ids.contact)}`,
      ]);
    } finally {
      e2e.sandbox.webhooks.configure({ taskCreateGap: false });
    }
  });

  it('new_note_instant: a note written, as New Note returns it', async () => {
    const note = await run('creates', 'create_note', {
      contactId: ids.contact,
      body: 'Nanoseconds are 30 cm of wire.',
    });
    const id = String(note.id);
    const [instant] = await performHook(
      'new_note_instant',
      await delivered('new_note_instant', 'NoteCreate', id),
    );
    const polled = await twinItem('new_note', { contactId: ids.contact }, id);
    expect(differences(instant!, polled)).toEqual([]);
  });

  it('new_appointment_instant and updated_appointment_instant: an appointment booked and changed, as New Appointment returns it', async () => {
    const booked = e2e.sandbox.createAppointment({
      contactId: ids.contact,
      title: 'Code review',
      appointmentStatus: 'confirmed',
      startTime: '2026-12-20 15:00:00',
      endTime: '2026-12-20 15:30:00',
    });
    const [created] = await performHook(
      'new_appointment_instant',
      await delivered('new_appointment_instant', 'AppointmentCreate', booked.id),
    );
    const polledNew = await twinItem('new_appointment', { contactId: ids.contact }, booked.id);
    expect(differences(created!, polledNew)).toEqual([]);

    const changed = e2e.sandbox.updateAppointment(booked.id, { appointmentStatus: 'cancelled' });
    const [update] = await performHook(
      'updated_appointment_instant',
      await delivered('updated_appointment_instant', 'AppointmentUpdate', booked.id),
    );
    const polled = await twinItem('new_appointment', { contactId: ids.contact }, booked.id);
    const { id, appointmentId, ...rest } = update!;
    expect(appointmentId).toBe(booked.id);
    expect(id).toBe(`${booked.id}:${new Date(changed.dateUpdated).toISOString()}`);
    expect(differences({ ...rest, id: appointmentId }, polled)).toEqual([]);
    expect(polled.appointmentStatus).toBe('cancelled');
  });

  it('contact_deleted_instant: a contact deleted, as Find Contact by ID returned it before, the fields the event lacks empty', async () => {
    const [before] = await run<Item[]>('searches', 'get_contact', { contactId: ids.contact });
    await run('creates', 'delete_contact', { contactId: ids.contact });
    const hook = await delivered('contact_deleted_instant', 'ContactDelete', ids.contact!);

    const [instant] = await performHook('contact_deleted_instant', hook);

    const undocumented = differences(instant!, before!).filter(
      (difference) => !/^(dateUpdated|timezone|type|businessId|followers):/.test(difference),
    );
    expect(undocumented).toEqual([]);
    expect(instant).toMatchObject({
      dateUpdated: new Date(String(hook.body.timestamp)).toISOString(),
      timezone: '',
      type: '',
      businessId: '',
      followers: [],
    });
  });

  it('fires once for an event delivered twice', async () => {
    const robert = SEED.contacts.robertFox;
    await run('creates', 'update_contact', { contactId: robert, city: 'Porto' });
    const hook = await delivered('updated_contact_instant', 'ContactUpdate', robert);
    expect(await performHook('updated_contact_instant', hook)).toHaveLength(1);
    expect(await performHook('updated_contact_instant', hook)).toEqual([]);
  });

  it('turning every Zap off leaves no subscription at the relay', async () => {
    expect(await local.subscriptionCount()).toBe(Object.keys(zaps).length);
    for (const [key, zap] of Object.entries(zaps)) {
      await e2e.appTester(
        triggerMethod(key, 'performUnsubscribe'),
        bundleFor({ subscribeData: zap.subscribeData }),
      );
    }
    expect(await local.subscriptionCount()).toBe(0);
  });
});
