import { perform as createPerform } from '../../../creates/create_contact';
import { perform as updatePerform } from '../../../creates/update_contact';
import { perform as upsertPerform } from '../../../creates/upsert_contact';
import {
  bundleWith,
  customFieldsReply,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
} from '../../support/app';
import {
  contactActions as appTester,
  contactReply,
  definitions,
  definitionsReply,
} from './fixtures';

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

  it.each([
    ['create', createPerform, {}],
    ['update', updatePerform, { contactId: 'c1' }],
    ['upsert', upsertPerform, { email: 'ann@example.com' }],
  ] as const)(
    'on %s, refuses a custom field the sub-account does not have, naming its key, writing nothing',
    async (_mode, perform, required) => {
      definitionsReply([definitions[0]]);
      await expectInvalidInput(
        appTester(
          perform,
          bundleWith({ ...required, customField_cfText: 'Rex', customField_gone123: 'x' }),
        ),
        /^Invalid custom field customField_gone123: it does not exist in this HighLevel sub-account \(deleted, or made in another sub-account\)\. Nothing was written\./,
      );
    },
  );

  it('names every unknown key at once', async () => {
    noCustomFields();
    await expectInvalidInput(
      appTester(createPerform, bundleWith({ customField_goneA: 'x', customField_goneB: ['y'] })),
      /^Invalid custom fields customField_goneA, customField_goneB: they do not exist/,
    );
  });

  it('reloads the kept definitions once for a key they lack (a field created since), then writes', async () => {
    definitionsReply([definitions[0]]);
    highLevel().post('/contacts/').reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfText: 'Rex' })); // keeps [Pet Name]

    definitionsReply([definitions[0], definitions[2]]); // "Visits" was created since
    highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        customFields: [{ id: 'cfNum', field_value: '3' }],
      })
      .reply(201, contactReply([{ id: 'cfNum', value: 3 }]));
    const created = await appTester(createPerform, bundleWith({ customField_cfNum: '3' }), {
      keepCache: true,
    });
    expect(created.customFieldValues).toEqual({ visits: 3 });
  });

  it('reloads at most once per step, and not again for a key HighLevel confirmed missing', async () => {
    definitionsReply([definitions[0]]);
    highLevel().post('/contacts/').reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfText: 'Rex' }));

    definitionsReply([definitions[0]]); // the one reload: still no such field
    const stale = bundleWith({ customField_gone123: 'x' });
    await expectInvalidInput(
      appTester(createPerform, stale, { keepCache: true }),
      /customField_gone123: it does not exist/,
    );
    // The next step knows it is missing: refused without another request.
    await expectInvalidInput(
      appTester(createPerform, bundleWith({ customField_gone123: 'x' }), { keepCache: true }),
      /customField_gone123: it does not exist/,
    );
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

  it.each(['twelve', 'yes', '1.2.3', '', ' ', '12 apples', 'NaN', 'Infinity'])(
    'never writes "%s" to a number field (it reaches the app as raw text)',
    async (value) => {
      definitionsReply();
      const bundle = bundleWith({ firstName: 'Ann', customField_cfNum: value });
      if (value.trim() === '') {
        // An empty field is left out, so the current value stays.
        highLevel()
          .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann' })
          .reply(201, contactReply());
        await appTester(createPerform, bundle);
        return;
      }
      await expectInvalidInput(
        appTester(createPerform, bundle),
        new RegExp(`^Invalid custom field "Visits": "${value}" is not a number`),
      );
    },
  );

  it.each([
    [42, '42'],
    [0, '0'],
    ['-3.5', '-3.5'],
    ['1,250', '1250'],
    [' 7 ', '7'],
  ])('writes the number %j as %j', async (value, sent) => {
    definitionsReply();
    const scope = highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        customFields: [{ id: 'cfNum', field_value: sent }],
      })
      .reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfNum: value }));
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      'customField_cfSingle',
      'Enterprise',
      /^Invalid custom field "Plan": "Enterprise" is not one of its options \(Basic, Pro\)\.$/,
    ],
    [
      'customField_cfRadio',
      'XL',
      /^Invalid custom field "Size": "XL" is not one of its options \(S, M, L\)\.$/,
    ],
    [
      'customField_cfCheck',
      ['Yoga', 'Chess'],
      /^Invalid custom field "Interests": "Chess" is not one of its options/,
    ],
    [
      'customField_cfMulti',
      'Fax, Telex',
      /^Invalid custom field "Channels": "Fax, Telex" is not one of its options \(Email, SMS\)\.$/,
    ],
    [
      'customField_cfDate',
      'tomorrow-ish',
      /^Invalid custom field "Renewal Date": "tomorrow-ish" is not a date/,
    ],
  ])('refuses %s = %j, naming the field, before any write', async (key, value, message) => {
    definitionsReply();
    await expectInvalidInput(appTester(createPerform, bundleWith({ [key]: value })), message);
  });

  it('writes a choice as the field spells it', async () => {
    definitionsReply();
    const scope = highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        customFields: [
          { id: 'cfSingle', field_value: 'Pro' },
          { id: 'cfRadio', field_value: 'L' },
        ],
      })
      .reply(201, contactReply());
    await appTester(
      createPerform,
      bundleWith({ customField_cfSingle: 'pro', customField_cfRadio: ' l ' }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it('takes any value in a choice field that allows custom options', async () => {
    definitionsReply([{ ...definitions[8], isAllowedCustomOption: true }]);
    const scope = highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        customFields: [{ id: 'cfSingle', field_value: 'Enterprise' }],
      })
      .reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfSingle: 'Enterprise' }));
    expect(scope.isDone()).toBe(true);
  });

  it('reloads the kept definitions once for an option they do not list (added since)', async () => {
    definitionsReply();
    highLevel().post('/contacts/').reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfSingle: 'Pro' })); // keeps Basic, Pro

    definitionsReply(
      definitions.map((field) =>
        field.id === 'cfSingle'
          ? { ...field, picklistOptions: ['Basic', 'Pro', 'Enterprise'] }
          : field,
      ),
    );
    const scope = highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        customFields: [{ id: 'cfSingle', field_value: 'Enterprise' }],
      })
      .reply(201, contactReply());
    await appTester(createPerform, bundleWith({ customField_cfSingle: 'Enterprise' }), {
      keepCache: true,
    });
    expect(scope.isDone()).toBe(true);
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

  it('spells options as defined, once each', async () => {
    const field = withOptions('CHECKBOX', ['Email', 'SMS']);
    expect(await sentFor(field, ['sms', 'SMS', 'email'])).toEqual(['SMS', 'Email']);
  });

  it('keeps an item whole when its parts are not all options, and refuses it unless listed', async () => {
    const field = withOptions('CHECKBOX', ['Email', 'SMS']);
    customFieldsReply(field);
    await expectInvalidInput(
      appTester(createPerform, bundleWith({ customField_cfPick: ['Email, or a letter'] })),
      /^Invalid custom field "Best Time": "Email, or a letter" is not one of its options \(Email, SMS\)\.$/,
    );
    const open = [{ ...field[0], isAllowedCustomOption: true }];
    expect(await sentFor(open, ['Email, or a letter'])).toEqual(['Email, or a letter']);
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
