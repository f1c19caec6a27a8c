import removeContactTags, { perform } from '../../creates/remove_contact_tags';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', removeContactTags);

describe('remove_contact_tags', () => {
  it('sends the tags in the body of a DELETE and returns what the contact keeps', async () => {
    const scope = highLevel()
      .delete('/contacts/c123/tags', { tags: ['cold lead', 'Smith, John'] })
      .reply(200, { tags: ['vip'] });

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', tags: ['cold lead', ' Smith, John ', 'cold lead', ' '] }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      tagsRemoved: ['cold lead', 'Smith, John'],
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

  // HighLevel answers only with the tags the contact has afterwards, so the app cannot tell which
  // requested tags it already had (or never had): the labels say what the lists are.
  it('labels the tags requested and the tags on the contact for what they are', () => {
    const labels = Object.fromEntries(
      (removeContactTags.operation.outputFields as Array<{ key: string; label: string }>).map(
        (f) => [f.key, f.label],
      ),
    );
    expect(labels).toMatchObject({
      tagsRemoved: 'Tags Requested to Remove',
      tags: 'Tags Still on Contact',
    });
    expect(labels.id).not.toBe(labels.contactId);
  });

  it.each([
    [{ contactId: 'c123', tags: [] }, /^Invalid Tags: at least one value/],
    [{ contactId: 'c123', tags: ['', ' '] }, /^Invalid Tags: at least one value/],
    [{ contactId: '', tags: ['vip'] }, /^Invalid Contact ID/],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });
});
