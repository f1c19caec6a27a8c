import nock from 'nock';
import createContact, { perform as createPerform } from '../../../creates/create_contact';
import updateContact, { perform as updatePerform } from '../../../creates/update_contact';
import upsertContact from '../../../creates/upsert_contact';
import getContact, { perform as getContactPerform } from '../../../searches/get_contact';
import {
  customFieldInputFields,
  customFieldOutputFields,
  customFieldValues,
  type CustomFieldDefinition,
} from '../../../lib/customFields';
import { contactOutput } from '../../../lib/contacts/shape';
import {
  bundleWith,
  customFieldsReply,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../../support/app';

const appTester = testerFor('creates', createContact, updateContact, upsertContact);
const searchTester = testerFor('searches', getContact);

type InputField = Record<string, unknown>;
const inputFieldsOf = async (mode: 'create' | 'update' | 'upsert' = 'create', keepCache = false) =>
  (await appTester(customFieldInputFields(mode), bundleWith(), { keepCache })) as InputField[];

/** Silences and records z.console.log for one test. */
const captureLog = () => jest.spyOn(console, 'log').mockImplementation(() => undefined);

/** One custom field of every data type HighLevel offers for contacts. */
const definitions = [
  { id: 'cfText', name: 'Pet Name', fieldKey: 'contact.pet_name', dataType: 'TEXT' },
  { id: 'cfLarge', name: 'Notes', fieldKey: 'contact.notes', dataType: 'LARGE_TEXT' },
  { id: 'cfNum', name: 'Visits', fieldKey: 'contact.visits', dataType: 'NUMERICAL' },
  { id: 'cfMoney', name: 'Budget', fieldKey: 'contact.budget', dataType: 'MONETORY' },
  { id: 'cfPhone', name: 'Work Phone', fieldKey: 'contact.work_phone', dataType: 'PHONE' },
  { id: 'cfDate', name: 'Renewal Date', fieldKey: 'contact.renewal_date', dataType: 'DATE' },
  { id: 'cfEmail', name: 'Billing Email', fieldKey: 'contact.billing_email', dataType: 'EMAIL' },
  {
    id: 'cfCheck',
    name: 'Interests',
    fieldKey: 'contact.interests',
    dataType: 'CHECKBOX',
    picklistOptions: ['Yoga', 'Running'],
  },
  {
    id: 'cfSingle',
    name: 'Plan',
    fieldKey: 'contact.plan',
    dataType: 'SINGLE_OPTIONS',
    picklistOptions: ['Basic', 'Pro'],
  },
  {
    id: 'cfMulti',
    name: 'Channels',
    fieldKey: 'contact.channels',
    dataType: 'MULTIPLE_OPTIONS',
    picklistOptions: ['Email', 'SMS'],
  },
  {
    id: 'cfRadio',
    name: 'Size',
    fieldKey: 'contact.size',
    dataType: 'RADIO',
    picklistOptions: ['S', 'M', 'L'],
  },
  {
    id: 'cfBoxes',
    name: 'References',
    fieldKey: 'contact.references',
    dataType: 'TEXTBOX_LIST',
    picklistOptions: [{ label: 'First' }, { label: 'Second' }],
  },
  { id: 'cfFile', name: 'Contract', fieldKey: 'contact.contract', dataType: 'FILE_UPLOAD' },
  { id: 'cfSign', name: 'Signature', fieldKey: 'contact.signature', dataType: 'SIGNATURE' },
];

const definitionsReply = (customFields: unknown[] = definitions) => customFieldsReply(customFields);

const contactReply = (customFields: unknown[] = []) => ({
  contact: { id: 'c1', locationId: LOCATION_ID, firstName: 'Ann', customFields },
});

describe('custom fields as input fields', () => {
  it('types each field by its data type, with choices, lists, and file uploads left out', async () => {
    definitionsReply();
    const fields = await inputFieldsOf();
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));

    expect(fields.map((field) => field.key)).toEqual([
      'customFieldsNote',
      'customField_cfText',
      'customField_cfLarge',
      'customField_cfNum',
      'customField_cfMoney',
      'customField_cfPhone',
      'customField_cfDate',
      'customField_cfEmail',
      'customField_cfCheck',
      'customField_cfSingle',
      'customField_cfMulti',
      'customField_cfRadio',
      'customField_cfBoxes',
    ]);
    expect(byKey.customFieldsNote).toMatchObject({
      type: 'copy',
      helpText: expect.stringContaining(
        'File upload and signature custom fields (Contract, Signature) cannot be set from Zapier',
      ),
    });
    expect(byKey.customField_cfText).toMatchObject({
      label: 'Pet Name',
      type: 'string',
      required: false,
    });
    expect(byKey.customField_cfLarge).toMatchObject({ type: 'text' });
    expect(byKey.customField_cfNum).toMatchObject({ type: 'number' });
    expect(byKey.customField_cfMoney).toMatchObject({ type: 'number' });
    expect(byKey.customField_cfDate).toMatchObject({ type: 'datetime' });
    expect(byKey.customField_cfCheck).toMatchObject({ list: true, choices: ['Yoga', 'Running'] });
    expect(byKey.customField_cfMulti).toMatchObject({ list: true, choices: ['Email', 'SMS'] });
    expect(byKey.customField_cfSingle).toMatchObject({ choices: ['Basic', 'Pro'] });
    expect(byKey.customField_cfSingle).not.toHaveProperty('list');
    expect(byKey.customField_cfRadio).toMatchObject({ choices: ['S', 'M', 'L'] });
    // A text box list's options label its boxes; they are not values to pick from.
    expect(byKey.customField_cfBoxes).toMatchObject({
      list: true,
      helpText: expect.stringContaining('(First, Second)'),
    });
    expect(byKey.customField_cfBoxes).not.toHaveProperty('choices');
    for (const field of fields) expect(field.helpText).not.toEqual(field.label);
  });

  it('shows no custom fields (and no note) for a location without any', async () => {
    noCustomFields();
    expect(await inputFieldsOf()).toEqual([]);
  });

  it('still opens the editor when the definitions cannot be loaded, and says why', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query(true)
      .reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
    const log = captureLog();
    const fields = await inputFieldsOf();
    log.mockRestore();
    expect(fields).toEqual([
      expect.objectContaining({
        key: 'customFieldsNote',
        type: 'copy',
        helpText: expect.stringContaining('could not be loaded'),
      }),
    ]);
  });

  it.each([
    ['create', 'Left empty, the new contact has no value for it.'],
    ['update', "Left empty, the contact's current value is kept."],
    [
      'upsert',
      "Left empty, a new contact has no value for it and an existing contact's current value is kept.",
    ],
  ] as const)('on %s, says what an empty custom field means there', async (mode, meaning) => {
    definitionsReply([definitions[0]]);
    const [field] = await inputFieldsOf(mode);
    expect(field?.helpText).toBe(`Custom field \`pet_name\`: text. ${meaning}`);
  });

  it('each contact action lists the custom fields with its own help text', async () => {
    const helpTextIn = async (operation: { operation: { inputFields?: unknown[] } }) => {
      const dynamic = operation.operation.inputFields?.find((f) => typeof f === 'function');
      definitionsReply([definitions[0]]);
      const fields = (await appTester(dynamic as never, bundleWith())) as InputField[];
      return fields[0]?.helpText;
    };
    expect(await helpTextIn(createContact)).toMatch(/the new contact has no value for it\.$/);
    expect(await helpTextIn(updateContact)).toMatch(/current value is kept\.$/);
    expect(await helpTextIn(upsertContact)).toMatch(/an existing contact's current value/);
  });

  it('labels output fields with the custom field names, and types them by data type', async () => {
    definitionsReply();
    const fields = await appTester(customFieldOutputFields, bundleWith());
    expect(fields).toContainEqual({ key: 'customFieldValues__pet_name', label: 'Pet Name' });
    expect(fields).toContainEqual({
      key: 'customFieldValues__visits',
      label: 'Visits',
      type: 'number',
    });
    expect(fields).toContainEqual({
      key: 'customFieldValues__renewal_date',
      label: 'Renewal Date',
      type: 'datetime',
    });
    for (const key of ['interests', 'channels', 'references']) {
      expect(fields).toContainEqual(
        expect.objectContaining({ key: `customFieldValues__${key}`, type: 'string', list: true }),
      );
    }
    expect(fields).toContainEqual({ key: 'customFieldValues__plan', label: 'Plan' });
  });
});

