import updateContact, { perform } from '../../creates/update_contact';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', updateContact);

const updated = (fields: Record<string, unknown>) => ({
  succeded: true,
  contact: {
    id: 'c123',
    locationId: LOCATION_ID,
    dateAdded: '2026-10-02T14:07:31.000Z',
    dateUpdated: '2026-10-05T09:12:45.000Z',
    ...fields,
  },
});

describe('update_contact', () => {
  it('sends only the fields the user filled, never blanks', async () => {
    noCustomFields();
    const scope = highLevel()
      .put('/contacts/c123', { phone: '+14155550134', city: 'Oakland', dnd: true })
      .reply(
        200,
        updated({ firstName: 'Rosan', phone: '+14155550134', city: 'Oakland', dnd: true }),
      );

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        firstName: '',
        email: '  ',
        phone: '415-555-0134',
        defaultCountry: 'US',
        city: 'Oakland',
        tags: [],
        dnd: true,
        dateOfBirth: '',
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      id: 'c123',
      firstName: 'Rosan',
      phone: '+14155550134',
      city: 'Oakland',
      dnd: true,
      dateUpdated: '2026-10-05T09:12:45.000Z',
    });
  });

  it('sends tags as the full replacement list and never the create-only fields', async () => {
    noCustomFields();
    highLevel()
      .put('/contacts/c123', { tags: ['customer'] })
      .reply(200, updated({ tags: ['customer'] }));

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', tags: ['customer'], companyName: 'Acme', gender: 'male' }),
    );
    expect(result.tags).toEqual(['customer']);
  });

  it('labels the tags field as replacing all tags and points to Add Tags to Contact', () => {
    const tags = (updateContact.operation.inputFields ?? []).find(
      (field) => typeof field !== 'function' && field.key === 'tags',
    );
    expect(tags).toMatchObject({
      label: 'Tags (Replaces All Tags)',
      required: false,
      helpText: expect.stringContaining('Add Tags to Contact'),
    });
    const keys = (updateContact.operation.inputFields ?? []).map((field) =>
      typeof field === 'function' ? 'custom' : field.key,
    );
    expect(keys[0]).toBe('contactId');
    expect(keys).not.toContain('companyName');
    expect(keys).not.toContain('gender');
    expect(keys).not.toContain('locationId');
  });

  it.each([
    [{ contactId: 'c123' }, /^Invalid Update Contact: no field was filled/],
    [
      { contactId: 'c123', tags: ['', ' '], dnd: '' },
      /^Invalid Update Contact: no field was filled/,
    ],
    [{ contactId: '', city: 'Oakland' }, /^Invalid Contact ID/],
    [{ contactId: 'c123', email: 'nope' }, /^Invalid Email: "nope"/],
    [{ contactId: 'c123', dateOfBirth: '1990-13-01' }, /^Invalid Date of Birth/],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });

  it('fails when HighLevel answers succeded: false', async () => {
    noCustomFields();
    highLevel()
      .put('/contacts/c123')
      .reply(200, { ...updated({}), succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', city: 'X' })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringContaining('could not update the contact'),
    });
  });

  it('names the contact when HighLevel does not know it', async () => {
    noCustomFields();
    highLevel()
      .put('/contacts/gone1')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'gone1', city: 'X' })),
    );
    expect(failure.message).toBe(
      'HighLevel could not find the contact "gone1". It may have been deleted, or it belongs to another sub-account.',
    );
  });
});
