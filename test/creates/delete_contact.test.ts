import deleteContact, { perform } from '../../creates/delete_contact';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', deleteContact);

describe('delete_contact', () => {
  it('deletes the contact and returns its id', async () => {
    const scope = highLevel().delete('/contacts/c123').reply(200, { succeded: true });
    const result = await appTester(perform, bundleWith({ contactId: ' c123 ' }));
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ id: 'c123', contactId: 'c123', deleted: true });
  });

  it('fails when HighLevel answers succeded: false', async () => {
    highLevel().delete('/contacts/c123').reply(200, { succeded: false });
    const failure = await failureOf(appTester(perform, bundleWith({ contactId: 'c123' })));
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringContaining('could not delete the contact'),
    });
  });

  it.each([[''], ['c1/../c2'], ['c1?x=1']])(
    'refuses contact id %j before any request',
    async (contactId) => {
      await expectInvalidInput(
        appTester(perform, bundleWith({ contactId })),
        /^Invalid Contact ID/,
      );
    },
  );

  it('says the contact is already gone when HighLevel does not know it', async () => {
    highLevel()
      .delete('/contacts/gone1')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    const failure = await failureOf(appTester(perform, bundleWith({ contactId: 'gone1' })));
    expect(failure.message).toMatch(/^HighLevel could not find the contact "gone1"/);
  });
});