describe('custom-field definitions cache', () => {
  it('fetches the definitions once and reuses them in the next run of the same connection', async () => {
    definitionsReply(); // a single interceptor: a second fetch would find no match and fail
    highLevel().post('/contacts/').times(2).reply(201, contactReply());

    await appTester(createPerform, bundleWith({ firstName: 'Ann' }));
    const second = await appTester(createPerform, bundleWith({ firstName: 'Ann' }), {
      keepCache: true,
    });

    expect(second.id).toBe('c1');
    expect(nock.isDone()).toBe(true);
  });

  it('reads them fresh for the editor, so "Refresh fields" shows a field created a minute ago', async () => {
    definitionsReply([definitions[0]]);
    highLevel().post('/contacts/').reply(201, contactReply());
    await appTester(createPerform, bundleWith({ firstName: 'Ann' })); // caches [Pet Name]

    definitionsReply([definitions[0], definitions[2]]); // "Visits" was added since
    const fields = await inputFieldsOf('create', true);
    expect(fields.map((field) => field.key)).toEqual(['customField_cfText', 'customField_cfNum']);

    // The fresh read refreshed the cache: the next run knows Visits without fetching again.
    highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        firstName: 'Ann',
        customFields: [{ id: 'cfNum', field_value: '3' }],
      })
      .reply(201, contactReply([{ id: 'cfNum', value: 3 }]));
    const created = await appTester(
      createPerform,
      bundleWith({ firstName: 'Ann', customField_cfNum: '3' }),
      { keepCache: true },
    );
    expect(created.customFieldValues).toEqual({ visits: 3 });
    expect(nock.isDone()).toBe(true);
  });

  it('fetches them again once the cache is gone (a new connection or after expiry)', async () => {
    definitionsReply();
    definitionsReply();
    highLevel().post('/contacts/').times(2).reply(201, contactReply());

    await appTester(createPerform, bundleWith({ firstName: 'Ann' }));
    await appTester(createPerform, bundleWith({ firstName: 'Ann' }));
    expect(nock.isDone()).toBe(true);
  });
});

