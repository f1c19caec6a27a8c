// An input declared once gives both the field Zapier shows and the checked value the perform uses.
import { defineInput, fieldsOf, parseInputs, withField } from '../../../lib/inputs/declare';
import {
  dateTimeInput,
  defaultCountryInput,
  optionalTextOf,
  phoneInput,
} from '../../../lib/inputs/fields';

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
    expect(
      parseInputs([title, note] as const, { inputData: { title: ' Call ', note: '' } }),
    ).toEqual({
      title: 'Call',
      note: undefined,
    });
    expect(() => parseInputs([title, note] as const, { inputData: {} })).toThrow(
      'Title is required',
    );
  });

  it('keep the parser when only the field changes', () => {
    const renamed = withField(title, { label: 'Task Title' });
    expect(renamed.field).toMatchObject({ key: 'title', label: 'Task Title', required: true });
    expect(() => parseInputs([renamed] as const, { inputData: {} })).toThrow(
      'Task Title is required',
    );
  });

  it('let a phone number be read with the Default Country of the same step', () => {
    const inputs = [phoneInput(''), defaultCountryInput('')] as const;
    expect(
      parseInputs(inputs, {
        inputData: { phone: '(415) 555-0134', defaultCountry: 'us' },
      }),
    ).toEqual({
      phone: '+14155550134',
      defaultCountry: 'US',
    });
  });

  it("read a date-time without an offset in the bundle's time zone, and in UTC without one", () => {
    const inputs = [dateTimeInput('dueDate', 'Due Date', '', false)] as const;
    const inputData = { dueDate: '12/25/2026 14:30' };
    expect(parseInputs(inputs, { inputData, meta: { timezone: 'America/New_York' } })).toEqual({
      dueDate: '2026-12-25T19:30:00.000Z',
    });
    expect(parseInputs(inputs, { inputData, meta: { timezone: null } })).toEqual({
      dueDate: '2026-12-25T14:30:00.000Z',
    });
    expect(parseInputs(inputs, { inputData })).toEqual({ dueDate: '2026-12-25T14:30:00.000Z' });
  });
});
