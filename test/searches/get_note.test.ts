import getNote, { perform } from '../../searches/get_note';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('searches', getNote);

describe('get_note', () => {
  it('gets the note of the contact (HighLevel calls the note id `id`) and returns it flat', async () => {
    const scope = highLevel()
      .get('/contacts/c123/notes/n456')
      .reply(200, {
        note: {
          id: 'n456',
          body: 'Prefers morning appointments.',
          userId: 'y0BeYjuRIlDwsDcOHOJo',
          dateAdded: '2026-10-07T11:20:03.121Z',
          contactId: 'c123',
          pinned: true,
        },
      });

    const results = await appTester(perform, bundleWith({ contactId: 'c123', noteId: 'n456' }));

    expect(scope.isDone()).toBe(true);
    expect(results).toEqual([
      {
        id: 'n456',
        body: 'Prefers morning appointments.',
        title: '',
        userId: 'y0BeYjuRIlDwsDcOHOJo',
        dateAdded: '2026-10-07T11:20:03.121Z',
        pinned: true,
        contactId: 'c123',
      },
    ]);
  });

  it('returns no result for an unknown note', async () => {
    highLevel()
      .get('/contacts/c123/notes/gone')
      .reply(404, { statusCode: 404, message: 'Note not found' });
    expect(await appTester(perform, bundleWith({ contactId: 'c123', noteId: 'gone' }))).toEqual([]);
  });

  it.each([
    [{ contactId: 'c123' }, /Invalid Note ID: a HighLevel ID is required/],
    [{ contactId: 'c123', noteId: 'n1?x=1' }, /Invalid Note ID/],
    [{ contactId: 'a b', noteId: 'n456' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
