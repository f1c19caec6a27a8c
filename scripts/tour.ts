// A scripted tour of every registered operation, in an order where each step can use what earlier
// steps made (a contact, its task, its note). `npm start` prints it; test/e2e runs it as tests,
// for both builds (stepsFor leaves out what a build does not register, such as hook triggers in
// the Private Integration Token build). Each step checks what it returned and, for a write, the
// change it made in the sandbox.
import zapier, { type Bundle } from 'zapier-platform-core';
import type { ContactRecord, NoteRecord, TaskRecord } from '../sandbox/model/types';

type Section = 'triggers' | 'creates' | 'searches';
type Result = Record<string, unknown>;
type Output = Result | Result[];

/**
 * The sandbox's data, read directly: a write step checks the change it made there, not only what
 * it returned, and campaign or workflow membership shows in no HighLevel response at all.
 */
export type SandboxData = {
  readonly contacts: ReadonlyMap<string, ContactRecord>;
  readonly tasks: ReadonlyMap<string, TaskRecord>;
  readonly notes: ReadonlyMap<string, NoteRecord>;
};

/** The app a tour runs: either build (app.ts), as far as the tour reads it. */
export type TourApp = Partial<Record<Section, Record<string, unknown>>>;

export type TourContext = {
  app: TourApp;
  authData: Record<string, string>;
  /** A contact of the seeded data that has appointments (the API cannot create appointments). */
  appointmentContactId: string;
  ids: Record<string, string>;
  sandbox: SandboxData;
};

export type TourStep = {
  section: Section;
  key: string;
  /** What the step shows, in a few words. */
  title: string;
  input?: (ctx: TourContext) => Record<string, unknown>;
  meta?: Partial<Bundle['meta']>;
  /** What runs: the operation's perform, or a hook's performList (the editor's samples). */
  method?: 'perform' | 'performList';
  /** Returns what is wrong with the result, or nothing; may remember ids for later steps. */
  check: Check;
};

type Check = (result: Output, ctx: TourContext) => string | void;

const list = (result: Output): Result[] => (Array.isArray(result) ? result : [result]);
const first = (result: Output): Result => list(result)[0] ?? {};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const dropdown = { isFillingDynamicDropdown: true };

/** Remembers the first item's id under `name`; fails when the list is empty. */
const remember =
  (name: string, key = 'id') =>
  (result: Output, ctx: TourContext) => {
    const id = str(first(result)[key]);
    if (!id) return `returned no ${name}`;
    ctx.ids[name] = id;
  };

/** Remembers the first two items' ids, under `name` and `otherName`. */
const rememberTwo =
  (name: string, otherName: string): Check =>
  (result, ctx) => {
    const [id, otherId] = list(result).map((item) => str(item.id));
    if (!id || !otherId) return `returned fewer than two of ${name}`;
    ctx.ids[name] = id;
    ctx.ids[otherName] = otherId;
  };

const includesContact = (result: Output, ctx: TourContext) =>
  list(result).some((item) => item.id === ctx.ids.contact || item.contactId === ctx.ids.contact)
    ? undefined
    : 'the tour contact is not in the result';

const expectValue =
  (key: string, expected: (ctx: TourContext) => unknown) => (result: Output, ctx: TourContext) => {
    const actual = first(result)[key];
    const want = expected(ctx);
    return JSON.stringify(actual) === JSON.stringify(want)
      ? undefined
      : `${key} is ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`;
  };

/** Runs the checks in order; the step's problem is the first one found. */
const all =
  (...checks: Check[]): Check =>
  (result, ctx) => {
    for (const check of checks) {
      const problem = check(result, ctx);
      if (problem) return problem;
    }
  };

/** The returned object has these values, worked out from what earlier steps remembered. */
const returns =
  (expected: (ctx: TourContext) => Record<string, unknown>): Check =>
  (result, ctx) =>
    all(...Object.entries(expected(ctx)).map(([key, want]) => expectValue(key, () => want)))(
      result,
      ctx,
    );

/** What the sandbox holds after the step: the problem with it, or nothing. */
const inSandbox =
  (problem: (sandbox: SandboxData, ctx: TourContext) => string | undefined): Check =>
  (_result, ctx) =>
    problem(ctx.sandbox, ctx);

