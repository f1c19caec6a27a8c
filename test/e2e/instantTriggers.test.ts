// The instant triggers over real HTTP: a change made in the sandbox, the webhook its sender
// delivers, run through the trigger's perform, and the output compared field by field with what
// the polling twin returns for the same record.
import App from '../../index';
import { startHookReceiver, type Hook, type HookReceiver } from '../../scripts/hookReceiver';
import { SEED } from '../../sandbox/seedData';
import { bundleWith } from '../support/app';
import { dueSoon, runOperation, uniqueEmail, useSandbox } from '../support/e2e';

type Item = Record<string, unknown>;
type Hooked = { operation: { perform: unknown } };

const e2e = useSandbox({ webhooks: { taskCreateGap: false } });
let hooks: HookReceiver;
const RELAYED = 'relay';

beforeAll(async () => {
  hooks = await startHookReceiver();
  e2e.sandbox.webhooks.setUrl(hooks.urlOf(RELAYED));
});
afterAll(() => hooks?.close());

/** The id of the record an event is about (appointments nest theirs). */
const recordIdOf = (body: Item): unknown => (body.appointment as Item | undefined)?.id ?? body.id;

/** The next delivered event of `type` about record `id`. */
const delivered = (type: string, id: string): Promise<Hook> =>
  hooks.next(RELAYED, (hook) => hook.body.type === type && recordIdOf(hook.body) === id);

/** Runs the instant trigger's perform on a delivery, as Zapier does when its hook URL is called. */
const performHook = (key: string, hook: Hook, inputData: Item = {}): Promise<Item[]> => {
  const trigger = (App.triggers as unknown as Record<string, Hooked>)[key]!;
  const bundle = { ...bundleWith(inputData), authData: e2e.authData, cleanedRequest: hook.body };
  return e2e.appTester(trigger.operation.perform as never, bundle as never) as Promise<Item[]>;
};

/** The polling twin's item for the same record (`idKey` names the record's id in its output). */
const twinItem = async (twin: string, input: Item, id: string, idKey = 'id'): Promise<Item> => {
  const items = await runOperation<Item[]>(e2e.appTester, 'triggers', twin, e2e.authData, input);
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
    const hook = await delivered('ContactCreate', ids.contact);

    const [instant] = await performHook('new_contact_instant', hook);
    const polled = await twinItem('new_contact', {}, ids.contact);

    expect(differences(instant!, polled)).toEqual([]);
  });

  it('updated_contact_instant: a seeded contact with custom fields changed, as Updated Contact returns it', async () => {
    const jane = SEED.contacts.janeCooper;
    await run('creates', 'update_contact', { contactId: jane, city: 'Lisbon' });
    const hook = await delivered('ContactUpdate', jane);

    const [instant] = await performHook('updated_contact_instant', hook);
    const polled = await twinItem('updated_contact', {}, jane, 'contactId');

    expect(instant).toMatchObject({ contactId: jane, city: 'Lisbon' });
    expect(Object.keys(instant!.customFieldValues as object).length).toBeGreaterThan(0);
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
      await delivered('TaskCreate', ids.task),
    );
    expect(
      differences(created!, await twinItem('new_task', { contactId: ids.contact }, ids.task)),
    ).toEqual([]);

    await run('creates', 'complete_task', { contactId: ids.contact, taskId: ids.task });
    const [completed] = await performHook(
      'completed_task_instant',
      await delivered('TaskComplete', ids.task),
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
        await delivered('TaskCreate', String(task.id)),
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
    const [instant] = await performHook('new_note_instant', await delivered('NoteCreate', id));
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
      await delivered('AppointmentCreate', booked.id),
    );
    const polledNew = await twinItem('new_appointment', { contactId: ids.contact }, booked.id);
    expect(differences(created!, polledNew)).toEqual([]);

    const changed = e2e.sandbox.updateAppointment(booked.id, { appointmentStatus: 'cancelled' });
    const [update] = await performHook(
      'updated_appointment_instant',
      await delivered('AppointmentUpdate', booked.id),
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
    const hook = await delivered('ContactDelete', ids.contact!);

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
    const hook = await delivered('ContactUpdate', robert);
    expect(await performHook('updated_contact_instant', hook)).toHaveLength(1);
    expect(await performHook('updated_contact_instant', hook)).toEqual([]);
  });
});
