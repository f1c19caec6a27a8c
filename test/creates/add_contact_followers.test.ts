import addContactFollowers, { perform } from '../../creates/add_contact_followers';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', addContactFollowers);

describe('add_contact_followers', () => {
  it('posts the user ids and returns who was added and who follows now', async () => {
    const scope = highLevel()
      .post('/contacts/c123/followers', { followers: ['u1', 'u2'] })
      .reply(201, { followers: ['u0', 'u1', 'u2'], followersAdded: ['u1', 'u2'] });

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', followers: ['u1', 'u2', 'u1'] }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      followersAdded: ['u1', 'u2'],
      followers: ['u0', 'u1', 'u2'],
    });
  });

  it('copes with an answer that leaves out one list', async () => {
    highLevel()
      .post('/contacts/c123/followers')
      .reply(201, { followers: ['u1'] });
    const result = await appTester(perform, bundleWith({ contactId: 'c123', followers: 'u1' }));
    expect(result).toMatchObject({ followersAdded: [], followers: ['u1'] });
  });

  it.each([
    [{ contactId: 'c123', followers: [] }, /^Invalid Followers: at least one value/],
    [{ contactId: '', followers: ['u1'] }, /^Invalid Contact ID/],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });
});
