import addContactTags, { perform } from '../../creates/add_contact_tags';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', addContactTags);

describe('add_contact_tags', () => {
  it('posts the tags as a list and returns what the contact has now', async () => {
    const scope = highLevel()
      .post('/contacts/c123/tags', { tags: ['vip', 'new patient'] })
      .reply(201, { tags: ['lead', 'vip', 'new patient'] });

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', tags: ['vip', ' new patient ', 'vip', ''] }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      tagsAdded: ['vip', 'new patient'],
      tags: ['lead', 'vip', 'new patient'],
      tagsText: 'lead, vip, new patient',
    });
  });

  // A list field already separates its items: a comma inside one belongs to the tag.
  it('keeps a list item with a comma as one tag ("Smith, John")', async () => {
    highLevel()
      .post('/contacts/c123/tags', { tags: ['Smith, John'] })
      .reply(201, { tags: ['Smith, John'] });
    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', tags: ['Smith, John'] }),
    );
    expect(result.tagsAdded).toEqual(['Smith, John']);
  });

  // HighLevel answers only with the tags the contact has afterwards, so the app cannot tell which
  // requested tags it already had (or never had): the labels say what the lists are.
  it('labels the tags requested and the tags on the contact for what they are', () => {
    const labels = Object.fromEntries(
      (addContactTags.operation.outputFields as Array<{ key: string; label: string }>).map((f) => [
        f.key,
        f.label,
      ]),
    );
    expect(labels).toMatchObject({
      tagsAdded: 'Tags Requested to Add',
      tags: 'Tags Now on Contact',
    });
    expect(labels.id).not.toBe(labels.contactId);
  });

  it.each([
    [{ contactId: 'c123', tags: [] }, /Invalid Tags: at least one value/],
    [{ contactId: '', tags: ['vip'] }, /Invalid Contact ID/],
    [
      { contactId: 'c1/../c2', tags: ['vip'] },
      /Invalid Contact ID: "c1\/..\/c2" is not a HighLevel ID/,
    ],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it('names the contact when HighLevel does not know it', async () => {
    highLevel()
      .post('/contacts/gone1/tags')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'gone1', tags: ['vip'] })),
    );
    expect(failure.message).toBe(
      'HighLevel could not find the contact "gone1". It may have been deleted, or it belongs to another sub-account.',
    );
  });
});
