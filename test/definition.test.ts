// The app definition as Zapier's publishing checks see it.
import App from '../index';
import { hasBareUrl, isTitleCase, lintDefinition } from './support/definitionLint';

type StaticInput = { key: string; dynamic?: string; children?: StaticInput[] };

/** Every input field written out in an operation (not those its functions add, e.g. custom fields). */
const staticInputsOfEveryOperation = () =>
  (['triggers', 'creates', 'searches'] as const).flatMap((section) =>
    Object.entries(App[section] ?? {}).flatMap(([key, operation]) =>
      ((operation.operation as { inputFields?: unknown[] }).inputFields ?? [])
        .filter((field): field is StaticInput => typeof field === 'object' && field !== null)
        .flatMap((field) => [field, ...(field.children ?? [])])
        .map((field) => ({ where: `${section}.${key}`, field })),
    ),
  );

/** The dropdown (hidden trigger) each kind of id input must use. */
const DROPDOWN_OF_ID: Array<[RegExp, string]> = [
  [/^contactIds?$/, 'contact_choices'],
  [/^taskId$/, 'task_choices'],
  [/^noteId$/, 'note_choices'],
  [/^campaignId$/, 'campaign_choices'],
  [/^workflowId$/, 'workflow_choices'],
  [/^businessId$/, 'business_choices'],
  [/^(assignedTo|userId|followers)$/, 'user_choices'],
  [/^tags?$/, 'tag_choices'],
];
/**
 * Id inputs that have no dropdown, and why. The instant appointment triggers' calendar filter: the
 * app reads no calendar list (HighLevel's calendars API needs calendars.readonly, which the app
 * does not ask for), so it takes a calendar ID mapped from an earlier step or pasted.
 */
const WITHOUT_DROPDOWN = new Set(['calendarId']);
/** An input that takes an id (or a tag name): a known kind, or any key ending in Id or Ids. */
const isIdInput = (key: string): boolean =>
  /Ids?$/.test(key) || DROPDOWN_OF_ID.some(([kind]) => kind.test(key));