describe('custom fields in the request body', () => {
  it('sends every data type in the shape the spec declares', async () => {
    definitionsReply();
    const scope = highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        firstName: 'Ann',
        customFields: [
          { id: 'cfText', field_value: 'Rex' },
          { id: 'cfLarge', field_value: 'Line one\nLine two' },
          { id: 'cfNum', field_value: '42' },
          { id: 'cfMoney', field_value: '1250.5' },
          { id: 'cfPhone', field_value: '+442079460958' },
          { id: 'cfDate', field_value: '2026-12-31' },
          { id: 'cfCheck', field_value: ['Yoga', 'Running'] },
          { id: 'cfSingle', field_value: 'Pro' },
          { id: 'cfMulti', field_value: ['Email', 'SMS'] },
          { id: 'cfRadio', field_value: 'M' },
          { id: 'cfBoxes', field_value: ['Jane', 'Joe'] },
        ],
      })
      .reply(201, contactReply());

    await appTester(
      createPerform,
      bundleWith({
        firstName: 'Ann',
        defaultCountry: 'GB',
        customField_cfText: ' Rex ',
        customField_cfLarge: 'Line one\nLine two',
        customField_cfNum: 42,
        customField_cfMoney: '$1,250.50',
        customField_cfPhone: '020 7946 0958',
        customField_cfDate: '2026-12-31T00:00:00-05:00',
        customField_cfCheck: ['Yoga', 'Running'],
        customField_cfSingle: 'Pro',
        customField_cfMulti: 'Email, SMS',
        customField_cfRadio: ['M'],
        customField_cfBoxes: ['Jane', 'Joe'],
        customField_cfFile: 'https://example.com/contract.pdf',
      }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it('skips a custom field deleted in HighLevel after the Zap was built, and logs it', async () => {
    definitionsReply([definitions[0]]);
    highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        firstName: 'Ann',
        customFields: [{ id: 'cfText', field_value: 'Rex' }],
      })
      .reply(201, contactReply([{ id: 'cfText', value: 'Rex' }]));

    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

    const result = await appTester(
      createPerform,
      bundleWith({ firstName: 'Ann', customField_cfText: 'Rex', customField_gone123: 'x' }),
    );

    expect(result.customFieldValues).toEqual({ pet_name: 'Rex' });
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining(
        'Skipping custom field gone123: it no longer exists in this HighLevel sub-account.',
      ),
    );
    log.mockRestore();
  });

  it('refuses a value that does not fit its field, naming it, before the write', async () => {
    definitionsReply();
    const failure = await failureOf(
      appTester(createPerform, bundleWith({ firstName: 'Ann', customField_cfNum: '12 apples' })),
    );
    expect(failure).toMatchObject({
      code: 'invalid_input',
      message:
        'Invalid custom field "Visits": "12 apples" is not a number (expected e.g. 42 or 1250.50).',
    });
  });

  it.each([
    [
      'customField_cfPhone',
      'not a phone',
      /custom field "Work Phone": "not a phone" is not a valid/,
    ],
    ['customField_cfDate', 'soon', /custom field "Renewal Date": "soon" is not a date/],
    ['customField_cfSingle', ['Basic', 'Pro'], /custom field "Plan": it takes one value, but 2/],
  ])('refuses %s = %j', async (key, value, message) => {
    definitionsReply();
    const failure = await failureOf(appTester(createPerform, bundleWith({ [key]: value })));
    expect(failure.message).toMatch(message);
  });

  it('on update, sends only the custom fields the user filled', async () => {
    definitionsReply();
    highLevel()
      .put('/contacts/c1', { customFields: [{ id: 'cfNum', field_value: '7' }] })
      .reply(200, { succeded: true, ...contactReply([{ id: 'cfNum', value: 7 }]) });

    const result = await appTester(
      updatePerform,
      bundleWith({ contactId: 'c1', customField_cfNum: '7', customField_cfText: '' }),
    );
    expect(result.customFieldValues).toEqual({ visits: 7 });
  });

  it('on update, says so when the only filled field is a custom field that no longer exists', async () => {
    noCustomFields();
    const log = captureLog();
    const failure = await failureOf(
      appTester(updatePerform, bundleWith({ contactId: 'c1', customField_gone123: 'x' })),
    );
    log.mockRestore();
    expect(failure).toMatchObject({ code: 'invalid_input' });
    expect(failure.message).toBe(
      'Invalid Update Contact: the custom field filled (ID gone123) no longer exists in this HighLevel sub-account, and no other field was filled, so there is nothing to change. Use "Refresh fields" in the Zap editor and map the value to a current field.',
    );
  });

  it('on update with nothing at all filled, says that no field was filled', async () => {
    const failure = await failureOf(appTester(updatePerform, bundleWith({ contactId: 'c1' })));
    expect(failure.message).toMatch(/^Invalid Update Contact: no field was filled/);
  });

  it('checks an email custom field like the Email field, and sends it trimmed', async () => {
    definitionsReply();
    highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        customFields: [{ id: 'cfEmail', field_value: 'billing@example.com' }],
      })
      .reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfEmail: ' billing@example.com ' }));

    definitionsReply();
    await expectInvalidInput(
      appTester(createPerform, bundleWith({ customField_cfEmail: 'billing@' })),
      /^Invalid custom field "Billing Email": "billing@" is not an email address/,
    );
  });

  it('never sends a signature or file custom field, even one filled in an older Zap', async () => {
    definitionsReply();
    highLevel()
      .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann' })
      .reply(201, contactReply());
    await appTester(
      createPerform,
      bundleWith({
        firstName: 'Ann',
        customField_cfSign: 'data:image/png;base64,iVBORw0KGgo=',
        customField_cfFile: 'https://example.com/contract.pdf',
      }),
    );
  });
});

