import newNote, { perform as pollNewNotes } from '../../triggers/new_note';
import newNoteInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/new_note_instant';
import { bundleWith, highLevel, LOCATION_ID, testerFor, USER_ID } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  deliveryBundle,
  envelope,
  expectSubscription,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', newNoteInstant, newNote);
const apiNote = {
  id: 'note1',
  body: 'Prefers mornings',
  userId: USER_ID,
  dateAdded: '2026-12-04T16:01:00.000Z',
  contactId: CONTACT_ID,
  pinned: true,
};
const noteCreate = {
  type: 'NoteCreate',
  locationId: LOCATION_ID,
  id: 'note1',
  body: 'Prefers mornings',
  contactId: CONTACT_ID,
  dateAdded: '2026-12-04T16:01:00.000Z',
  ...envelope(),
};

describe('new_note_instant', () => {
  it('subscribes to NoteCreate', async () => {
    const scope = expectSubscription('NoteCreate', {});
    await appTester(performSubscribe, subscribeBundle());
    expect(scope.isDone()).toBe(true);
  });

  it('reads the note back once and returns what New Note returns for it', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/notes/note1`).reply(200, { note: apiNote });
    highLevel()
      .get(`/contacts/${CONTACT_ID}/notes`)
      .reply(200, { notes: [apiNote] });

    const [instant] = await appTester(perform, deliveryBundle(noteCreate));
    const [polled] = await appTester(pollNewNotes, bundleWith({ contactId: CONTACT_ID }));

    expect(instant).toMatchObject({ userId: USER_ID, pinned: true });
    expect(instant).toEqual(polled);
  });

  it('keeps the event’s fields for a note deleted since', async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/notes/note1`)
      .reply(404, { message: 'Note not found' });
    const [note] = await appTester(perform, deliveryBundle({ ...noteCreate, ...envelope() }));
    expect(note).toEqual({
      id: 'note1',
      body: 'Prefers mornings',
      title: '',
      userId: '',
      dateAdded: '2026-12-04T16:01:00.000Z',
      pinned: false,
      contactId: CONTACT_ID,
    });
  });

  it('lists recent notes of recently changed contacts, newest first', async () => {
    highLevel()
      .post('/contacts/search')
      .reply(200, { contacts: [apiContact, { ...apiContact, id: 'c2' }] });
    highLevel()
      .get(`/contacts/${CONTACT_ID}/notes`)
      .reply(200, { notes: [apiNote] });
    highLevel()
      .get('/contacts/c2/notes')
      .reply(200, {
        notes: [
          { ...apiNote, id: 'note2', contactId: 'c2', dateAdded: '2026-12-04T17:00:00.000Z' },
        ],
      });

    const results = await appTester(performList, bundleWith());

    expect(results.map((note) => [note.id, note.contactId])).toEqual([
      ['note2', 'c2'],
      ['note1', CONTACT_ID],
    ]);
  });
});