describe('the app definition', () => {
  it('passes every publishing check that can be run offline', () => {
    expect(lintDefinition(App as Parameters<typeof lintDefinition>[0])).toEqual([]);
  });

  it('registers the visible operations the issues name, by their public keys', () => {
    expect(
      Object.keys(App.triggers ?? {})
        .filter((key) => !key.endsWith('_choices'))
        .sort(),
    ).toEqual(
      [
        'completed_task',
        'contact_tag_added',
        'new_appointment',
        'new_business_contact',
        'new_contact',
        'new_note',
        'new_task',
        'updated_contact',
        'new_contact_instant',
        'updated_contact_instant',
        'contact_deleted_instant',
        'contact_tag_added_instant',
        'new_task_instant',
        'completed_task_instant',
        'new_note_instant',
        'new_appointment_instant',
        'updated_appointment_instant',
      ].sort(),
    );
    expect(Object.keys(App.creates ?? {}).sort()).toEqual(
      [
        'create_contact',
        'update_contact',
        'upsert_contact',
        'delete_contact',
        'add_contact_tags',
        'remove_contact_tags',
        'bulk_update_contact_tags',
        'create_task',
        'update_task',
        'complete_task',
        'delete_task',
        'create_note',
        'update_note',
        'delete_note',
        'add_contact_to_campaign',
        'remove_contact_from_campaign',
        'remove_contact_from_all_campaigns',
        'add_contact_to_workflow',
        'remove_contact_from_workflow',
        'add_contact_followers',
        'remove_contact_followers',
        'bulk_update_contact_business',
        'api_request',
      ].sort(),
    );
    expect(Object.keys(App.searches ?? {}).sort()).toEqual(
      [
        'find_contact',
        'search_contacts',
        'get_contact',
        'find_task',
        'get_task',
        'find_note',
        'get_note',
      ].sort(),
    );
    expect(App.searchOrCreates?.find_contact).toMatchObject({
      search: 'find_contact',
      create: 'create_contact',
    });
  });

  it('shows the seventeen visible triggers under the labels the issues name', () => {
    const visibleLabels = Object.fromEntries(
      Object.entries(App.triggers ?? {})
        .filter(([, trigger]) => !trigger.display.hidden)
        .map(([key, trigger]) => [key, trigger.display.label]),
    );
    expect(visibleLabels).toEqual({
      new_contact: 'New Contact',
      updated_contact: 'Updated Contact',
      contact_tag_added: 'Tag Added to Contact',
      new_business_contact: 'New Contact in Business',
      new_task: 'New Task',
      completed_task: 'Task Completed',
      new_note: 'New Note',
      new_appointment: 'New Appointment',
      new_contact_instant: 'New Contact (Instant)',
      updated_contact_instant: 'Updated Contact (Instant)',
      contact_deleted_instant: 'Contact Deleted (Instant)',
      contact_tag_added_instant: 'Tag Added to Contact (Instant)',
      new_task_instant: 'New Task (Instant)',
      completed_task_instant: 'Task Completed (Instant)',
      new_note_instant: 'New Note (Instant)',
      new_appointment_instant: 'New Appointment (Instant)',
      updated_appointment_instant: 'Appointment Updated (Instant)',
    });
  });

  it('makes every instant trigger a REST hook with the same output keys as its polling twin', () => {
    const triggers = (App.triggers ?? {}) as unknown as Record<
      string,
      { operation: Record<string, unknown> }
    >;
    const twins = {
      new_contact_instant: 'new_contact',
      updated_contact_instant: 'updated_contact',
      contact_tag_added_instant: 'contact_tag_added',
      new_task_instant: 'new_task',
      completed_task_instant: 'completed_task',
      new_note_instant: 'new_note',
      new_appointment_instant: 'new_appointment',
    };
    const instantKeys = Object.keys(triggers).filter((key) => key.endsWith('_instant'));
    expect(instantKeys).toHaveLength(9);
    for (const key of instantKeys) {
      expect(triggers[key]!.operation).toMatchObject({
        type: 'hook',
        performSubscribe: expect.any(Function),
        performUnsubscribe: expect.any(Function),
        perform: expect.any(Function),
        performList: expect.any(Function),
      });
    }
    for (const [instant, twin] of Object.entries(twins)) {
      const keysOf = (key: string) => Object.keys(triggers[key]!.operation.sample as object).sort();
      expect([instant, keysOf(instant)]).toEqual([instant, keysOf(twin)]);
      expect(triggers[instant]!.operation.outputFields).toEqual(
        triggers[twin]!.operation.outputFields,
      );
    }
  });

  it("points every polling twin's description at its instant trigger", () => {
    const triggers = (App.triggers ?? {}) as unknown as Record<
      string,
      { display: { label: string; description: string } }
    >;
    for (const key of Object.keys(triggers).filter((k) => k.endsWith('_instant'))) {
      const twin = triggers[key.replace(/_instant$/, '')];
      if (twin) expect(twin.display.description).toContain(triggers[key]!.display.label);
    }
  });

  it('offers a dropdown for every id input in the app, so that nobody types an id by hand', () => {
    const inputs = staticInputsOfEveryOperation();
    const idInputs = inputs.filter(
      ({ field }) => isIdInput(field.key) && !WITHOUT_DROPDOWN.has(field.key),
    );
    const problems = idInputs.flatMap(({ where, field }) => {
      const dropdown = DROPDOWN_OF_ID.find(([key]) => key.test(field.key))?.[1];
      if (!dropdown) return [`${where}.${field.key}: an id input of no known kind (add it here)`];
      return field.dynamic?.startsWith(`${dropdown}.`)
        ? []
        : [`${where}.${field.key}: needs the ${dropdown} dropdown, has ${field.dynamic ?? 'none'}`];
    });
    expect(problems).toEqual([]);
    // Every kind of id is there to check, so the walk above cannot pass by finding nothing.
    for (const [key] of DROPDOWN_OF_ID) {
      expect(idInputs.some(({ field }) => key.test(field.key))).toBe(true);
    }
  });

  it('declares no input as a Zapier date-time, so the app reads every date as the user gave it', () => {
    // Zapier turns an unreadable date-time ("31 Feb 2026") into the current time before the app
    // sees it (see dateTimeInput in lib/inputs/fields.ts).
    const dateTimes = staticInputsOfEveryOperation()
      .filter(({ field }) => (field as { type?: string }).type === 'datetime')
      .map(({ where, field }) => `${where}.${field.key}`);
    expect(dateTimes).toEqual([]);
  });

  it('links every contactId input to Find Contact as its search step', () => {
    const operations = [App.triggers, App.creates, App.searches].flatMap((section) =>
      Object.values(section ?? {}),
    );
    const contactInputs = operations.flatMap((operation) =>
      ((operation.operation as { inputFields?: unknown[] }).inputFields ?? []).filter(
        (field): field is { key: string; search?: string } =>
          typeof field === 'object' &&
          field !== null &&
          (field as { key?: string }).key === 'contactId',
      ),
    );
    expect(contactInputs.length).toBeGreaterThan(20);
    expect(contactInputs.filter((field) => field.search !== 'find_contact.id')).toEqual([]);
  });
});

