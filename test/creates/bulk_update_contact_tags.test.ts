import bulkUpdateContactTags, { perform } from '../../creates/bulk_update_contact_tags';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', bulkUpdateContactTags);

const ok = (contactId: string) => ({
  contactId,
  message: 'Tags updated',
  type: 'success',
  oldTags: [],
  tagsAdded: ['vip'],
  tagsRemoved: [],
});

describe('bulk_update_contact_tags', () => {
  it('adds tags to every contact and reports each result', async () => {
    const scope = highLevel()
      .post('/contacts/bulk/tags/update/add', {
        contacts: ['c1', 'c2'],
        tags: ['vip', 'webinar'],
        locationId: LOCATION_ID,
      })
      .reply(201, { succeded: true, errorCount: 0, responses: [ok('c1'), ok('c2')] });

    const result = await appTester(
      perform,
      bundleWith({ action: 'add', contactIds: ['c1, c2', 'c1'], tags: ['vip', 'webinar'] }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      action: 'add',
      contactIds: ['c1', 'c2'],
      tags: ['vip', 'webinar'],
      removeAllTags: false,
      contactCount: 2,
      successCount: 2,
      errorCount: 0,
      results: [
        { contactId: 'c1', status: 'success', message: 'Tags updated' },
        { contactId: 'c2', status: 'success', message: 'Tags updated' },
      ],
    });
    expect(result.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('removes all tags with the remove type, and tags may then be empty', async () => {
    highLevel()
      .post('/contacts/bulk/tags/update/remove', {
        contacts: ['c1'],
        tags: [],
        locationId: LOCATION_ID,
        removeAllTags: true,
      })
      .reply(201, { succeded: true, errorCount: 0, responses: [ok('c1')] });

    const result = await appTester(
      perform,
      bundleWith({ action: 'remove', contactIds: ['c1'], removeAllTags: true }),
    );
    expect(result).toMatchObject({ action: 'remove', removeAllTags: true, tags: [] });
  });

  it('fails the step, listing the contacts that failed and how many succeeded', async () => {
    highLevel()
      .post('/contacts/bulk/tags/update/remove')
      .reply(201, {
        succeded: true,
        errorCount: 2,
        responses: [
          ok('c1'),
          { contactId: 'abcdef', message: 'contact id is not a valid firebase id', type: 'error' },
          { contactId: 'c3', message: 'contact is deleted', type: 'error' },
        ],
      });

    const failure = await failureOf(
      appTester(
        perform,
        bundleWith({ action: 'remove', contactIds: ['c1', 'abcdef', 'c3'], tags: ['vip'] }),
      ),
    );

    expect(failure).toMatchObject({ code: 'bulk_tags_failed' });
    expect(failure.message).toBe(
      'HighLevel could not remove the tags for 2 of 3 contacts (1 succeeded): ' +
        'abcdef (contact id is not a valid firebase id); c3 (contact is deleted).',
    );
  });

  it('cuts a huge contact id and message HighLevel echoes to a readable length', async () => {
    const huge = 'x'.repeat(100_000);
    highLevel()
      .post('/contacts/bulk/tags/update/add')
      .reply(201, {
        succeded: false,
        errorCount: 1,
        responses: [
          { contactId: `a${huge}`, message: `contact b${huge} not found`, type: 'error' },
        ],
      });

    const failure = await failureOf(
      appTester(perform, bundleWith({ action: 'add', contactIds: ['c1'], tags: ['vip'] })),
    );

    expect(failure).toMatchObject({ code: 'bulk_tags_failed' });
    expect(failure.message.length).toBeLessThan(400);
    expect(failure.message).toMatch(
      /^HighLevel could not add the tags for 1 of 1 contacts \(0 succeeded\): ax+… \(100001 characters\) \(contact bx+… \(100001 characters\) not found\)\.$/,
    );
  });

  it('fails when HighLevel counts errors without naming the contacts', async () => {
    highLevel()
      .post('/contacts/bulk/tags/update/add')
      .reply(201, {
        succeded: false,
        errorCount: 1,
        responses: ['contact does not belong to location'],
      });
    const failure = await failureOf(
      appTester(perform, bundleWith({ action: 'add', contactIds: ['c1', 'c2'], tags: ['vip'] })),
    );
    expect(failure.message).toBe(
      'HighLevel could not add the tags for 1 of 2 contacts (1 succeeded).',
    );
  });

  it('fails without a misleading count when HighLevel answers succeded: false and names no contact', async () => {
    highLevel()
      .post('/contacts/bulk/tags/update/remove')
      .reply(201, { succeded: false, errorCount: 0, responses: [] });
    const failure = await failureOf(
      appTester(
        perform,
        bundleWith({ action: 'remove', contactIds: ['c1', 'c2', 'c3'], tags: ['vip'] }),
      ),
    );
    expect(failure).toMatchObject({ code: 'bulk_tags_failed' });
    expect(failure.message).toBe(
      'HighLevel answered that it could not remove the tags, without naming a contact that failed, ' +
        'so it is unknown which of the 3 contacts changed. Check them in HighLevel, then retry the step.',
    );
  });

  it.each([
    [
      { action: 'toggle', contactIds: ['c1'], tags: ['vip'] },
      /^Invalid Add or Remove: "toggle" is not add or remove/,
    ],
    [{ action: 'add', contactIds: [], tags: ['vip'] }, /^Invalid Contacts: at least one value/],
    [
      { action: 'add', contactIds: ['c 1'], tags: ['vip'] },
      /^Invalid Contacts: "c 1" is not a HighLevel contact ID/,
    ],
    [
      { action: 'add', contactIds: ['c1'], tags: [] },
      /^Invalid Tags: at least one tag is required to add/,
    ],
    [
      { action: 'remove', contactIds: ['c1'], tags: [] },
      /^Invalid Tags: at least one tag is required to remove/,
    ],
    [
      { action: 'add', contactIds: ['c1'], tags: ['vip'], removeAllTags: true },
      /^Invalid Remove All Tags: it can only be used with Remove Tags/,
    ],
    [
      { action: 'add', contactIds: Array.from({ length: 501 }, (_, i) => `c${i}`), tags: ['vip'] },
      /^Invalid Contacts: HighLevel takes at most 500 contacts per request, but 501 were given/,
    ],
  ])('refuses %j before any request', async (input, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(input)), message);
  });

  it('accepts exactly 500 contacts', async () => {
    const contacts = Array.from({ length: 500 }, (_, i) => `c${i}`);
    highLevel()
      .post(
        '/contacts/bulk/tags/update/add',
        (body: { contacts: string[] }) => body.contacts.length === 500,
      )
      .reply(201, { succeded: true, errorCount: 0, responses: contacts.map(ok) });
    const result = await appTester(
      perform,
      bundleWith({ action: 'add', contactIds: contacts, tags: ['vip'] }),
    );
    expect(result.successCount).toBe(500);
  });
});
