import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';

const acme = SEED.locations.acme;
const bright = SEED.locations.bright;
const cf = SEED.customFields;

let sandbox: Sandbox;
let call: Call;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
  call = client(sandbox, sandbox.issueTokens().access_token);
});
afterAll(() => sandbox.close());

describe('create, read, update, delete', () => {
  it('creates with 201, normalising phone, tags and custom fields', async () => {
    const reply = await call('POST', '/contacts/', {
      locationId: acme,
      firstName: 'Nia',
      lastName: 'Okoro',
      email: 'Nia.Okoro@Example.com',
      phone: '(312) 555-0199',
      tags: ['Brand New Tag', 'vip'],
      dateOfBirth: '04/15/1992',
      customFields: [
        { id: cf.visitsPerYear.id, field_value: '4' },
        { key: 'contact.contact_preferences', fieldValue: 'SMS' },
        { key: 'preferred_dentist', field_value: 'Dr. Alvarez' },
      ],
    });
    expect(reply.status).toBe(201);
    const contact = reply.body.contact;
    expect(contact).toMatchObject({
      locationId: acme,
      email: 'Nia.Okoro@Example.com',
      emailLowerCase: 'nia.okoro@example.com',
      phone: '+13125550199',
      tags: ['brand new tag', 'vip'],
      dateOfBirth: '1992-04-15T00:00:00.000Z',
    });
    expect(contact.id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(contact.customFields).toEqual(
      expect.arrayContaining([
        { id: cf.visitsPerYear.id, value: 4 },
        { id: cf.contactPreferences.id, value: ['SMS'] },
        { id: cf.preferredDentist.id, value: 'Dr. Alvarez' },
      ]),
    );
    const tags = await call('GET', `/locations/${acme}/tags`);
    expect(tags.body.tags.map((t: { name: string }) => t.name)).toContain('brand new tag');
    const read = await call('GET', `/contacts/${contact.id}`);
    expect(read.body.contact.dateAdded).toBe(contact.dateAdded);
  });

  it('answers 400 with meta when the email or phone already exists and duplicates are off', async () => {
    const byEmail = await call('POST', '/contacts/', {
      locationId: acme,
      firstName: 'Copy',
      email: 'JANE.COOPER@example.com',
    });
    expect(byEmail.status).toBe(400);
    expect(byEmail.body).toEqual({
      statusCode: 400,
      message: 'This location does not allow duplicated contacts.',
      meta: {
        contactId: SEED.contacts.janeCooper,
        matchingField: 'email',
        contactName: 'Jane Cooper',
      },
    });
    const byPhone = await call('POST', '/contacts/', {
      locationId: acme,
      phone: '+1 312 555 0102',
    });
    expect(byPhone.status).toBe(400);
    expect(byPhone.body.meta).toMatchObject({
      contactId: SEED.contacts.robertFox,
      matchingField: 'phone',
    });
  });

  it('allows duplicates where the location setting allows them', async () => {
    const bcall = client(sandbox, sandbox.issueTokens(bright).access_token);
    const reply = await bcall('POST', '/contacts/', {
      locationId: bright,
      email: 'mia.thompson@example.com',
    });
    expect(reply.status).toBe(201);
  });

  it('returns each custom field value in its type, as HighLevel does (see model/customFields.ts)', async () => {
    const reply = await call('POST', '/contacts/', {
      locationId: acme,
      email: 'typed.values@example.com',
      customFields: [
        { id: cf.preferredDentist.id, field_value: 'Dr. Lee' },
        { id: cf.medicalNotes.id, field_value: 'None' },
        { id: cf.visitsPerYear.id, field_value: '3' },
        { id: cf.outstandingBalance.id, field_value: 120.5 },
        { id: cf.emergencyPhone.id, field_value: '+14155550199' },
        { id: cf.lastCleaning.id, field_value: '2025-07-01' },
        { id: cf.contactPreferences.id, field_value: ['Email', 'SMS'] },
        { id: cf.insuranceProvider.id, field_value: 'Cigna' },
        { id: cf.servicesInterested.id, field_value: ['Whitening'] },
        { id: cf.referralSource.id, field_value: 'Friend' },
      ],
    });
    expect(reply.status).toBe(201);
    const read = await call('GET', `/contacts/${reply.body.contact.id}`);
    const values = Object.fromEntries(
      read.body.contact.customFields.map((entry: { id: string; value: unknown }) => [
        entry.id,
        entry.value,
      ]),
    );
    expect(values).toEqual({
      [cf.preferredDentist.id]: 'Dr. Lee',
      [cf.medicalNotes.id]: 'None',
      [cf.visitsPerYear.id]: 3,
      [cf.outstandingBalance.id]: 120.5,
      [cf.emergencyPhone.id]: '+14155550199',
      [cf.lastCleaning.id]: 1751328000000,
      [cf.contactPreferences.id]: ['Email', 'SMS'],
      [cf.insuranceProvider.id]: 'Cigna',
      [cf.servicesInterested.id]: ['Whitening'],
      [cf.referralSource.id]: 'Friend',
    });
    const dateTime = await call('PUT', `/contacts/${reply.body.contact.id}`, {
      customFields: [{ id: cf.lastCleaning.id, field_value: '2025-07-01T18:30:00Z' }],
    });
    expect(dateTime.body.contact.customFields).toContainEqual({
      id: cf.lastCleaning.id,
      value: 1751328000000,
    });
    const notADate = await call('PUT', `/contacts/${reply.body.contact.id}`, {
      customFields: [{ id: cf.lastCleaning.id, field_value: 'soon' }],
    });
    expect(notADate.status).toBe(422);
  });

  it('rejects an unknown custom field with 422 and leaves the contact unchanged', async () => {
    const reply = await call('PUT', `/contacts/${SEED.contacts.robertFox}`, {
      firstName: 'Bob',
      customFields: [{ id: 'AAAAAAAAAAAAAAAAAAAA', field_value: 'x' }],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.message[0]).toMatch(/custom field AAAAAAAAAAAAAAAAAAAA does not exist/);
    expect((await call('GET', `/contacts/${SEED.contacts.robertFox}`)).body.contact.firstName).toBe(
      'Robert',
    );
    const notNumber = await call('PUT', `/contacts/${SEED.contacts.robertFox}`, {
      customFields: [{ id: cf.outstandingBalance.id, field_value: 'lots' }],
    });
    expect(notNumber.status).toBe(422);
  });

  it('updates with {succeded, contact}, replaces tags, moves dateUpdated forward', async () => {
    const [contact] = sandbox.store.bulkCreateContacts(acme, 1, {
      at: new Date(Date.now() - 3_600_000),
      tags: ['a1', 'a2'],
    });
    const reply = await call('PUT', `/contacts/${contact!.id}`, {
      lastName: 'Changed',
      tags: ['only'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.succeded).toBe(true);
    expect(reply.body.contact).toMatchObject({ lastName: 'Changed', tags: ['only'] });
    expect(Date.parse(reply.body.contact.dateUpdated)).toBeGreaterThan(
      Date.parse(reply.body.contact.dateAdded),
    );
    const taken = await call('PUT', `/contacts/${contact!.id}`, {
      email: 'esther.howard@example.com',
    });
    expect(taken.status).toBe(400);
    expect(taken.body.meta.contactId).toBe(SEED.contacts.estherHoward);
  });

  it('deletes with {succeded: true}; the contact is then not found (400, as HighLevel answers)', async () => {
    const [contact] = sandbox.store.bulkCreateContacts(acme, 1);
    expect((await call('DELETE', `/contacts/${contact!.id}`)).body).toEqual({ succeded: true });
    const gone = await call('GET', `/contacts/${contact!.id}`);
    expect(gone.status).toBe(400);
    expect(gone.body).toEqual({
      statusCode: 400,
      message: `Contact with id ${contact!.id} not found`,
    });
  });
});

describe('upsert', () => {
  it('creates when nothing matches and updates when the email matches', async () => {
    const created = await call('POST', '/contacts/upsert', {
      locationId: acme,
      email: 'upsert.me@example.com',
      firstName: 'Up',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ new: true, contact: { firstName: 'Up' } });
    expect(typeof created.body.traceId).toBe('string');
    const updated = await call('POST', '/contacts/upsert', {
      locationId: acme,
      email: 'UPSERT.ME@example.com',
      lastName: 'Sert',
    });
    expect(updated.body).toMatchObject({
      new: false,
      contact: { id: created.body.contact.id, firstName: 'Up', lastName: 'Sert' },
    });
  });

  // Acme Dental matches phone first (sandbox/seed.ts); Bright Smiles keeps the default order.
  it('follows the location’s order: phone first at Acme, ignoring an email of another contact', async () => {
    const reply = await call('POST', '/contacts/upsert', {
      locationId: acme,
      email: 'jane.cooper@example.com',
      phone: '+13125550102', // Robert Fox's phone
      city: 'Evanston',
    });
    expect(reply.body.new).toBe(false);
    expect(reply.body.contact).toMatchObject({
      id: SEED.contacts.robertFox,
      city: 'Evanston',
      email: 'robert.fox@example.com',
    });
    const jane = await call('GET', `/contacts/${SEED.contacts.janeCooper}`);
    expect(jane.body.contact.city).not.toBe('Evanston');
  });

  it('follows the location’s order: email first at Bright Smiles', async () => {
    const bcall = client(sandbox, sandbox.issueTokens(bright).access_token);
    const reply = await bcall('POST', '/contacts/upsert', {
      locationId: bright,
      email: 'lucas.bennett@example.com',
      phone: '+16175550150', // Mia's (and Noah's) phone
      city: 'Cambridge',
    });
    expect(reply.body.new).toBe(false);
    expect(reply.body.contact).toMatchObject({ firstName: 'Lucas', phone: '+16175550151' });
  });

  it('reports the first matching field of the location’s order for a duplicate create', async () => {
    const both = await call('POST', '/contacts/', {
      locationId: acme,
      email: 'jane.cooper@example.com',
      phone: '+13125550102', // Robert Fox's phone
    });
    expect(both.status).toBe(400);
    expect(both.body.meta).toMatchObject({
      contactId: SEED.contacts.robertFox,
      matchingField: 'phone',
    });
  });

  it('finds the phone’s contact first in the duplicate lookup at Acme', async () => {
    const reply = await call(
      'GET',
      `/contacts/search/duplicate?locationId=${acme}&email=${encodeURIComponent('jane.cooper@example.com')}&number=${encodeURIComponent('+13125550103')}`,
    );
    expect(reply.body.contact.id).toBe(SEED.contacts.estherHoward);
  });

  it('matches on phone when no email is given', async () => {
    const reply = await call('POST', '/contacts/upsert', {
      locationId: acme,
      phone: '312-555-0103',
      source: 'phone call',
    });
    expect(reply.body).toMatchObject({
      new: false,
      contact: { id: SEED.contacts.estherHoward, source: 'phone call' },
    });
  });

  it('creates a duplicate only with createNewIfDuplicateAllowed on a location that allows duplicates', async () => {
    const ignored = await call('POST', '/contacts/upsert', {
      locationId: acme,
      email: 'robert.fox@example.com',
      createNewIfDuplicateAllowed: true,
    });
    expect(ignored.body).toMatchObject({ new: false, contact: { id: SEED.contacts.robertFox } });
    const bcall = client(sandbox, sandbox.issueTokens(bright).access_token);
    const duplicate = await bcall('POST', '/contacts/upsert', {
      locationId: bright,
      email: 'lucas.bennett@example.com',
      createNewIfDuplicateAllowed: true,
    });
    expect(duplicate.body.new).toBe(true);
  });
});

describe('lookups over contacts', () => {
  it('finds duplicates by email or number, or answers {contact: null}', async () => {
    const byEmail = await call(
      'GET',
      `/contacts/search/duplicate?locationId=${acme}&email=${encodeURIComponent('Robert.Fox@example.com')}`,
    );
    expect(byEmail.body.contact.id).toBe(SEED.contacts.robertFox);
    const byNumber = await call(
      'GET',
      `/contacts/search/duplicate?locationId=${acme}&number=${encodeURIComponent('+13125550103')}`,
    );
    expect(byNumber.body.contact.id).toBe(SEED.contacts.estherHoward);
    const none = await call(
      'GET',
      `/contacts/search/duplicate?locationId=${acme}&email=nobody%40example.com`,
    );
    expect(none.status).toBe(200);
    expect(none.body.contact).toBeNull();
    const neither = await call('GET', `/contacts/search/duplicate?locationId=${acme}`);
    expect(neither.status).toBe(400);
    expect(neither.body.message).toBe('Pass at least one of number, email query parameter');
  });

  it('lists contacts of a business with skip/limit and count', async () => {
    const page = await call(
      'GET',
      `/contacts/business/${SEED.businesses.harbor}?locationId=${acme}&limit=1&skip=0`,
    );
    expect(page.body.count).toBe(2);
    expect(page.body.contacts).toHaveLength(1);
    const next = await call(
      'GET',
      `/contacts/business/${SEED.businesses.harbor}?locationId=${acme}&limit=1&skip=1`,
    );
    expect(next.body.contacts[0].id).not.toBe(page.body.contacts[0].id);
  });

  it('pages the deprecated GET /contacts/ with startAfter/startAfterId', async () => {
    const bcall = client(sandbox, sandbox.issueTokens(bright).access_token);
    const seen: string[] = [];
    let path = `/contacts/?locationId=${bright}&limit=2`;
    for (let i = 0; i < 10; i++) {
      const reply = await bcall('GET', path);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.contacts.map((c: { id: string }) => c.id));
      if (!reply.body.meta.nextPage) break;
      path = `/contacts/?locationId=${bright}&limit=2&startAfter=${reply.body.meta.startAfter}&startAfterId=${reply.body.meta.startAfterId}`;
    }
    expect(seen.length).toBe(sandbox.store.countContacts(bright));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await bcall('GET', `/contacts/?locationId=${bright}&limit=101`)).status).toBe(200);
  });
});
