import contactTagAdded from '../../triggers/contact_tag_added';
import contactTagAddedInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/contact_tag_added_instant';
import { bundleWith, customFieldsReply, highLevel, testerFor } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  contactEvent,
  deliveryBundle,
  expectSubscription,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', contactTagAddedInstant, contactTagAdded);
const tagAdded = (tagsAdded: string[]) =>
  contactEvent('ContactTagAdded', { tags: ['vip', 'lead'], tagsAdded });
const getContact = () =>
  highLevel().get(`/contacts/${CONTACT_ID}`).reply(200, { contact: apiContact });

describe('contact_tag_added_instant', () => {
  it('subscribes to the relay’s ContactTagAdded with the tag filter', async () => {
    const scope = expectSubscription('ContactTagAdded', { tag: 'vip' });
    await appTester(performSubscribe, subscribeBundle({ tag: 'vip' }));
    expect(scope.isDone()).toBe(true);
  });

  it('returns one item per tag added, keyed like Tag Added to Contact (contact + tag)', async () => {
    customFieldsReply([]);
    getContact();

    const items = await appTester(perform, deliveryBundle(tagAdded(['vip', 'lead'])));

    expect(items.map(({ id, contactId, tag }) => ({ id, contactId, tag }))).toEqual([
      { id: `${CONTACT_ID}:vip`, contactId: CONTACT_ID, tag: 'vip' },
      { id: `${CONTACT_ID}:lead`, contactId: CONTACT_ID, tag: 'lead' },
    ]);
    expect(Object.keys(items[0]!).sort()).toEqual(
      Object.keys(contactTagAdded.operation.sample as object).sort(),
    );
  });

  it('returns only the chosen tag, and nothing (no request) when another tag was added', async () => {
    customFieldsReply([]);
    getContact();
    const chosen = await appTester(
      perform,
      deliveryBundle(tagAdded(['vip', 'lead']), { tag: 'VIP' }),
    );
    // Named as the Zap names it, like Tag Added to Contact; HighLevel keeps tags in lower case.
    expect(chosen.map(({ id, tag }) => ({ id, tag }))).toEqual([
      { id: `${CONTACT_ID}:VIP`, tag: 'VIP' },
    ]);

    expect(await appTester(perform, deliveryBundle(tagAdded(['lead']), { tag: 'vip' }))).toEqual(
      [],
    );
  });

  it("lists Tag Added to Contact's read for a chosen tag, else recently changed tagged contacts", async () => {
    customFieldsReply([]);
    highLevel()
      .post('/contacts/search', (body) => JSON.stringify(body.filters ?? []).includes('"vip"'))
      .reply(200, { contacts: [{ ...apiContact, searchAfter: [1, CONTACT_ID] }], total: 1 });
    const withTag = await appTester(performList, bundleWith({ tag: 'vip' }));
    expect(withTag.map((item) => item.id)).toEqual([`${CONTACT_ID}:vip`]);

    customFieldsReply([]);
    highLevel()
      .post('/contacts/search', (body) => body.filters === undefined)
      .reply(200, {
        contacts: [
          { ...apiContact, searchAfter: [2, CONTACT_ID] },
          { ...apiContact, id: 'untagged1', tags: [], searchAfter: [1, 'untagged1'] },
        ],
        total: 2,
      });
    const anyTag = await appTester(performList, bundleWith());
    expect(anyTag.map((item) => item.id)).toEqual([`${CONTACT_ID}:lead`]);
  });
});
