import createContact, { perform } from '../../creates/create_contact';
import { asZapierSendsIt } from '../support/zapierProduction';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', createContact);

const created = (fields: Record<string, unknown>) => ({
  contact: {
    id: 'new123',
    locationId: LOCATION_ID,
    dateAdded: '2026-10-02T14:07:31.000Z',
    dateUpdated: '2026-10-02T14:07:31.000Z',
    ...fields,
  },
});

const everyField = {
  email: ' rosan@deos.com ',
  phone: '(205) 555-0134',
  defaultCountry: 'us',
  firstName: 'Rosan',
  lastName: 'Deo',
  name: '',
  companyName: 'DGS VolMAX',
  address1: '3535 1st St N',
  city: 'Dolomite',
  state: 'AL',
  postalCode: '35061',
  country: 'us',
  website: 'https://www.tesla.com',
  timezone: 'America/Chicago',
  dateOfBirth: '09/25/1990',
  gender: 'female',
  source: 'Zapier',
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  dnd: 'no',
  tags: ['lead', 'vip', 'new patient', 'vip', ''],
};

describe('create_contact', () => {
  it('posts every filled field in HighLevel’s form and returns the flat contact', async () => {
    noCustomFields();
    const scope = highLevel()
      .post('/contacts/', {
        locationId: LOCATION_ID,
        firstName: 'Rosan',
        lastName: 'Deo',
        email: 'rosan@deos.com',
        phone: '+12055550134',
        companyName: 'DGS VolMAX',
        address1: '3535 1st St N',
        city: 'Dolomite',
        state: 'AL',
        postalCode: '35061',
        country: 'US',
        website: 'https://www.tesla.com',
        timezone: 'America/Chicago',
        dateOfBirth: '1990-09-25',
        gender: 'female',
        source: 'Zapier',
        assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
        dnd: false,
        tags: ['lead', 'vip', 'new patient'],
      })
      .reply(
        201,
        created({
          firstName: 'rosan',
          lastName: 'deo',
          email: 'rosan@deos.com',
          phone: '+12055550134',
          tags: ['lead', 'vip', 'new patient'],
          dateOfBirth: '1990-09-25T00:00:00.000Z',
          dnd: false,
        }),
      );

    const result = await appTester(perform, bundleWith(everyField));

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      id: 'new123',
      fullName: 'rosan deo',
      email: 'rosan@deos.com',
      phone: '+12055550134',
      dateOfBirth: '1990-09-25',
      dateAdded: '2026-10-02T14:07:31.000Z',
      tags: ['lead', 'vip', 'new patient'],
      tagsText: 'lead, vip, new patient',
      dnd: false,
      locationId: LOCATION_ID,
    });
  });

  it('sends only what was filled (no defaultCountry, no blanks)', async () => {
    noCustomFields();
    highLevel()
      .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann' })
      .reply(201, created({ firstName: 'Ann' }));

    const result = await appTester(
      perform,
      bundleWith({ firstName: 'Ann', lastName: ' ', email: '', tags: [], dnd: '' }),
    );
    expect(result).toMatchObject({ id: 'new123', firstName: 'Ann', email: '', tags: [] });
  });

  it.each([
    [{ email: 'rosan@' }, /^Invalid Email: "rosan@" is not an email address/],
    [{ phone: '555-0134' }, /^Invalid Phone: "555-0134" is not a valid phone number/],
    [{ phone: '(205) 555-0134' }, /set Default Country for local numbers/],
    [{ defaultCountry: 'USA' }, /^Invalid Default Country for Phone Numbers/],
    [{ defaultCountry: 'XX', phone: '2055550134' }, /"XX" is not a country whose phone/],
    [{ country: 'United States' }, /^Invalid Country: "United States" is not a two-letter/],
    [{ dateOfBirth: 'yesterday' }, /^Invalid Date of Birth: "yesterday" is not a date/],
    [{ dateOfBirth: '02/30/1990' }, /^Invalid Date of Birth: "02\/30\/1990"/],
    [{ timezone: 'Mars/Olympus' }, /^Invalid Time Zone: "Mars\/Olympus" is not a time zone/],
    [{ dnd: 'maybe' }, /^Invalid Do Not Disturb: "maybe" is not yes\/no/],
  ])('refuses %j with a message naming the field, before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith({ firstName: 'A', ...input })), message);
  });

  it('tells the user which contact already exists when the sub-account forbids duplicates', async () => {
    noCustomFields();
    highLevel()
      .post('/contacts/', { locationId: LOCATION_ID, email: 'rosan@deos.com' })
      .reply(400, {
        statusCode: 400,
        message: 'This location does not allow duplicated contacts.',
        meta: { contactId: 'dup123', matchingField: 'email', contactName: 'Rosan Deo' },
      });

    const failure = await failureOf(appTester(perform, bundleWith({ email: 'rosan@deos.com' })));

    expect(failure).toMatchObject({ code: 'duplicate_contact', status: 400 });
    expect(failure.message).toBe(
      'This sub-account does not allow duplicate contacts, and contact Rosan Deo (ID dup123) already has this email. ' +
        'Use the Create or Update Contact action to update that contact instead, or Find Contact to look it up.',
    );
  });

  it('says what HighLevel refused when it rejects the body', async () => {
    noCustomFields();
    highLevel()
      .post('/contacts/')
      .reply(422, {
        statusCode: 422,
        message: ['source must be shorter than or equal to 255 characters'],
        error: 'Unprocessable Entity',
      });
    const failure = await failureOf(
      appTester(perform, bundleWith({ firstName: 'Ann', source: 'Zapier' })),
    );
    expect(failure.message).toBe(
      'HighLevel rejected the request: source must be shorter than or equal to 255 characters.',
    );
  });

  // HighLevel answers 422 "website must be an URL address" to anything else, after the fact.
  it.each([
    ['https://www.tesla.com/models?x=1', 'https://www.tesla.com/models?x=1'],
    ['http://example.co.uk:8080', 'http://example.co.uk:8080'],
    [' example.com ', 'https://example.com'],
    ['www.example.com/about', 'https://www.example.com/about'],
  ])('sends the website %j as %j', async (website, sent) => {
    noCustomFields();
    const scope = highLevel()
      .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann', website: sent })
      .reply(201, created({ firstName: 'Ann', website: sent }));
    await appTester(perform, bundleWith({ firstName: 'Ann', website }));
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['not a site', /^Invalid Website: "not a site" is not a web address \(expected e\.g\./],
    ['localhost:3000', /^Invalid Website: "localhost:3000" is not a web address/],
    ['https://', /^Invalid Website: "https:\/\/" is not a web address/],
    ['mailto:ann@example.com', /only http:\/\/ and https:\/\/ addresses are accepted/],
    ['ftp://files.example.com', /only http:\/\/ and https:\/\/ addresses are accepted/],
  ])('refuses the website %j before any request', async (website, message) => {
    await expectInvalidInput(appTester(perform, bundleWith({ firstName: 'A', website })), message);
  });

  it('shows the standard fields, then the custom fields, and labels the outputs', () => {
    const { inputFields, outputFields } = createContact.operation;
    const keys = (inputFields ?? []).map((field) =>
      typeof field === 'function' ? 'custom' : field.key,
    );
    expect(keys).toEqual([
      'email',
      'phone',
      'defaultCountry',
      'firstName',
      'lastName',
      'name',
      'companyName',
      'address1',
      'city',
      'state',
      'postalCode',
      'country',
      'website',
      'timezone',
      'dateOfBirth',
      'gender',
      'source',
      'assignedTo',
      'dnd',
      'tags',
      'custom',
    ]);
    expect(outputFields?.some((field) => typeof field === 'function')).toBe(true);
  });

  // Update and Create or Update refuse an empty input; Create made a blank contact of it.
  it.each([{}, { firstName: ' ', email: '', tags: ['', ' '], dnd: '', defaultCountry: 'US' }])(
    'refuses a contact with every field empty (%j), naming what is needed',
    async (input) => {
      await expectInvalidInput(
        appTester(perform, bundleWith(input)),
        /^Invalid Create Contact: no field was filled, so the new contact would be blank\. Fill at least one field, such as First Name, Email or Phone\./,
      );
    },
  );

  it('refuses "maybe" for Do Not Disturb as Zapier passes it on, instead of sending true', async () => {
    const input = asZapierSendsIt(createContact.operation.inputFields, {
      firstName: 'Ann',
      dnd: 'maybe',
    });
    await expectInvalidInput(
      appTester(perform, bundleWith(input)),
      /^Invalid Do Not Disturb: "maybe" is not yes\/no/,
    );
  });

  it('refuses a phone extension rather than dropping it', async () => {
    await expectInvalidInput(
      appTester(perform, bundleWith({ firstName: 'Ann', phone: '+1 415 555 0134 ext. 99' })),
      /^Invalid Phone: .*has an extension \(99\)/,
    );
  });

  it('refuses an object in a text field rather than writing "[object Object]"', async () => {
    await expectInvalidInput(
      appTester(perform, bundleWith({ firstName: { first: 'Ann' } })),
      /^Invalid First Name: expected text, but got an object/,
    );
  });

  it('keeps a tag with a comma whole ("Smith, John")', async () => {
    noCustomFields();
    const scope = highLevel()
      .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann', tags: ['Smith, John'] })
      .reply(201, created({ firstName: 'Ann', tags: ['Smith, John'] }));
    await appTester(perform, bundleWith({ firstName: 'Ann', tags: ['Smith, John'] }));
    expect(scope.isDone()).toBe(true);
  });

  it.each(['31 Feb 2026', '02/31/1990', 'I was born 04/23/1990 I think'])(
    'refuses the date of birth "%s" as Zapier passes it on, naming the field',
    async (dateOfBirth) => {
      const input = asZapierSendsIt(createContact.operation.inputFields, {
        firstName: 'Ann',
        dateOfBirth,
      });
      await expectInvalidInput(
        appTester(perform, bundleWith(input)),
        /^Invalid Date of Birth: ".*" is not a date that exists \(expected e\.g\. 2026-12-25/,
      );
    },
  );

  it.each([
    ['1990-04-23', '1990-04-23'],
    ['1990-04-23T00:00:00-05:00', '1990-04-23'],
    ['04/23/1990', '1990-04-23'],
    ['23 Apr 1990', '1990-04-23'],
  ])('sends the date of birth "%s" as Zapier passes it on as %s', async (dateOfBirth, sent) => {
    noCustomFields();
    const scope = highLevel()
      .post('/contacts/', { locationId: LOCATION_ID, firstName: 'Ann', dateOfBirth: sent })
      .reply(201, created({ firstName: 'Ann', dateOfBirth: `${sent}T00:00:00.000Z` }));
    const input = asZapierSendsIt(createContact.operation.inputFields, {
      firstName: 'Ann',
      dateOfBirth,
    });
    await appTester(perform, bundleWith(input));
    expect(scope.isDone()).toBe(true);
  });
});
