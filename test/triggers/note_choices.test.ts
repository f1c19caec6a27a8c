import noteChoices, { LABEL_LENGTH, perform } from '../../triggers/note_choices';
import { bundleWith, highLevel, testerFor } from '../support/app';

const appTester = testerFor('triggers', noteChoices);
const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';
const LONG =
  'Prefers morning appointments. Asked about whitening options and the price of a night guard.';

describe('note_choices', () => {
  it('is hidden', () => {
    expect(noteChoices.display.hidden).toBe(true);
  });

  it("lists the chosen contact's notes newest first, labelled by the start of their text", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/notes`)
      .reply(200, {
        notes: [
          { id: 'n1', body: 'Short\nnote', dateAdded: '2026-10-01T08:00:00.000Z' },
          { id: 'n2', body: LONG, dateAdded: '2026-10-07T11:20:03.121Z' },
          { id: 'n3', body: '', title: 'Titled', dateAdded: '2026-09-01T08:00:00.000Z' },
          { id: 'n4', body: '   ', dateAdded: '2026-08-01T08:00:00.000Z' },
        ],
      });

    const results = await appTester(perform, bundleWith({ contactId: CONTACT_ID }));

    expect(results.map((n) => [n.id, n.label])).toEqual([
      ['n2', `${LONG.slice(0, LABEL_LENGTH)}…`],
      ['n1', 'Short note'],
      ['n3', 'Titled'],
      ['n4', 'n4'],
    ]);
    expect(results[0]).toMatchObject({ body: LONG, contactId: CONTACT_ID });
  });

  it('returns an empty list for a contact without notes', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/notes`).reply(200, { notes: [] });
    expect(await appTester(perform, bundleWith({ contactId: CONTACT_ID }))).toEqual([]);
  });

  it('lists nothing, without a request, until a contact is chosen', async () => {
    expect(await appTester(perform, bundleWith({}))).toEqual([]);
  });
});
