import findContact, { perform } from '../../searches/find_contact';
import findOrCreateContact from '../../searches/find_or_create_contact';
import {
  bundleWith,
  customFieldsReply,
  expectInvalidInput,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('searches', findContact);

/** Replies to the duplicate lookup and records the path exactly as it was sent (raw query). */
const duplicateLookup = (status: number, body: unknown) => {
  const sent: string[] = [];
  highLevel()
    .get('/contacts/search/duplicate')
    .query(true)
    .reply(status, (uri) => {
      sent.push(uri);
      return body;
    });
  return sent;
};

describe('find_contact', () => {
  it('looks up email and phone with + and @ percent-encoded, and returns the contact', async () => {
    customFieldsReply([{ id: 'cfPet', name: 'Pet Name', fieldKey: 'contact.pet_name' }]);
    const sent = duplicateLookup(200, {
      contact: {
        id: 'c123',
        firstName: 'Rosan',
        lastName: 'Deo',
        email: 'test+abc@gmail.com',
        phone: '+14155550134',
        dateAdded: '2026-10-02T14:07:31.000Z',
        customFields: [{ id: 'cfPet', value: 'Rex' }],
      },
    });

    const results = await appTester(
      perform,
      bundleWith({ email: ' test+abc@gmail.com ', phone: '(415) 555-0134', defaultCountry: 'us' }),
    );

    expect(sent).toEqual([
      `/contacts/search/duplicate?locationId=${LOCATION_ID}&email=test%2Babc%40gmail.com&number=%2B14155550134`,
    ]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      id: 'c123',
      fullName: 'Rosan Deo',
      email: 'test+abc@gmail.com',
      phone: '+14155550134',
      dateAdded: '2026-10-02T14:07:31.000Z',
      customFieldValues: { pet_name: 'Rex' },
    });
  });

  it('sends only the phone when no email is given', async () => {
    noCustomFields();
    const sent = duplicateLookup(200, { contact: { id: 'c9', phone: '+442071838750' } });
    const results = await appTester(perform, bundleWith({ phone: '+44 20 7183 8750' }));
    expect(sent).toEqual([
      `/contacts/search/duplicate?locationId=${LOCATION_ID}&number=%2B442071838750`,
    ]);
    expect(results.map((r) => r.id)).toEqual(['c9']);
  });

  it('returns no result when HighLevel answers { contact: null }', async () => {
    noCustomFields();
    duplicateLookup(200, { contact: null });
    expect(await appTester(perform, bundleWith({ email: 'nobody@example.com' }))).toEqual([]);
  });

  it('returns no result on a 404', async () => {
    noCustomFields();
    duplicateLookup(404, { statusCode: 404, message: 'Contact not found' });
    expect(await appTester(perform, bundleWith({ email: 'nobody@example.com' }))).toEqual([]);
  });

  it.each([
    [{}, /Invalid Email or Phone: fill in an email address, a phone number, or both/],
    [{ email: '  ', phone: '' }, /Invalid Email or Phone/],
    [{ email: 'not-an-email' }, /Invalid Email: "not-an-email" is not an email address/],
    [{ phone: '555-0134' }, /Invalid Phone: "555-0134" is not a valid phone number/],
    [
      { phone: '4155550134', defaultCountry: 'USA' },
      /Invalid Default Country for Phone Numbers: "USA" is not a two-letter country code/,
    ],
    [
      { phone: '4155550134', defaultCountry: 'XX' },
      /^Invalid Default Country for Phone Numbers: "XX" is not a country whose phone numbers/,
    ],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it('is the search of Find or Create Contact, with the keys create_contact takes', () => {
    expect(findOrCreateContact).toMatchObject({
      key: 'find_contact',
      search: findContact.key,
      create: 'create_contact',
      display: { label: 'Find or Create Contact' },
    });
    const keys = (findContact.operation.inputFields as Array<{ key: string }>).map((f) => f.key);
    expect(keys).toEqual(['email', 'phone', 'defaultCountry']);
  });
});
