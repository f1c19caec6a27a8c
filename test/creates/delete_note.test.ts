import deleteNote, { perform } from '../../creates/delete_note';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', deleteNote);

describe('delete_note', () => {
  it('deletes the note and returns the ids involved', async () => {
    const scope = highLevel().delete('/contacts/c123/notes/n123').reply(200, { succeded: true });

    const result = await appTester(perform, bundleWith({ contactId: 'c123', noteId: 'n123' }));

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ id: 'n123', contactId: 'c123', noteId: 'n123', deleted: true });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel().delete('/contacts/c123/notes/n123').reply(200, { succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', noteId: 'n123' })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not delete the note/),
    });
  });

  it('names the note when HighLevel does not know it', async () => {
    highLevel()
      .delete('/contacts/c123/notes/gone7')
      .reply(404, { statusCode: 404, message: 'Note not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', noteId: 'gone7' })),
    );
    expect(failure.message).toMatch(/^HighLevel could not find the note "gone7" on contact "c123"/);
  });

  it.each([
    [{ contactId: 'c123', noteId: ' ' }, /Invalid Note ID: a HighLevel ID is required/],
    [{ noteId: 'n123' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
