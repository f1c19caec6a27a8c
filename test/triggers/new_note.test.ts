import newNote, { perform } from '../../triggers/new_note';
import { bundleWith, failureOf, highLevel, USER_ID, testerFor } from '../support/app';

const appTester = testerFor('triggers', newNote);
const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';

const note = (id: string, dateAdded: string | undefined) => ({
  id,
  body: `Body of ${id}`,
  userId: USER_ID,
  ...(dateAdded ? { dateAdded } : {}),
});

describe('new_note', () => {
  it("lists the contact's notes newest first by the date they were added", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/notes`)
      .reply(200, {
        notes: [
          note('old', '2026-10-01T08:00:00.000Z'),
          note('undated', undefined),
          note('newest', '2026-10-07T11:20:03.121Z'),
          note('middle', '2026-10-03T09:00:00.000Z'),
        ],
      });

    const results = await appTester(perform, bundleWith({ contactId: CONTACT_ID }));

    expect(results.map((r) => r.id)).toEqual(['newest', 'middle', 'old', 'undated']);
    expect(results[0]).toEqual({
      id: 'newest',
      body: 'Body of newest',
      title: '',
      userId: USER_ID,
      dateAdded: '2026-10-07T11:20:03.121Z',
      pinned: false,
      contactId: CONTACT_ID,
    });
  });

  it('returns nothing for a contact without notes', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/notes`).reply(200, { notes: [] });
    expect(await appTester(perform, bundleWith({ contactId: CONTACT_ID }))).toEqual([]);
  });

  it('requires a contact, before any request', async () => {
    expect((await failureOf(appTester(perform, bundleWith({ contactId: ' ' })))).message).toMatch(
      /Invalid Contact ID/,
    );
  });
});
