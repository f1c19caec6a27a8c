import createNote, { perform } from '../../creates/create_note';
import { bundleWith, expectInvalidInput, highLevel, testerFor, USER_ID } from '../support/app';

const appTester = testerFor('creates', createNote);

describe('create_note', () => {
  it('posts every filled NotesDTO field and returns the flat note', async () => {
    const scope = highLevel()
      .post('/contacts/c123/notes', {
        body: 'Prefers morning appointments.',
        title: 'Scheduling',
        userId: USER_ID,
        color: '#FFAA00',
        pinned: true,
      })
      .matchHeader('content-type', /^application\/json/)
      .reply(201, {
        note: {
          id: 'n123',
          body: 'Prefers morning appointments.',
          title: 'Scheduling',
          userId: USER_ID,
          color: '#FFAA00',
          pinned: true,
          dateAdded: '2026-10-07T11:20:03.121Z',
          contactId: 'c123',
        },
      });

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        body: ' Prefers morning appointments. ',
        title: 'Scheduling',
        userId: USER_ID,
        color: '#FFAA00',
        pinned: 'yes',
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'n123',
      body: 'Prefers morning appointments.',
      title: 'Scheduling',
      userId: USER_ID,
      dateAdded: '2026-10-07T11:20:03.121Z',
      pinned: true,
      color: '#FFAA00',
      contactId: 'c123',
    });
  });

  it('sends only the note text when nothing else is filled', async () => {
    highLevel()
      .post('/contacts/c123/notes', { body: 'Called, no answer.' })
      .reply(201, { note: { id: 'n124', body: 'Called, no answer.' } });

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        body: 'Called, no answer.',
        title: '',
        userId: '',
        pinned: '',
      }),
    );

    expect(result).toMatchObject({ id: 'n124', contactId: 'c123', pinned: false, userId: '' });
    // HighLevel returned no colour, so the output has none (not an invented empty one).
    expect(result).not.toHaveProperty('color');
  });

  it.each([
    [{ contactId: 'c123', body: '  ' }, /Invalid Note Text: a value is required/],
    [{ body: 'Hello' }, /Invalid Contact ID/],
    [{ contactId: 'c123', body: 'Hello', pinned: 'sometimes' }, /Invalid Pinned/],
    [{ contactId: 'c123', body: 'Hello', userId: 'u/1' }, /Invalid Author: "u\/1"/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
