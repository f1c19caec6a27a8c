import {
  customFieldOutputFields,
  customFieldValues,
  type CustomFieldDefinition,
} from '../../../lib/customFields';
import { contactOutput } from '../../../lib/contacts/shape';
import { bundleWith } from '../../support/app';
import { contactActions as appTester, definitions, definitionsReply } from './fixtures';

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
});
