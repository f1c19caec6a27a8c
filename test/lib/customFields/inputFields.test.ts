import createContact from '../../../creates/create_contact';
import updateContact from '../../../creates/update_contact';
import upsertContact from '../../../creates/upsert_contact';
import { customFieldInputFields } from '../../../lib/customFields';
import { bundleWith, highLevel, LOCATION_ID, noCustomFields } from '../../support/app';
import { captureLog, contactActions as appTester, definitions, definitionsReply } from './fixtures';

type InputField = Record<string, unknown>;
const inputFieldsOf = async (mode: 'create' | 'update' | 'upsert' = 'create', keepCache = false) =>
  (await appTester(customFieldInputFields(mode), bundleWith(), { keepCache })) as InputField[];

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
    // Typed as text: Zapier would turn "twelve" into 0 and "soon" into now before the app sees it.
    expect(byKey.customField_cfNum).toMatchObject({
      type: 'string',
      helpText: expect.stringContaining('number, e.g. 42'),
    });
    expect(byKey.customField_cfMoney).toMatchObject({ type: 'string' });
    expect(byKey.customField_cfDate).toMatchObject({
      type: 'string',
      helpText: expect.stringContaining('date, e.g. 2026-12-25'),
    });
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
});
