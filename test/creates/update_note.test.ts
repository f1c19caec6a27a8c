import updateNote, { perform } from '../../creates/update_note';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  testerFor,
  USER_ID,
} from '../support/app';

const appTester = testerFor('creates', updateNote);

const storedNote = {
  id: 'n123',
  body: 'Prefers afternoon appointments.',
  title: 'Scheduling',
  userId: USER_ID,
  dateAdded: '2026-10-07T11:20:03.121Z',
  pinned: false,
  contactId: 'c123',
};

describe('update_note', () => {
  it('sends only the filled fields to the note’s path and returns the note', async () => {
    const scope = highLevel()
      .put('/contacts/c123/notes/n123', { body: 'Prefers afternoon appointments.', pinned: false })
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { note: storedNote });

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        noteId: 'n123',
        body: 'Prefers afternoon appointments.',
        title: '',
        userId: '',
        color: ' ',
        pinned: false,
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual(storedNote);
  });

  it.each([
    [{ contactId: 'c123', noteId: 'n123', body: '' }, /Invalid Update Note: no field was filled/],
    [{ contactId: 'c123', body: 'x' }, /Invalid Note ID: a HighLevel ID is required/],
    [{ noteId: 'n123', body: 'x' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it('names the note and its contact when HighLevel does not know the note', async () => {
    highLevel()
      .put('/contacts/c123/notes/gone7', { title: 'x' })
      .reply(404, { statusCode: 404, message: 'Note not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', noteId: 'gone7', title: 'x' })),
    );
    expect(failure).toMatchObject({
      code: 'not_found',
      message:
        'HighLevel could not find the note "gone7" on contact "c123". It may have been deleted, or it belongs to another sub-account.',
    });
  });
});