describe('the definition lint itself', () => {
  it('knows Title Case', () => {
    expect(isTitleCase('Add Tags to Contact')).toBe(true);
    expect(isTitleCase('Find Contact by Name or Filter')).toBe(true);
    expect(isTitleCase('Add tags to contact')).toBe(false);
  });

  it('finds bare URLs but accepts markdown links', () => {
    expect(hasBareUrl('See https://example.com for more')).toBe(true);
    expect(hasBareUrl('See [the docs](https://example.com).')).toBe(false);
    // Naming a scheme links nowhere.
    expect(hasBareUrl('One without http:// or https:// gets https:// in front.')).toBe(false);
  });

  it('reports a description without its final period and a visible operation without a sample, each by its own rule', () => {
    const problems = lintDefinition({
      triggers: {
        new_thing: {
          key: 'new_thing',
          display: { label: 'New Thing', description: 'Triggers when a thing is added' },
          operation: { sample: { id: 'thing1' } },
        },
        thing_choices: { key: 'thing_choices', display: { hidden: true }, operation: {} },
      },
      creates: {
        create_thing: {
          key: 'create_thing',
          display: { label: 'Create Thing', description: 'Creates a new thing.' },
          operation: {},
        },
      },
    });
    expect(problems).toEqual([
      'triggers.new_thing: description must end with "."',
      'creates.create_thing: visible operation without a sample',
    ]);
  });

  it('reports each kind of problem', () => {
    const problems = lintDefinition({
      triggers: {
        bad_trigger: {
          key: 'bad_trigger',
          display: { label: 'bad trigger', description: 'Fires sometimes' },
          operation: {
            sample: { name: 'x', when: 'yesterday' },
            outputFields: [{ key: 'when', type: 'datetime' }],
            inputFields: [
              {
                key: 'a',
                label: 'Thing',
                helpText: 'Thing',
                dynamic: 'missing_choices.id.name',
                search: 'nope.id',
              },
              { key: 'b', label: 'Other', helpText: 'Go to http://example.com' },
            ],
          },
        },
      },
      searchOrCreates: { x: { key: 'x', search: 'x', create: 'y' } },
    });
    const hookProblems = lintDefinition({
      triggers: {
        pasted_hook: {
          key: 'pasted_hook',
          display: { label: 'Pasted Hook', description: 'Triggers when a URL is called.' },
          operation: { type: 'hook', sample: { id: '1' } },
        },
      },
    });
    expect(hookProblems).toEqual([
      'triggers.pasted_hook: a hook trigger needs performList (real items for the editor)',
      'triggers.pasted_hook: a static webhook (a hook without performSubscribe and performUnsubscribe)',
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/label "bad trigger" is not in Title Case/),
        expect.stringMatching(/must start with "Triggers when "/),
        expect.stringMatching(/sample without an id/),
        expect.stringMatching(/sample value of when contradicts its type datetime/),
        expect.stringMatching(/help text repeats the label/),
        expect.stringMatching(/dynamic points at missing trigger missing_choices/),
        expect.stringMatching(/search points at missing search nope/),
        expect.stringMatching(/bare URL in help text/),
        expect.stringMatching(/non-https URL/),
        expect.stringMatching(/missing create y/),
      ]),
    );
  });
});
