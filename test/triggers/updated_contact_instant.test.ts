import updatedContact, { perform as pollUpdatedContacts } from '../../triggers/updated_contact';
import updatedContactInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/updated_contact_instant';
import { bundleWith, customFieldsReply, highLevel, testerFor, USER_ID } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  contactEvent,
  deliveryBundle,
  expectSubscription,
  petNameField,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', updatedContactInstant, updatedContact);
const searchRows = () =>
  highLevel()
    .post('/contacts/search', (body) => body.sort[0].field === 'dateUpdated')
    .reply(200, { contacts: [{ ...apiContact, searchAfter: [1, CONTACT_ID] }], total: 1 });

describe('updated_contact_instant', () => {
  it('subscribes to ContactUpdate with the assigned-user filter', async () => {
    const scope = expectSubscription('ContactUpdate', { assignedTo: USER_ID });
    await appTester(performSubscribe, subscribeBundle({ assignedTo: USER_ID }));
    expect(scope.isDone()).toBe(true);
  });

  it('names each change like Updated Contact (contact + update time) and equals its output for the same contact', async () => {
    customFieldsReply([petNameField]);
    highLevel().get(`/contacts/${CONTACT_ID}`).reply(200, { contact: apiContact });
    searchRows();

    const [instant] = await appTester(perform, deliveryBundle(contactEvent('ContactUpdate')));
    const [polled] = await appTester(
      pollUpdatedContacts,
      bundleWith({}, { isLoadingSample: true }),
      {
        keepCache: true,
      },
    );

    expect(instant).toMatchObject({
      id: `${CONTACT_ID}:2026-12-04T16:01:01.000Z`,
      contactId: CONTACT_ID,
      dateUpdated: '2026-12-04T16:01:01.000Z',
      customFieldValues: { pet_name: 'Rex' },
    });
    expect(instant).toEqual(polled);
  });

  it("lists Updated Contact's recent changes for the editor", async () => {
    customFieldsReply([]);
    searchRows();
    const results = await appTester(performList, bundleWith());
    expect(results.map((result) => result.contactId)).toEqual([CONTACT_ID]);
  });
});
