// A 2xx is not success by itself: an answer without the key HighLevel wraps its result in (`{}`,
// or `{ data: { contacts } }` instead of `{ contacts }`) is never read as "nothing changed" or
// "nothing found". A write says its result is unknown; a read fails instead of returning nothing.
import type { ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import addContactFollowers, {
  perform as addFollowers,
} from '../../../creates/add_contact_followers';
import addContactTags, { perform as addTags } from '../../../creates/add_contact_tags';
import bulkUpdateContactTags, {
  perform as bulkUpdateTags,
} from '../../../creates/bulk_update_contact_tags';
import deleteContact, { perform as deleteOne } from '../../../creates/delete_contact';
import { callHighLevel } from '../../../lib/http/client';
import newContact, { perform as pollContacts } from '../../../triggers/new_contact';
import newTask, { perform as pollTasks } from '../../../triggers/new_task';
import {
  authData,
  bundleWith,
  failureOf,
  highLevel,
  LOCATION_ID,
  testerFor,
} from '../../support/app';

const CHECK_FIRST =
  /the result of this step is unknown\. Check in HighLevel whether the change was made before retrying the step, so that nothing is done twice\.$/;
const READ_AGAIN =
  /the result of this step is unknown\. The step can be retried; if this keeps happening, HighLevel may have changed its API\.$/;

describe('a write answered 2xx without its result', () => {
  const creates = testerFor('creates', addContactTags, bulkUpdateContactTags, addContactFollowers);

  it('Add Tags answered {}: the result is unknown, check HighLevel before retrying', async () => {
    highLevel().post('/contacts/c1/tags').reply(201, {});
    const failure = await failureOf(
      creates(addTags, bundleWith({ contactId: 'c1', tags: ['vip'] })),
    );
    expect(failure).toMatchObject({ code: 'unexpected_response', status: 502 });
    expect(failure.message).toMatch(
      /^HighLevel sent a response this app did not expect \(no "tags" in it\)/,
    );
    expect(failure.message).toMatch(CHECK_FIRST);
  });

  it('a bulk tag update answered {}: no success count, the result is unknown', async () => {
    highLevel().post('/contacts/bulk/tags/update/add').reply(201, {});
    const failure = await failureOf(
      creates(
        bulkUpdateTags,
        bundleWith({ action: 'add', contactIds: ['c1', 'c2'], tags: ['vip'] }),
      ),
    );
    expect(failure.code).toBe('unexpected_response');
    expect(failure.message).toMatch(/\(no "errorCount" or "responses" in it\)/);
    expect(failure.message).toMatch(CHECK_FIRST);
  });

  it('Add Followers answered {}: the result is unknown', async () => {
    highLevel().post('/contacts/c1/followers').reply(201, {});
    const failure = await failureOf(
      creates(addFollowers, bundleWith({ contactId: 'c1', followers: ['u1'] })),
    );
    expect(failure.message).toMatch(CHECK_FIRST);
  });

  it('Delete Contact answered {} (no "succeded"): the result is unknown', async () => {
    highLevel().delete('/contacts/c1').reply(200, {});
    const failure = await failureOf(
      testerFor('creates', deleteContact)(deleteOne, bundleWith({ contactId: 'c1' })),
    );
    expect(failure.message).toMatch(/\(no "succeded" in it\)/);
    expect(failure.message).toMatch(CHECK_FIRST);
  });
});

describe('a read answered 2xx without its result', () => {
  const triggers = testerFor('triggers', newContact, newTask);

  it.each([
    ['{}', {}, /\(no "contacts" in it\)/],
    [
      '{ data: { contacts } }',
      { data: { contacts: [{ id: 'c1' }] } },
      /\(no "contacts" in it, only "data"\)/,
    ],
  ])('New Contact answered %s: an error, never an empty poll', async (_, body, message) => {
    // Whether the custom fields are read before the search fails is not what this test is about.
    highLevel()
      .get(`/locations/${LOCATION_ID}/customFields`)
      .query({ model: 'contact' })
      .optionally()
      .reply(200, { customFields: [] });
    highLevel().post('/contacts/search').reply(200, body);
    const failure = await failureOf(triggers(pollContacts, bundleWith()));
    expect(failure.code).toBe('unexpected_response');
    expect(failure.message).toMatch(message);
    expect(failure.message).toMatch(READ_AGAIN);
  });

  it('New Task answered {}: an error, never an empty poll', async () => {
    highLevel().get('/contacts/c1/tasks').reply(200, {});
    const failure = await failureOf(triggers(pollTasks, bundleWith({ contactId: 'c1' })));
    expect(failure.message).toMatch(/\(no "tasks" in it\)/);
  });

  it('an empty list under its key is an empty result', async () => {
    highLevel().get('/contacts/c1/tasks').reply(200, { tasks: [] });
    expect(await triggers(pollTasks, bundleWith({ contactId: 'c1' }))).toEqual([]);
  });

  it('every schema: its required or defaulted keys are the wrapper; all optional, any of them', async () => {
    const read = (schema: zod.ZodType) => (z: ZObject) =>
      callHighLevel(z, { path: '/contacts/{contactId}', pathParams: { contactId: 'c1' } }, schema);
    const tester = testerFor('creates');
    highLevel().get('/contacts/c1').times(3).reply(200, { traceId: 't' });
    const optionalOnly = zod.looseObject({ succeded: zod.boolean().optional() });
    const withMeta = zod.looseObject({
      contacts: zod.array(zod.unknown()).default([]),
      total: zod.number().optional(),
    });
    expect((await failureOf(tester(read(optionalOnly), { authData }))).message).toMatch(
      /\(no "succeded" in it, only "traceId"\)/,
    );
    expect((await failureOf(tester(read(withMeta), { authData }))).message).toMatch(
      /\(no "contacts" in it, only "traceId"\)/,
    );
    // A schema that declares no keys reads any object.
    expect(await tester(read(zod.looseObject({})), { authData })).toEqual({ traceId: 't' });
  });
});
