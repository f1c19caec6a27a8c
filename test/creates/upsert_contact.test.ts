import type { PlainInputField } from 'zapier-platform-core';
import upsertContact, { perform } from '../../creates/upsert_contact';
import {
  bundleWith,
  expectInvalidInput,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', upsertContact);

const answer = (isNew: boolean, fields: Record<string, unknown> = {}) => ({
  new: isNew,
  traceId: '0c52a6ea-5d2b-4b45-9b1d-5d3ba0e7c9e1',
  contact: { id: 'c123', locationId: LOCATION_ID, email: 'rosan@deos.com', ...fields },
});

describe('upsert_contact', () => {
  it('posts the contact with the location and reports that it was created', async () => {
    noCustomFields();
    const scope = highLevel()
      .post('/contacts/upsert', {
        locationId: LOCATION_ID,
        firstName: 'Rosan',
        email: 'rosan@deos.com',
        companyName: 'DGS VolMAX',
        gender: 'male',
        tags: ['lead'],
      })
      .reply(200, answer(true, { firstName: 'Rosan', tags: ['lead'] }));

    const result = await appTester(
      perform,
      bundleWith({
        firstName: 'Rosan',
        email: 'rosan@deos.com',
        companyName: 'DGS VolMAX',
        gender: 'male',
        tags: 'lead',
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: 'c123', firstName: 'Rosan', isNew: true, tags: ['lead'] });
  });

  it('matches on phone alone, and reports an update of an existing contact', async () => {
    noCustomFields();
    highLevel()
      .post('/contacts/upsert', {
        locationId: LOCATION_ID,
        phone: '+442079460958',
        createNewIfDuplicateAllowed: true,
      })
      .reply(200, answer(false, { phone: '+442079460958' }));

    const result = await appTester(
      perform,
      bundleWith({ phone: '+44 20 7946 0958', createNewIfDuplicateAllowed: 'true' }),
    );
    expect(result).toMatchObject({ isNew: false, phone: '+442079460958' });
  });

  it.each([
    [
      { firstName: 'Rosan' },
      /^Invalid Email or Phone: Create or Update Contact finds the contact by email or phone/,
    ],
    [{ email: '', phone: ' ', firstName: 'Rosan' }, /^Invalid Email or Phone/],
    [{ email: 'rosan at deos' }, /^Invalid Email/],
    [
      { email: 'a@b.co', createNewIfDuplicateAllowed: 'sometimes' },
      /^Invalid Always Create New Contact \(When Duplicates Allowed\)/,
    ],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });

  it('warns that tags replace an existing contact’s tags and offers the duplicate switch', () => {
    const fields = (upsertContact.operation.inputFields ?? []).filter(
      (field) => typeof field !== 'function',
    ) as PlainInputField[];
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(byKey.tags?.helpText).toMatch(/REPLACE all of its tags/);
    // A yes/no declared as text with Yes/No choices, so that Zapier passes "maybe" on as typed.
    expect(byKey.createNewIfDuplicateAllowed).toMatchObject({ type: 'string', required: false });
    expect(byKey.createNewIfDuplicateAllowed?.choices).toEqual([
      expect.objectContaining({ value: 'true', label: 'Yes' }),
      expect.objectContaining({ value: 'false', label: 'No' }),
    ]);
    expect(byKey.companyName).toBeDefined();
    expect(byKey.gender).toBeDefined();
    expect(upsertContact.operation.sample).toHaveProperty('isNew');
  });
});