/** The tour contact's campaigns (or workflows) in the sandbox are exactly these, in any order. */
const memberships =
  (kind: 'campaignIds' | 'workflowIds', expected: (ctx: TourContext) => string[]) =>
  (sandbox: SandboxData, ctx: TourContext) => {
    const actual = [...(sandbox.contacts.get(ctx.ids.contact ?? '')?.[kind] ?? [])].sort();
    const want = [...expected(ctx)].sort();
    return JSON.stringify(actual) === JSON.stringify(want)
      ? undefined
      : `the sandbox has ${kind} ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`;
  };

/** Gone from the sandbox: a deleted contact, task or note. */
const deleted =
  (collection: keyof SandboxData, name: string) => (sandbox: SandboxData, ctx: TourContext) => {
    const id = ctx.ids[name];
    if (!id) return `no ${name} was made earlier in the tour`;
    return sandbox[collection].has(id) ? `the ${name} is still in the sandbox` : undefined;
  };

const TOUR_EMAIL = 'ada.lovelace@example.com';
/** A tag no seeded contact has, so the bulk step is seen to add it to both contacts. */
const BULK_TAG = 'spring newsletter';
const soon = () => new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();

const hasTask: Check = (result, ctx) =>
  list(result).some((task) => task.id === ctx.ids.task) ? undefined : 'the tour task is not listed';
const hasNote: Check = (result, ctx) =>
  list(result).some((note) => note.id === ctx.ids.note) ? undefined : 'the tour note is not listed';
const hasAppointment: Check = (result, ctx) =>
  list(result).some((item) => item.id === ctx.ids.appointment)
    ? undefined
    : 'the seeded appointment is not listed';

/** Every item has exactly the keys of the polling twin's sample (so a Zap can switch), then `check`. */
const sameKeysAs =
  (twin: string, check: Check): Check =>
  (result, ctx) => {
    const triggers = ctx.app.triggers as Record<string, { operation: { sample: object } }>;
    const keys = Object.keys(triggers[twin]!.operation.sample).sort().join(',');
    const odd = list(result).find((item) => Object.keys(item).sort().join(',') !== keys);
    return odd ? `an item's keys differ from ${twin}'s` : check(result, ctx);
  };

/** An instant trigger's samples for the editor (its performList), checked by `check`. */
const instantSamples = (
  key: string,
  what: string,
  check: Check,
  input?: TourStep['input'],
): TourStep => ({
  section: 'triggers',
  key,
  title: `instant, editor samples: ${what}`,
  method: 'performList',
  ...(input ? { input } : {}),
  check,
});

