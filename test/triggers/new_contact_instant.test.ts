import nock from 'nock';
import newContact, { perform as pollNewContacts } from '../../triggers/new_contact';
import newContactInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/new_contact_instant';
import {
  bundleWith,
  customFieldsReply,
  highLevel,
  LOCATION_ID,
  testerFor,
  USER_ID,
} from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  contactEvent,
  deliveryBundle,
  expectSubscription,
  petNameField,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', newContactInstant, newContact);
const getContact = () =>
  highLevel().get(`/contacts/${CONTACT_ID}`).reply(200, { contact: apiContact });

describe('new_contact_instant', () => {
  it('subscribes to ContactCreate with the tag and assigned-user filters', async () => {
    const scope = expectSubscription('ContactCreate', { tag: 'vip', assignedTo: USER_ID });
    await appTester(performSubscribe, subscribeBundle({ tag: 'vip', assignedTo: USER_ID }));
    expect(scope.isDone()).toBe(true);
  });

  it('returns the delivered contact as New Contact returns it, read back once to fill what the event leaves out', async () => {
    customFieldsReply([petNameField]);
    getContact();

    const [contact] = await appTester(perform, deliveryBundle(contactEvent('ContactCreate')));

    expect(contact).toEqual({
      id: CONTACT_ID,
      fullName: 'Rosan Deo',
      firstName: 'Rosan',
      lastName: 'Deo',
      email: 'rosan@deos.com',
      phone: '+18888888888',
      companyName: 'DGS VolMAX',
      address1: '3535 1st St N',
      city: 'Dolomite',
      state: 'AL',
      postalCode: '35061',
      country: 'US',
      website: 'https://www.tesla.com',
      timezone: 'America/Chihuahua',
      source: 'public api',
      type: 'lead',
      dnd: false,
      assignedTo: USER_ID,
      businessId: '641c094001436dbc2081e642',
      dateOfBirth: '1990-09-25',
      dateAdded: '2026-12-04T16:00:58.000Z',
      dateUpdated: '2026-12-04T16:01:01.000Z',
      tags: ['vip', 'lead'],
      tagsText: 'vip, lead',
      followers: ['sx6wyHhbFdRXh302Lunr'],
      locationId: LOCATION_ID,
      customFields: [{ id: 'cfPet', value: 'Rex' }],
      customFieldValues: { pet_name: 'Rex' },
    });
    expect(Object.keys(contact!).sort()).toEqual(
      Object.keys(newContact.operation.sample as object).sort(),
    );
  });

  it('gives the same output as New Contact for the same contact', async () => {
    customFieldsReply([petNameField]);
    getContact();
    highLevel()
      .post('/contacts/search')
      .reply(200, { contacts: [{ ...apiContact, searchAfter: [1, CONTACT_ID] }], total: 1 });

    const [instant] = await appTester(perform, deliveryBundle(contactEvent('ContactCreate')));
    const [polled] = await appTester(pollNewContacts, bundleWith({}, { isLoadingSample: true }), {
      keepCache: true,
    });

    expect(instant).toEqual(polled);
  });

  it("labels custom fields from the connection's cache: one definitions request for many events", async () => {
    customFieldsReply([petNameField]); // once
    getContact();
    getContact();

    await appTester(perform, deliveryBundle(contactEvent('ContactCreate')));
    const [second] = await appTester(perform, deliveryBundle(contactEvent('ContactCreate')), {
      keepCache: true,
    });

    expect(second!.customFieldValues).toEqual({ pet_name: 'Rex' });
  });

  it('fires once for an event the relay delivers twice (same webhookId)', async () => {
    customFieldsReply([]);
    getContact();
    const event = contactEvent('ContactCreate');

    expect(await appTester(perform, deliveryBundle(event))).toHaveLength(1);
    expect(await appTester(perform, deliveryBundle(event), { keepCache: true })).toEqual([]);
  });

  it('keeps the event’s fields when the contact was deleted before it could be read back', async () => {
    customFieldsReply([]);
    highLevel().get(`/contacts/${CONTACT_ID}`).reply(404, { message: 'Contact not found' });

    const [contact] = await appTester(perform, deliveryBundle(contactEvent('ContactCreate')));

    expect(contact).toMatchObject({
      id: CONTACT_ID,
      email: 'rosan@deos.com',
      type: '', // the event's `type` is its name, never the contact's type
      timezone: '',
      dateUpdated: '2026-12-04T16:01:02.000Z', // the event's time
    });
  });

  it('ignores a delivery of another event, of another sub-account, or that is no event at all', async () => {
    const results = await Promise.all([
      appTester(perform, deliveryBundle(contactEvent('ContactUpdate'))),
      appTester(perform, deliveryBundle(contactEvent('ContactCreate', { locationId: 'other' }))),
      appTester(perform, deliveryBundle({ hello: 'world' })),
    ]);
    expect(results).toEqual([[], [], []]);
    expect(nock.isDone()).toBe(true);
  });

  it("lists New Contact's recent contacts for the editor, with the Zap's filters", async () => {
    customFieldsReply([]);
    const search = highLevel()
      .post(
        '/contacts/search',
        (body) =>
          JSON.stringify(body.filters) ===
          JSON.stringify([{ field: 'tags', operator: 'eq', value: 'vip' }]),
      )
      .reply(200, { contacts: [{ ...apiContact, searchAfter: [1, CONTACT_ID] }], total: 1 });

    const results = await appTester(performList, bundleWith({ tag: 'vip' }));

    expect(search.isDone()).toBe(true);
    expect(results.map((contact) => contact.id)).toEqual([CONTACT_ID]);
  });
});
