import removeContactFollowers, { perform } from '../../creates/remove_contact_followers';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', removeContactFollowers);

describe('remove_contact_followers', () => {
  it('sends the user ids in the body of a DELETE and returns who was removed', async () => {
    const scope = highLevel()
      .delete('/contacts/c123/followers', { followers: ['u1'] })
      .reply(200, { followers: ['u0'], followersRemoved: ['u1'] });

    const result = await appTester(perform, bundleWith({ contactId: 'c123', followers: [' u1 '] }));

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      followersRemoved: ['u1'],
      followers: ['u0'],
    });
  });

  it.each([
    [{ contactId: 'c123', followers: '' }, /^Invalid Followers: at least one value/],
    [{ contactId: 'a b', followers: ['u1'] }, /^Invalid Contact ID: "a b" is not a HighLevel ID/],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });
});
