// The instant triggers in `npm start`: a Zap turned on for each one (its hook URL, a local
// stand-in for Zapier's, subscribed at a local webhook relay through the trigger's
// performSubscribe), then for each a change made in the sandbox, the webhook the relay forwards,
// the trigger's perform run on it, and the time from the change to the hook; then the Zaps turned
// off again.
import type { Bundle } from 'zapier-platform-core';
import type { Sandbox } from '../sandbox/server';
import { startHookReceiver, type Hook, type HookReceiver } from './hookReceiver';
import { startLocalRelay, type LocalRelay } from './localRelay';
import type { AppTester } from './zapierRunner';

type Item = Record<string, unknown>;
type Section = 'triggers' | 'creates' | 'searches';
type Performable = { operation: Record<string, unknown> };
/** The app whose instant triggers fire (the OAuth build), as far as the tour reads it. */
export type InstantApp = Partial<Record<Section, Record<string, unknown>>>;

export type InstantContext = {
  app: InstantApp;
  authData: Record<string, string>;
  sandbox: Sandbox;
  /** Runs a registered operation, as one Zap step. */
  run: (section: Section, key: string, inputData: Item) => Promise<Item>;
  /** Ids the steps made, for the steps after them. */
  ids: Record<string, string>;
};

export type InstantStep = {
  /** The instant trigger. */
  key: string;
  /** The HighLevel event (or the relay's ContactTagAdded) it fires on. */
  event: string;
  /** The change made in the sandbox, in a few words. */
  title: string;
  /** The Zap's inputs (its filters). */
  input?: Item;
  /** Makes the change; returns the id of the record the event is about. */
  change: (ctx: InstantContext) => Promise<string>;
  /** What is wrong with what the trigger returned, or nothing. */
  check: (items: Item[], ctx: InstantContext) => string | void;
};

const TIMEOUT_MS = 10_000;