describe('multi-value custom fields', () => {
  const withOptions = (dataType: string, picklistOptions: unknown[]) => [
    { id: 'cfPick', name: 'Best Time', fieldKey: 'contact.best_time', dataType, picklistOptions },
  ];

  /** The field_value sent for `value` in the Best Time field. */
  const sentFor = async (definition: unknown[], value: unknown): Promise<unknown> => {
    customFieldsReply(definition);
    let sent: unknown;
    highLevel()
      .post('/contacts/', (body: { customFields?: Array<{ field_value: unknown }> }) => {
        sent = body.customFields?.[0]?.field_value;
        return true;
      })
      .reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfPick: value }));
    return sent;
  };

  const times = ['Morning, before 9am', 'Afternoon', 'Evening, after 6pm'];

  it.each(['CHECKBOX', 'MULTIPLE_OPTIONS'])(
    '%s: keeps an option that contains a comma whole, in a list or on its own',
    async (dataType) => {
      const field = withOptions(dataType, times);
      expect(await sentFor(field, ['Morning, before 9am', 'Afternoon'])).toEqual([
        'Morning, before 9am',
        'Afternoon',
      ]);
      expect(await sentFor(field, 'Morning, before 9am')).toEqual(['Morning, before 9am']);
    },
  );

  it('splits a comma-joined text mapped from an earlier step when each part is an option', async () => {
    const field = withOptions('MULTIPLE_OPTIONS', ['Email', 'SMS', 'Phone Call']);
    expect(await sentFor(field, 'Email, SMS')).toEqual(['Email', 'SMS']);
    // Mapped into one row of the list, the same text arrives as a one-item list.
    expect(await sentFor(field, ['Email,SMS'])).toEqual(['Email', 'SMS']);
  });

  it('keeps an item whole when its parts are not all options, and spells options as defined', async () => {
    const field = withOptions('CHECKBOX', ['Email', 'SMS']);
    expect(await sentFor(field, ['Email, or a letter'])).toEqual(['Email, or a letter']);
    expect(await sentFor(field, ['sms', 'SMS', 'email'])).toEqual(['SMS', 'Email']);
  });

  it('without known options, keeps list items whole and splits only a lone text', async () => {
    const field = withOptions('MULTIPLE_OPTIONS', []);
    expect(await sentFor(field, ['Morning, before 9am'])).toEqual(['Morning, before 9am']);
    expect(await sentFor(field, 'Email, SMS')).toEqual(['Email', 'SMS']);
  });

  it('TEXTBOX_LIST: one value per box, in order, never split or de-duplicated', async () => {
    const field = withOptions('TEXTBOX_LIST', [{ label: 'First' }, { label: 'Second' }]);
    expect(await sentFor(field, ['Smith, John', 'Smith, John'])).toEqual([
      'Smith, John',
      'Smith, John',
    ]);
    expect(await sentFor(field, 'Doe, Jane')).toEqual(['Doe, Jane']);
  });

  it('TEXTBOX_LIST: refuses more values than the field has boxes, before the write', async () => {
    customFieldsReply(withOptions('TEXTBOX_LIST', [{ label: 'First' }, { label: 'Second' }]));
    await expectInvalidInput(
      appTester(createPerform, bundleWith({ customField_cfPick: ['a', 'b', 'c'] })),
      /^Invalid custom field "Best Time": it has 2 boxes \(First, Second\), but 3 values were given\.$/,
    );
  });
});