export const tourSteps: TourStep[] = [
  // Dropdowns first: they find the ids the rest of the tour uses, as a Zap editor would.
  {
    section: 'triggers',
    key: 'user_choices',
    title: 'users dropdown',
    meta: dropdown,
    check: remember('user'),
  },
  {
    section: 'triggers',
    key: 'tag_choices',
    title: 'tags dropdown',
    meta: dropdown,
    check: remember('tag', 'name'),
  },
  {
    section: 'triggers',
    key: 'campaign_choices',
    title: 'campaigns dropdown',
    meta: dropdown,
    // The seed has two campaigns: the tour joins both, leaves one, then leaves all.
    check: rememberTwo('campaign', 'otherCampaign'),
  },
  {
    section: 'triggers',
    key: 'workflow_choices',
    title: 'workflows dropdown',
    meta: dropdown,
    check: remember('workflow'),
  },
  {
    section: 'triggers',
    key: 'business_choices',
    title: 'businesses dropdown',
    meta: dropdown,
    check: remember('business'),
  },
  {
    section: 'triggers',
    key: 'contact_choices',
    title: 'contacts dropdown',
    meta: dropdown,
    check: remember('seedContact'),
  },
  {
    section: 'creates',
    key: 'create_contact',
    title: 'create Ada Lovelace',
    input: (ctx) => ({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: TOUR_EMAIL,
      phone: '(415) 555-0134',
      defaultCountry: 'US',
      companyName: 'Analytical Engines Ltd',
      tags: ['zapier-tour'],
      assignedTo: ctx.ids.user,
    }),
    check: (result, ctx) =>
      remember('contact')(result, ctx) ?? expectValue('phone', () => '+14155550134')(result, ctx),
  },
  {
    section: 'searches',
    key: 'find_contact',
    title: 'find her by email',
    input: () => ({ email: TOUR_EMAIL }),
    check: includesContact,
  },
  {
    section: 'searches',
    key: 'get_contact',
    title: 'find her by id',
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: includesContact,
  },
  {
    section: 'searches',
    key: 'search_contacts',
    title: 'find her by name',
    input: () => ({ query: 'Lovelace' }),
    check: includesContact,
  },
  {
    section: 'creates',
    key: 'update_contact',
    title: 'move her to London',
    input: (ctx) => ({ contactId: ctx.ids.contact, city: 'London' }),
    check: expectValue('city', () => 'London'),
  },
  {
    section: 'creates',
    key: 'upsert_contact',
    title: 'upsert by email (updates her)',
    input: () => ({ email: TOUR_EMAIL, firstName: 'Augusta Ada' }),
    check: (result, ctx) =>
      expectValue('id', (c) => c.ids.contact)(result, ctx) ??
      expectValue('isNew', () => false)(result, ctx),
  },
  {
    section: 'creates',
    key: 'add_contact_tags',
    title: 'tag her vip',
    input: (ctx) => ({ contactId: ctx.ids.contact, tags: ['vip'] }),
    check: (r) =>
      ((first(r).tags as string[]) ?? []).includes('vip') ? undefined : 'vip tag missing',
  },
  {
    section: 'triggers',
    key: 'contact_tag_added',
    title: 'tag added: vip',
    input: () => ({ tag: 'vip' }),
    check: includesContact,
  },
  {
    section: 'creates',
    key: 'remove_contact_tags',
    title: 'untag zapier-tour',
    input: (ctx) => ({ contactId: ctx.ids.contact, tags: ['zapier-tour'] }),
    check: (r) =>
      ((first(r).tags as string[]) ?? []).includes('zapier-tour') ? 'tag still there' : undefined,
  },
  {
    section: 'creates',
    key: 'bulk_update_contact_tags',
    title: 'bulk-tag two contacts',
    input: (ctx) => ({
      action: 'add',
      contactIds: [ctx.ids.contact, ctx.ids.seedContact],
      tags: [BULK_TAG],
    }),
    check: all(
      returns((ctx) => ({
        action: 'add',
        contactIds: [ctx.ids.contact, ctx.ids.seedContact],
        successCount: 2,
        errorCount: 0,
      })),
      inSandbox((sandbox, ctx) => {
        const untagged = [ctx.ids.contact, ctx.ids.seedContact].filter(
          (id) => !sandbox.contacts.get(id ?? '')?.tags.includes(BULK_TAG),
        );
        return untagged.length > 0 ? `no "${BULK_TAG}" tag on ${untagged.join(', ')}` : undefined;
      }),
    ),
  },
  {
    section: 'creates',
    key: 'add_contact_followers',
    title: 'add a follower',
    input: (ctx) => ({ contactId: ctx.ids.contact, followers: [ctx.ids.user] }),
    check: (r, ctx) =>
      ((first(r).followers as string[]) ?? []).includes(ctx.ids.user as string)
        ? undefined
        : 'follower missing',
  },
  {
    section: 'creates',
    key: 'remove_contact_followers',
    title: 'remove the follower',
    input: (ctx) => ({ contactId: ctx.ids.contact, followers: [ctx.ids.user] }),
    check: (r, ctx) =>
      ((first(r).followers as string[]) ?? []).includes(ctx.ids.user as string)
        ? 'follower still there'
        : undefined,
  },
  {
    section: 'creates',
    key: 'bulk_update_contact_business',
    title: 'assign her to a business',
    input: (ctx) => ({ contactIds: [ctx.ids.contact], businessId: ctx.ids.business }),
    check: all(
      returns((ctx) => ({
        businessId: ctx.ids.business,
        contactIds: [ctx.ids.contact],
        removedFromBusiness: false,
      })),
      inSandbox((sandbox, ctx) => {
        const businessId = sandbox.contacts.get(ctx.ids.contact ?? '')?.businessId;
        return businessId === ctx.ids.business
          ? undefined
          : `the sandbox has businessId ${JSON.stringify(businessId)}`;
      }),
    ),
  },
  {
    section: 'triggers',
    key: 'new_business_contact',
    title: 'new contact in business',
    input: (ctx) => ({ businessId: ctx.ids.business }),
    check: includesContact,
  },
  {
    section: 'creates',
    key: 'create_task',
    title: 'create a task',
    input: (ctx) => ({
      contactId: ctx.ids.contact,
      title: 'Send the Bernoulli notes',
      dueDate: soon(),
      assignedTo: ctx.ids.user,
    }),
    check: remember('task'),
  },
  {
    section: 'triggers',
    key: 'new_task',
    title: 'new task',
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: (r, ctx) => (list(r).some((t) => t.id === ctx.ids.task) ? undefined : 'task not listed'),
  },
  {
    section: 'triggers',
    key: 'task_choices',
    title: 'tasks dropdown',
    meta: dropdown,
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: (r, ctx) => (list(r).some((t) => t.id === ctx.ids.task) ? undefined : 'task not listed'),
  },
  {
    section: 'searches',
    key: 'find_task',
    title: 'find the task by title',
    input: (ctx) => ({ contactId: ctx.ids.contact, title: 'Bernoulli' }),
    check: expectValue('id', (ctx) => ctx.ids.task),
  },
  {
    section: 'searches',
    key: 'get_task',
    title: 'find the task by id',
    input: (ctx) => ({ contactId: ctx.ids.contact, taskId: ctx.ids.task }),
    check: expectValue('id', (ctx) => ctx.ids.task),
  },
  {
    section: 'creates',
    key: 'update_task',
    title: 'retitle the task',
    input: (ctx) => ({
      contactId: ctx.ids.contact,
      taskId: ctx.ids.task,
      title: 'Send the Bernoulli notes (final)',
    }),
    check: expectValue('title', () => 'Send the Bernoulli notes (final)'),
  },
  {
    section: 'creates',
    key: 'complete_task',
    title: 'complete the task',
    input: (ctx) => ({ contactId: ctx.ids.contact, taskId: ctx.ids.task }),
    check: expectValue('completed', () => true),
  },
  {
    section: 'triggers',
    key: 'completed_task',
    title: 'task completed',
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: (r, ctx) =>
      list(r).some((t) => t.id === ctx.ids.task) ? undefined : 'completed task not listed',
  },
  {
    section: 'creates',
    key: 'create_note',
    title: 'write a note',
    input: (ctx) => ({ contactId: ctx.ids.contact, body: 'Interested in the difference engine.' }),
    check: remember('note'),
  },
  {
    section: 'triggers',
    key: 'new_note',
    title: 'new note',
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: (r, ctx) => (list(r).some((n) => n.id === ctx.ids.note) ? undefined : 'note not listed'),
  },
  {
    section: 'triggers',
    key: 'note_choices',
    title: 'notes dropdown',
    meta: dropdown,
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: (r, ctx) => (list(r).some((n) => n.id === ctx.ids.note) ? undefined : 'note not listed'),
  },
  {
    section: 'searches',
    key: 'find_note',
    title: 'find the note by text',
    input: (ctx) => ({ contactId: ctx.ids.contact, body: 'difference engine' }),
    check: expectValue('id', (ctx) => ctx.ids.note),
  },
  {
    section: 'searches',
    key: 'get_note',
    title: 'find the note by id',
    input: (ctx) => ({ contactId: ctx.ids.contact, noteId: ctx.ids.note }),
    check: expectValue('id', (ctx) => ctx.ids.note),
  },
  {
    section: 'creates',
    key: 'update_note',
    title: 'edit the note',
    input: (ctx) => ({
      contactId: ctx.ids.contact,
      noteId: ctx.ids.note,
      body: 'Ordered the difference engine.',
    }),
    check: expectValue('body', () => 'Ordered the difference engine.'),
  },
  {
    section: 'creates',
    key: 'add_contact_to_campaign',
    title: 'add to a campaign',
    input: (ctx) => ({ contactId: ctx.ids.contact, campaignId: ctx.ids.campaign }),
    check: all(
      returns((ctx) => ({ contactId: ctx.ids.contact, campaignId: ctx.ids.campaign, added: true })),
      inSandbox(memberships('campaignIds', (ctx) => [ctx.ids.campaign!])),
    ),
  },
  {
    section: 'creates',
    key: 'add_contact_to_campaign',
    title: 'add to a second campaign',
    input: (ctx) => ({ contactId: ctx.ids.contact, campaignId: ctx.ids.otherCampaign }),
    check: all(
      returns((ctx) => ({ campaignId: ctx.ids.otherCampaign, added: true })),
      inSandbox(memberships('campaignIds', (ctx) => [ctx.ids.campaign!, ctx.ids.otherCampaign!])),
    ),
  },
  {
    section: 'creates',
    key: 'remove_contact_from_campaign',
    title: 'remove from the first campaign',
    input: (ctx) => ({ contactId: ctx.ids.contact, campaignId: ctx.ids.campaign }),
    check: all(
      returns((ctx) => ({
        contactId: ctx.ids.contact,
        campaignId: ctx.ids.campaign,
        removed: true,
      })),
      inSandbox(memberships('campaignIds', (ctx) => [ctx.ids.otherCampaign!])),
    ),
  },
  {
    section: 'creates',
    key: 'remove_contact_from_all_campaigns',
    title: 'remove from all campaigns',
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: all(
      returns((ctx) => ({ contactId: ctx.ids.contact, allCampaigns: true, removed: true })),
      inSandbox(memberships('campaignIds', () => [])),
    ),
  },
  {
    section: 'creates',
    key: 'add_contact_to_workflow',
    title: 'add to a workflow',
    input: (ctx) => ({
      contactId: ctx.ids.contact,
      workflowId: ctx.ids.workflow,
      eventStartTime: soon(),
    }),
    check: all(
      returns((ctx) => ({ contactId: ctx.ids.contact, workflowId: ctx.ids.workflow, added: true })),
      inSandbox(memberships('workflowIds', (ctx) => [ctx.ids.workflow!])),
    ),
  },
  {
    section: 'creates',
    key: 'remove_contact_from_workflow',
    title: 'remove from the workflow',
    input: (ctx) => ({ contactId: ctx.ids.contact, workflowId: ctx.ids.workflow }),
    check: all(
      returns((ctx) => ({
        contactId: ctx.ids.contact,
        workflowId: ctx.ids.workflow,
        removed: true,
      })),
      inSandbox(memberships('workflowIds', () => [])),
    ),
  },
  {
    section: 'triggers',
    key: 'new_appointment',
    title: 'appointments of a seeded contact',
    input: (ctx) => ({ contactId: ctx.appointmentContactId }),
    check: remember('appointment'),
  },
  { section: 'triggers', key: 'new_contact', title: 'new contacts', check: includesContact },
  {
    section: 'triggers',
    key: 'updated_contact',
    title: 'updated contacts',
    check: includesContact,
  },
  // The instant triggers' samples in the editor: their performList, over real recent records.
  // Tagging a seeded contact that has appointments makes it one of the most recently changed
  // contacts, whose appointments the samples read.
  {
    section: 'creates',
    key: 'add_contact_tags',
    title: 'tag a seeded contact that has appointments',
    input: (ctx) => ({ contactId: ctx.appointmentContactId, tags: ['zapier-tour'] }),
    check: expectValue('id', (ctx) => ctx.appointmentContactId),
  },
  instantSamples('new_contact_instant', 'new contacts', sameKeysAs('new_contact', includesContact)),
  instantSamples(
    'updated_contact_instant',
    'updated contacts',
    sameKeysAs('updated_contact', includesContact),
  ),
  instantSamples('contact_deleted_instant', 'contacts as deleted', includesContact),
  instantSamples(
    'contact_tag_added_instant',
    'tag vip added',
    sameKeysAs('contact_tag_added', includesContact),
    () => ({ tag: 'vip' }),
  ),
  instantSamples('new_task_instant', 'tasks of every contact', sameKeysAs('new_task', hasTask)),
  instantSamples(
    'completed_task_instant',
    'completed tasks of every contact',
    sameKeysAs('completed_task', hasTask),
  ),
  instantSamples('new_note_instant', 'notes of every contact', sameKeysAs('new_note', hasNote)),
  instantSamples(
    'new_appointment_instant',
    'appointments of every contact',
    sameKeysAs('new_appointment', hasAppointment),
  ),
  instantSamples('updated_appointment_instant', 'appointment changes', (result, ctx) =>
    list(result).some((item) => item.appointmentId === ctx.ids.appointment)
      ? undefined
      : 'the seeded appointment is not listed',
  ),
  {
    section: 'creates',
    key: 'api_request',
    title: 'API request: list campaigns',
    input: () => ({
      method: 'GET',
      path: '/campaigns/',
      query: { locationId: '{locationId}' },
    }),
    check: (result, ctx) => {
      const campaigns = (first(result).body__campaigns as Result[] | undefined) ?? [];
      if (first(result).status !== 200) return `status ${String(first(result).status)}`;
      if (!campaigns.some((campaign) => campaign.id === ctx.ids.campaign)) {
        return "the campaigns dropdown's campaign is not in the answer";
      }
      if (!str(first(result).bodyText).includes(ctx.ids.campaign ?? '')) return 'no raw JSON';
    },
  },
  {
    section: 'creates',
    key: 'delete_task',
    title: 'delete the task',
    input: (ctx) => ({ contactId: ctx.ids.contact, taskId: ctx.ids.task }),
    check: all(
      returns((ctx) => ({ id: ctx.ids.task, taskId: ctx.ids.task, deleted: true })),
      inSandbox(deleted('tasks', 'task')),
    ),
  },
  {
    section: 'creates',
    key: 'delete_note',
    title: 'delete the note',
    input: (ctx) => ({ contactId: ctx.ids.contact, noteId: ctx.ids.note }),
    check: all(
      returns((ctx) => ({ id: ctx.ids.note, noteId: ctx.ids.note, deleted: true })),
      inSandbox(deleted('notes', 'note')),
    ),
  },
  {
    section: 'creates',
    key: 'delete_contact',
    title: 'delete Ada',
    input: (ctx) => ({ contactId: ctx.ids.contact }),
    check: all(
      returns((ctx) => ({ id: ctx.ids.contact, contactId: ctx.ids.contact, deleted: true })),
      inSandbox(deleted('contacts', 'contact')),
    ),
  },
];

