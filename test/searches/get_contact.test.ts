import getContact, { perform } from '../../searches/get_contact';
import {
  bundleWith,
  customFieldsReply,
  highLevel,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('searches', getContact);

const definitions = [
  { id: 'cfPet', name: 'Pet Name', fieldKey: 'contact.pet_name', dataType: 'TEXT' },
  { id: 'cfVisits', name: 'Visits', fieldKey: 'contact.visits', dataType: 'NUMERICAL' },
];

describe('get_contact', () => {
  it('returns the contact with custom fields under readable keys', async () => {
    customFieldsReply(definitions);
    highLevel()
      .get('/contacts/c123')
      .reply(200, {
        contact: {
          id: 'c123',
          firstName: 'Rosan',
          lastName: 'Deo',
          email: 'rosan@deos.com',
          dateAdded: '2026-10-02T14:07:31.000Z',
          customFields: [
            { id: 'cfPet', value: 'Rex' },
            { id: 'cfVisits', value: 4 },
            { id: 'cfDeleted', value: 'x' },
          ],
        },
      });

    const [contact] = await appTester(perform, bundleWith({ contactId: 'c123' }));

    expect(contact).toMatchObject({
      id: 'c123',
      fullName: 'Rosan Deo',
      customFieldValues: { pet_name: 'Rex', visits: 4 },
      dateUpdated: '2026-10-02T14:07:31.000Z',
    });
    expect(contact?.customFields).toHaveLength(3);
  });

  it('returns no result for an unknown contact', async () => {
    noCustomFields();
    highLevel().get('/contacts/nope').reply(404, { statusCode: 404, message: 'Contact not found' });
    expect(await appTester(perform, bundleWith({ contactId: 'nope' }))).toEqual([]);
  });
});
