import nock from 'nock';
import contactDeletedInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/contact_deleted_instant';
import { bundleWith, customFieldsReply, highLevel, testerFor } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  contactEvent,
  deliveryBundle,
  expectSubscription,
  petNameField,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', contactDeletedInstant);

describe('contact_deleted_instant', () => {
  it('subscribes to ContactDelete without filters', async () => {
    const scope = expectSubscription('ContactDelete', {});
    await appTester(performSubscribe, subscribeBundle({ tag: 'not offered here' }));
    expect(scope.isDone()).toBe(true);
  });

  it('returns the deleted contact as the event carries it, without reading it back, the fields the event lacks empty', async () => {
    customFieldsReply([petNameField]);

    const [contact] = await appTester(perform, deliveryBundle(contactEvent('ContactDelete')));

    expect(contact).toMatchObject({
      id: CONTACT_ID,
      fullName: 'Rosan Deo',
      email: 'rosan@deos.com',
      tags: ['vip', 'lead'],
      customFieldValues: { pet_name: 'Rex' },
      timezone: '',
      type: '',
      businessId: '',
      followers: [],
      dateUpdated: '2026-12-04T16:01:02.000Z', // when it was deleted
    });
    expect(Object.keys(contact!).sort()).toEqual(
      Object.keys(contactDeletedInstant.operation.sample as object).sort(),
    );
    expect(nock.isDone()).toBe(true);
  });

  it('lists recently changed contacts in the same shape for the editor', async () => {
    customFieldsReply([]);
    highLevel()
      .post('/contacts/search')
      .reply(200, { contacts: [{ ...apiContact, searchAfter: [1, CONTACT_ID] }], total: 1 });

    const [contact] = await appTester(performList, bundleWith());

    expect(contact).toMatchObject({ id: CONTACT_ID, timezone: '', businessId: '', followers: [] });
  });
});