const expectOne =
  (key: string, expected: (ctx: InstantContext) => unknown) =>
  (items: Item[], ctx: InstantContext): string | void => {
    const want = expected(ctx);
    if (items.length !== 1) return `fired ${items.length} items, expected 1`;
    const got = items[0]![key];
    if (JSON.stringify(got) !== JSON.stringify(want))
      return `${key} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
  };

const idOf = (item: Item): string => String(item.id ?? '');

export const instantSteps: InstantStep[] = [
  {
    key: 'new_contact_instant',
    event: 'ContactCreate',
    title: 'create Grace Hopper',
    change: async (ctx) => {
      const contact = await ctx.run('creates', 'create_contact', {
        firstName: 'Grace',
        lastName: 'Hopper',
        email: `grace.hopper.${Date.now().toString(36)}@example.com`,
      });
      ctx.ids.contact = idOf(contact);
      return ctx.ids.contact;
    },
    check: expectOne('id', (ctx) => ctx.ids.contact),
  },
  {
    key: 'updated_contact_instant',
    event: 'ContactUpdate',
    title: 'move her to Arlington',
    change: async (ctx) => {
      await ctx.run('creates', 'update_contact', { contactId: ctx.ids.contact, city: 'Arlington' });
      return ctx.ids.contact!;
    },
    check: expectOne('city', () => 'Arlington'),
  },
  {
    key: 'contact_tag_added_instant',
    event: 'ContactTagAdded',
    title: 'tag her "compiler"',
    input: { tag: 'compiler' },
    change: async (ctx) => {
      await ctx.run('creates', 'add_contact_tags', {
        contactId: ctx.ids.contact,
        tags: ['compiler'],
      });
      return ctx.ids.contact!;
    },
    check: expectOne('tag', () => 'compiler'),
  },
  {
    key: 'new_task_instant',
    event: 'TaskCreate',
    title: 'give her a task',
    change: async (ctx) => {
      const task = await ctx.run('creates', 'create_task', {
        contactId: ctx.ids.contact,
        title: 'Find the moth in relay 70',
        dueDate: new Date(Date.now() + 86_400_000).toISOString(),
      });
      ctx.ids.task = idOf(task);
      return ctx.ids.task;
    },
    check: expectOne('id', (ctx) => ctx.ids.task),
  },
  {
    key: 'completed_task_instant',
    event: 'TaskComplete',
    title: 'complete the task',
    change: async (ctx) => {
      await ctx.run('creates', 'complete_task', {
        contactId: ctx.ids.contact,
        taskId: ctx.ids.task,
      });
      return ctx.ids.task!;
    },
    check: expectOne('completed', () => true),
  },
  {
    key: 'new_note_instant',
    event: 'NoteCreate',
    title: 'write a note',
    change: async (ctx) => {
      const note = await ctx.run('creates', 'create_note', {
        contactId: ctx.ids.contact,
        body: 'A ship in port is safe, but that is not what ships are built for.',
      });
      return idOf(note);
    },
    check: expectOne('contactId', (ctx) => ctx.ids.contact),
  },
  {
    key: 'new_appointment_instant',
    event: 'AppointmentCreate',
    title: 'book an appointment',
    input: { appointmentStatus: 'confirmed' },
    change: async (ctx) => {
      const appointment = ctx.sandbox.createAppointment({
        contactId: ctx.ids.contact,
        title: 'Nanosecond lecture',
        appointmentStatus: 'confirmed',
        startTime: '2027-01-12 15:00:00',
        endTime: '2027-01-12 16:00:00',
      });
      ctx.ids.appointment = appointment.id;
      return appointment.id;
    },
    check: expectOne('id', (ctx) => ctx.ids.appointment),
  },
  {
    key: 'updated_appointment_instant',
    event: 'AppointmentUpdate',
    title: 'move the appointment',
    change: async (ctx) => {
      ctx.sandbox.updateAppointment(ctx.ids.appointment!, {
        startTime: '2027-01-13 15:00:00',
        endTime: '2027-01-13 16:00:00',
      });
      return ctx.ids.appointment!;
    },
    check: expectOne('startTime', () => '2027-01-13T15:00:00.000Z'),
  },
  {
    key: 'contact_deleted_instant',
    event: 'ContactDelete',
    title: 'delete her',
    change: async (ctx) => {
      await ctx.run('creates', 'delete_contact', { contactId: ctx.ids.contact });
      return ctx.ids.contact!;
    },
    check: expectOne('id', (ctx) => ctx.ids.contact),
  },
];

/** When the sandbox made the change: the event's timestamp, else when the step started it. */
const changeTimeOf = (body: Item, startedAt: number): number => {
  const stamped = Date.parse(String(body.timestamp ?? ''));
  return Number.isNaN(stamped) ? startedAt : stamped;
};

/** One instant trigger fired: what it returned and how long after the change its hook came. */
export type Firing = { step: InstantStep; items: Item[]; latencyMs: number; problem?: string };

const bundleOf = (ctx: InstantContext, extra: Partial<Bundle>, inputData: Item = {}) =>
  ({
    authData: ctx.authData,
    inputData,
    meta: {
      isLoadingSample: false,
      isFillingDynamicDropdown: false,
      isPopulatingDedupe: false,
      limit: -1,
      page: 0,
    },
    ...extra,
  }) as unknown as Bundle;

const operationOf = (app: InstantApp, section: Section, key: string, method = 'perform') => {
  const operation = app[section]?.[key] as Performable | undefined;
  if (!operation) throw new Error(`${section}.${key} is not registered`);
  return operation.operation[method] as never;
};

/** The id of the record an event is about (appointment events nest theirs). */
const recordIdOf = (body: Item): unknown => (body.appointment as Item | undefined)?.id ?? body.id;

/** What turning the Zaps off left at the relay: 0 when every unsubscribe removed its subscription. */
export type Unsubscribed = { zaps: number; leftAtRelay: number; problem?: string };

/**
 * Turns a Zap on for each instant trigger (subscribing its hook URL at a local relay in front of
 * `sandbox`), runs the instant steps in order, reporting each firing as it happens, then turns
 * the Zaps off again and reports what is left at the relay.
 */
export const runInstantTour = async (
  appTester: AppTester,
  app: InstantApp,
  sandbox: Sandbox,
  authData: Record<string, string>,
  report: (firing: Firing) => void,
): Promise<Unsubscribed> => {
  const receiver: HookReceiver = await startHookReceiver();
  const local = await startLocalRelay(sandbox);
  const ctx: InstantContext = {
    app,
    authData,
    sandbox,
    ids: {},
    run: (section, key, inputData) =>
      appTester(
        operationOf(app, section, key),
        bundleOf(ctx, {}, inputData) as never,
      ) as Promise<Item>,
  };
  const subscriptions = new Map<string, unknown>();
  const notSubscribed = new Map<string, string>();
  try {
    for (const step of instantSteps) {
      try {
        const subscribeData = await appTester(
          operationOf(app, 'triggers', step.key, 'performSubscribe'),
          bundleOf(ctx, { targetUrl: receiver.urlOf(step.key) }, step.input) as never,
        );
        subscriptions.set(step.key, subscribeData);
      } catch (error) {
        notSubscribed.set(step.key, error instanceof Error ? error.message : String(error));
      }
    }
    for (const step of instantSteps) {
      const startedAt = Date.now();
      let firing: Firing;
      try {
        // The change is made either way: later steps build on it.
        const recordId = await step.change(ctx);
        const refused = notSubscribed.get(step.key);
        if (refused) throw new Error(`the Zap could not be turned on: ${refused}`);
        const hook: Hook = await receiver.next(
          step.key,
          ({ body }) => body.type === step.event && recordIdOf(body) === recordId,
          TIMEOUT_MS,
        );
        const items = (await appTester(
          operationOf(app, 'triggers', step.key),
          bundleOf(ctx, { cleanedRequest: hook.body }, step.input) as never,
        )) as unknown as Item[];
        const problem = step.check(items, ctx) ?? undefined;
        const latencyMs = hook.receivedAt - changeTimeOf(hook.body, startedAt);
        firing = { step, items, latencyMs, problem };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        firing = { step, items: [], latencyMs: Date.now() - startedAt, problem: message };
      }
      report(firing);
    }
    return await unsubscribeAll(appTester, app, ctx, subscriptions, local);
  } finally {
    await local.close();
    await receiver.close();
  }
};

const unsubscribeAll = async (
  appTester: AppTester,
  app: InstantApp,
  ctx: InstantContext,
  subscriptions: Map<string, unknown>,
  local: LocalRelay,
): Promise<Unsubscribed> => {
  try {
    for (const [key, subscribeData] of subscriptions) {
      await appTester(
        operationOf(app, 'triggers', key, 'performUnsubscribe'),
        bundleOf(ctx, { subscribeData } as Partial<Bundle>) as never,
      );
    }
    return { zaps: subscriptions.size, leftAtRelay: await local.subscriptionCount() };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { zaps: subscriptions.size, leftAtRelay: await local.subscriptionCount(), problem };
  }
};
