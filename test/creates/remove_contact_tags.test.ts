import removeContactTags, { perform } from '../../creates/remove_contact_tags';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', removeContactTags);

describe('remove_contact_tags', () => {
  it('sends the tags in the body of a DELETE and returns what the contact keeps', async () => {
    const scope = highLevel()
      .delete('/contacts/c123/tags', { tags: ['cold lead', 'old'] })
      .reply(200, { tags: ['vip'] });

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', tags: ['cold lead, old', 'old', ' '] }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      tagsRemoved: ['cold lead', 'old'],
      tags: ['vip'],
      tagsText: 'vip',
    });
  });

  it('returns an empty list when the contact has no tags left', async () => {
    highLevel()
      .delete('/contacts/c123/tags', { tags: ['vip'] })
      .reply(200, { tags: [] });
    const result = await appTester(perform, bundleWith({ contactId: 'c123', tags: ['vip'] }));
    expect(result).toMatchObject({ tags: [], tagsText: '' });
  });

  it.each([
    [{ contactId: 'c123', tags: [] }, /^Invalid Tags: at least one value/],
    [{ contactId: 'c123', tags: [' , '] }, /^Invalid Tags: at least one value/],
    [{ contactId: '', tags: ['vip'] }, /^Invalid Contact ID/],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });
});