describe('when the custom-field definitions cannot be loaded', () => {
  const definitionsFail = (status: number, message: string) =>
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query({ model: 'contact' })
      .reply(status, { statusCode: status, message });

  it.each([
    [503, 'Service Unavailable'],
    [401, 'The token is not authorized for this scope.'],
    [403, 'The token is not authorized for this scope.'],
  ])(
    'still creates a contact without custom fields (HTTP %i), keeping the raw values',
    async (status, message) => {
      definitionsFail(status, message);
      highLevel()
        .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann' })
        .reply(201, contactReply([{ id: 'cfText', value: 'Rex' }]));
      const log = captureLog();

      const result = await appTester(createPerform, bundleWith({ firstName: 'Ann' }));

      expect(result.customFields).toEqual([{ id: 'cfText', value: 'Rex' }]);
      expect(result.customFieldValues).toEqual({});
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining('Custom fields could not be loaded'),
      );
      log.mockRestore();
    },
  );

  it('still updates a contact when no custom field is filled', async () => {
    definitionsFail(500, 'Internal Server Error');
    highLevel()
      .put('/contacts/c1', { city: 'Oakland' })
      .reply(200, { succeded: true, ...contactReply() });
    const log = captureLog();
    const result = await appTester(updatePerform, bundleWith({ contactId: 'c1', city: 'Oakland' }));
    log.mockRestore();
    expect(result.id).toBe('c1');
  });

  it('refuses clearly, writing nothing, when a custom field was filled', async () => {
    definitionsFail(503, 'Service Unavailable');
    const log = captureLog();
    const failure = await failureOf(
      appTester(updatePerform, bundleWith({ contactId: 'c1', customField_cfText: 'Rex' })),
    );
    log.mockRestore();
    expect(failure).toMatchObject({ code: 'custom_fields_unavailable', status: 503 });
    expect(failure.message).toBe(
      "The custom fields filled in this step could not be sent, because the sub-account's custom-field list could not be loaded from HighLevel: " +
        'HighLevel had a problem on its side (HTTP 503) and could not complete this step. This is usually temporary: the step can be retried. ' +
        'Nothing was changed. Retry the step, or clear its custom fields to run it without them.',
    );
    expect(nock.isDone()).toBe(true);
  });

  it('still finds a contact, with its raw custom fields', async () => {
    definitionsFail(502, 'Bad Gateway');
    highLevel()
      .get('/contacts/c1')
      .reply(200, contactReply([{ id: 'cfText', value: 'Rex' }]));
    const log = captureLog();
    const [contact] = await searchTester(getContactPerform, bundleWith({ contactId: 'c1' }));
    log.mockRestore();
    expect(contact).toMatchObject({
      id: 'c1',
      customFields: [{ id: 'cfText', value: 'Rex' }],
      customFieldValues: {},
    });
  });
});