type Performable = {
  operation: {
    perform: (...args: never[]) => unknown;
    performList?: (...args: never[]) => unknown;
  };
};

/** Runs one step through Zapier's app tester, exactly as the platform would run the operation. */
export const runStep = async (
  appTester: ReturnType<typeof zapier.createAppTester>,
  step: TourStep,
  ctx: TourContext,
): Promise<Output> => {
  const operation = ctx.app[step.section]?.[step.key] as Performable | undefined;
  if (!operation) throw new Error(`${step.section}.${step.key} is not registered`);
  const perform = operation.operation[step.method ?? 'perform'] as unknown as (
    z: unknown,
    bundle: Bundle,
  ) => Promise<Output>;
  return appTester(
    perform as never,
    {
      authData: ctx.authData,
      inputData: step.input?.(ctx) ?? {},
      meta: {
        isLoadingSample: false,
        isFillingDynamicDropdown: false,
        isPopulatingDedupe: false,
        limit: -1,
        page: 0,
        ...step.meta,
      },
    } as never,
  ) as Promise<Output>;
};

/** Every registered operation key, for checking that the tour (and so the e2e suite) covers all. */
export const registeredKeys = (app: TourApp): string[] =>
  (['triggers', 'creates', 'searches'] as const).flatMap((section) =>
    Object.keys(app[section] ?? {}).map((key) => `${section}.${key}`),
  );

/** The tour of one build: the steps of the operations it registers. */
export const stepsFor = (app: TourApp): TourStep[] => {
  const registered = new Set(registeredKeys(app));
  return tourSteps.filter((step) => registered.has(`${step.section}.${step.key}`));
};
