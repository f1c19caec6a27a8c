import nock from 'nock';
import createContact, { perform as createPerform } from '../../creates/create_contact';
import updateContact, { perform as updatePerform } from '../../creates/update_contact';
import {
  customFieldInputFields,
  customFieldOutputFields,
  customFieldValues,
  type CustomFieldDefinition,
} from '../../lib/customFields';
import { contactOutput } from '../../lib/contact';
import {
  bundleWith,
  customFieldsReply,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', createContact, updateContact);

/** One custom field of every data type HighLevel offers for contacts. */
const definitions = [
  { id: 'cfText', name: 'Pet Name', fieldKey: 'contact.pet_name', dataType: 'TEXT' },
  { id: 'cfLarge', name: 'Notes', fieldKey: 'contact.notes', dataType: 'LARGE_TEXT' },
  { id: 'cfNum', name: 'Visits', fieldKey: 'contact.visits', dataType: 'NUMERICAL' },
  { id: 'cfMoney', name: 'Budget', fieldKey: 'contact.budget', dataType: 'MONETORY' },
  { id: 'cfPhone', name: 'Work Phone', fieldKey: 'contact.work_phone', dataType: 'PHONE' },
  { id: 'cfDate', name: 'Renewal Date', fieldKey: 'contact.renewal_date', dataType: 'DATE' },
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
    const fields = (await appTester(customFieldInputFields, bundleWith())) as Array<
      Record<string, unknown>
    >;
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));

    expect(fields.map((field) => field.key)).toEqual([
      'customFieldsNote',
      'customField_cfText',
      'customField_cfLarge',
      'customField_cfNum',
      'customField_cfMoney',
      'customField_cfPhone',
      'customField_cfDate',
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
    expect(await appTester(customFieldInputFields, bundleWith())).toEqual([]);
  });

  it('still opens the editor when the definitions cannot be loaded, and says why', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query(true)
      .reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
    const fields = (await appTester(customFieldInputFields, bundleWith())) as Array<
      Record<string, unknown>
    >;
    expect(fields).toEqual([
      expect.objectContaining({
        key: 'customFieldsNote',
        type: 'copy',
        helpText: expect.stringContaining('could not be loaded'),
      }),
    ]);
  });

  it('labels output fields with the custom field names, numbers as numbers', async () => {
    definitionsReply();
    const fields = await appTester(customFieldOutputFields, bundleWith());
    expect(fields).toContainEqual({ key: 'customFieldValues__pet_name', label: 'Pet Name' });
    expect(fields).toContainEqual({
      key: 'customFieldValues__visits',
      label: 'Visits',
      type: 'number',
    });
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

  it('on update, refuses when the only filled custom field no longer exists', async () => {
    noCustomFields();
    const failure = await failureOf(
      appTester(updatePerform, bundleWith({ contactId: 'c1', customField_gone123: 'x' })),
    );
    expect(failure.message).toMatch(/^Invalid Update Contact: no field was filled/);
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

  it('uses the id when a definition has no field key', () => {
    expect(
      customFieldValues([{ id: 'cfX', value: 1 }], [{ id: 'cfX', name: 'X', dataType: 'TEXT' }]),
    ).toEqual({ cfX: 1 });
  });
});