describe('custom fields in the output', () => {
  const known = definitions as CustomFieldDefinition[];

  it('maps [{ id, value }] to readable keys and ignores unknown ids', () => {
    expect(
      customFieldValues(
        [
          { id: 'cfText', value: 'Rex' },
          { id: 'cfCheck', value: ['Yoga'] },
          { id: 'cfGone', value: 'x' },
          { value: 'no id' },
        ],
        known,
      ),
    ).toEqual({ pet_name: 'Rex', interests: ['Yoga'] });
  });

  it('keeps the raw list as well, for fields created after the Zap was built', () => {
    const output = contactOutput({ id: 'c1', customFields: [{ id: 'cfNew', value: 3 }] }, known);
    expect(output.customFields).toEqual([{ id: 'cfNew', value: 3 }]);
    expect(output.customFieldValues).toEqual({});
  });

  it('gives dates stored as epoch milliseconds as YYYY-MM-DD, like the ones stored as text', () => {
    expect(
      customFieldValues(
        [
          { id: 'cfDate', value: Date.UTC(2026, 11, 31) },
          { id: 'cfText', value: 1767139200000 },
        ],
        known,
      ),
    ).toEqual({ renewal_date: '2026-12-31', pet_name: 1767139200000 });
  });

  it('gives a text box list stored per box as the list of its values', () => {
    expect(
      customFieldValues([{ id: 'cfBoxes', value: { box1: 'Jane', box2: 'Joe' } }], known),
    ).toEqual({ references: ['Jane', 'Joe'] });
    expect(customFieldValues([{ id: 'cfBoxes', value: ['Jane'] }], known)).toEqual({
      references: ['Jane'],
    });
  });

  it('uses the id when a definition has no field key', () => {
    expect(
      customFieldValues([{ id: 'cfX', value: 1 }], [{ id: 'cfX', name: 'X', dataType: 'TEXT' }]),
    ).toEqual({ cfX: 1 });
  });
});
