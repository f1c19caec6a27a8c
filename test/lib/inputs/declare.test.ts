// An input declared once gives both the field Zapier shows and the checked value the perform uses.
import { defineInput, fieldsOf, parseInputs, withField } from '../../../lib/inputs/declare';
import { optionalTextOf, phoneInput, defaultCountryInput } from '../../../lib/inputs/fields';

const title = defineInput(
  { key: 'title', label: 'Title', type: 'string', required: true },
  (value, field) => {
    if (typeof value !== 'string' || !value.trim()) throw new Error(`${field.label} is required`);
    return value.trim();
  },
);
const note = defineInput({ key: 'note', label: 'Note', type: 'text' }, optionalTextOf);

describe('declared inputs', () => {
  it('derive the input fields, in order, from the same declarations', () => {
    expect(fieldsOf([title, note] as const)).toEqual([title.field, note.field]);
  });

  it('parse every input by its key, naming the field from its label', () => {
    expect(parseInputs([title, note] as const, { title: ' Call ', note: '' })).toEqual({
      title: 'Call',
      note: undefined,
    });
    expect(() => parseInputs([title, note] as const, {})).toThrow('Title is required');
  });

  it('keep the parser when only the field changes', () => {
    const renamed = withField(title, { label: 'Task Title' });
    expect(renamed.field).toMatchObject({ key: 'title', label: 'Task Title', required: true });
    expect(() => parseInputs([renamed] as const, {})).toThrow('Task Title is required');
  });

  it('let a phone number be read with the Default Country of the same step', () => {
    const inputs = [phoneInput(''), defaultCountryInput('')] as const;
    expect(parseInputs(inputs, { phone: '(415) 555-0134', defaultCountry: 'us' })).toEqual({
      phone: '+14155550134',
      defaultCountry: 'US',
    });
  });
});
