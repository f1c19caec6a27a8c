import {
  customFieldOutputFields,
  customFieldValues,
  type CustomFieldDefinition,
} from '../../../lib/customFields';
import { contactOutput } from '../../../lib/contacts/shape';
import { perform as getContactPerform } from '../../../searches/get_contact';
import { bundleWith, highLevel } from '../../support/app';
import {
  contactActions as appTester,
  contactReply,
  contactSearches as searchTester,
  definitions,
  definitionsReply,
} from './fixtures';

describe('custom fields in the output', () => {
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

  const valueOf = (id: string, value: unknown) => {
    const [only] = Object.values(customFieldValues([{ id, value }], known));
    return only;
  };

  // HighLevel's spec (and official SDK) type `value` as a string; the sandbox sends numbers and
  // arrays. Every type is read in both forms.
  it.each([
    ['cfNum', 42, 42],
    ['cfNum', '42', 42],
    ['cfNum', ' -3.5 ', -3.5],
    ['cfMoney', 1250.5, 1250.5],
    ['cfMoney', '1250.50', 1250.5],
    ['cfNum', 'not a number', 'not a number'],
  ])('a number field %s read from %j is %j', (id, value, expected) => {
    expect(valueOf(id, value)).toEqual(expected);
  });

  it.each([
    ['cfCheck', ['Yoga', 'Running'], ['Yoga', 'Running']],
    ['cfCheck', '["Yoga","Running"]', ['Yoga', 'Running']],
    ['cfCheck', 'Yoga, Running', ['Yoga', 'Running']],
    ['cfCheck', 'yoga,running', ['Yoga', 'Running']],
    ['cfMulti', 'SMS', ['SMS']],
    ['cfMulti', ['Email'], ['Email']],
    ['cfMulti', '[]', []],
  ])('a checkbox or multi-select %s read from %j is %j', (id, value, expected) => {
    expect(valueOf(id, value)).toEqual(expected);
  });

  it('reads comma-separated options that contain commas themselves as whole options', () => {
    const times = [
      {
        id: 'cfTimes',
        name: 'Best Time',
        fieldKey: 'contact.best_time',
        dataType: 'MULTIPLE_OPTIONS',
        picklistOptions: ['Morning, before 9am', 'Afternoon', 'Evening, after 6pm'],
      },
    ];
    expect(
      customFieldValues(
        [{ id: 'cfTimes', value: 'Morning, before 9am, Afternoon,Evening, after 6pm' }],
        times,
      ),
    ).toEqual({ best_time: ['Morning, before 9am', 'Afternoon', 'Evening, after 6pm'] });
    // Without listed options, every comma separates.
    expect(
      customFieldValues(
        [{ id: 'cfTimes', value: 'a, b' }],
        [{ ...times[0]!, picklistOptions: [] }],
      ),
    ).toEqual({ best_time: ['a', 'b'] });
  });

  it.each([
    [Date.UTC(2026, 11, 31), '2026-12-31'],
    [String(Date.UTC(2026, 11, 31)), '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31T00:00:00.000Z', '2026-12-31'],
    ['2026-12-31T23:30:00-05:00', '2026-12-31'],
    ['someday', 'someday'],
  ])('a date field read from %j is %j', (value, expected) => {
    expect(valueOf('cfDate', value)).toEqual(expected);
  });

  it.each([
    [
      ['Jane', 'Joe'],
      ['Jane', 'Joe'],
    ],
    ['["Jane","Joe"]', ['Jane', 'Joe']],
    ['Smith, John', ['Smith, John']],
    [{ box1: 'Jane' }, ['Jane']],
  ])('a text box list read from %j is %j', (value, expected) => {
    expect(valueOf('cfBoxes', value)).toEqual(expected);
  });

  describe('a custom field keyed __proto__', () => {
    const proto = [
      { id: 'cfProto', name: 'Proto', fieldKey: 'contact.__proto__', dataType: 'TEXT' },
    ];

    it('keeps its value as a key of its own', () => {
      const values = customFieldValues([{ id: 'cfProto', value: 'kept' }], proto);
      expect(Object.keys(values)).toEqual(['__proto__']);
      expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('kept');
      expect(JSON.parse(JSON.stringify(values))).toEqual(JSON.parse('{"__proto__":"kept"}'));
    });

    it('shows it in the output of a step and among the labelled output fields', async () => {
      definitionsReply(proto);
      highLevel()
        .get('/contacts/c1')
        .reply(200, contactReply([{ id: 'cfProto', value: 'kept' }]));
      const [contact] = await searchTester(getContactPerform, bundleWith({ contactId: 'c1' }));
      const values = (contact as { customFieldValues: object }).customFieldValues;
      expect(Object.keys(values)).toEqual(['__proto__']);
      expect(JSON.stringify(values)).toBe('{"__proto__":"kept"}');

      definitionsReply(proto);
      expect(await appTester(customFieldOutputFields, bundleWith())).toEqual([
        { key: 'customFieldValues____proto__', label: 'Proto' },
      ]);
    });
  });
});
