// "No such record", as HighLevel says it: a 404, but also a 400 or 422 whose message says "not
// found" (the spec documents 400/401/422 and never 404 for its record endpoints, and v2 answers an
// unknown contact id with 400 "Contact with id … not found"). Searches get null (no result);
// actions get one readable message naming the kind and id of the missing record.
import type { ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, callHighLevelOrNull, type HighLevelCall } from '../../../lib/http/client';
import { authData, failureOf, highLevel, LOCATION_ID, testerFor } from '../../support/app';

const appTester = testerFor('searches');
const anything = zod.looseObject({});
const act = (call: HighLevelCall) =>
  failureOf(appTester((z: ZObject) => callHighLevel(z, call, anything), { authData }));
const search = (call: HighLevelCall) =>
  appTester((z: ZObject) => callHighLevelOrNull(z, call, anything), { authData });

const getContact: HighLevelCall = {
  path: '/contacts/{contactId}',
  pathParams: { contactId: 'gone1' },
};
const getTask: HighLevelCall = {
  path: '/contacts/{contactId}/tasks/{taskId}',
  pathParams: { contactId: 'c1', taskId: 'gone9' },
};
const GONE_CONTACT =
  'HighLevel could not find the contact "gone1". It may have been deleted, or it belongs to another sub-account.';

describe('an action on a record that does not exist', () => {
  it.each([
    [404, { statusCode: 404, message: 'Contact not found' }],
    [400, { statusCode: 400, message: 'Contact with id gone1 not found' }],
    [422, { statusCode: 422, message: ['Contact not found'], error: 'Unprocessable Entity' }],
  ])('%i "not found": names the contact and its id', async (status, body) => {
    highLevel().get('/contacts/gone1').reply(status, body);
    expect(await act(getContact)).toMatchObject({
      code: 'not_found',
      status: 404,
      message: GONE_CONTACT,
    });
  });

  it('400 "not found" on a task: names the task and its contact', async () => {
    highLevel()
      .get('/contacts/c1/tasks/gone9')
      .reply(400, { statusCode: 400, message: 'Task not found' });
    expect((await act(getTask)).message).toBe(
      'HighLevel could not find the task "gone9" on contact "c1". It may have been deleted, or it belongs to another sub-account.',
    );
  });

  it('names the id as the user gave it, not URL-encoded', async () => {
    highLevel()
      .get('/contacts/a%2Bb%40c')
      .reply(400, { statusCode: 400, message: 'Contact with id a+b@c not found' });
    const failure = await act({
      path: '/contacts/{contactId}',
      pathParams: { contactId: 'a+b@c' },
    });
    expect(failure.message).toMatch(/^HighLevel could not find the contact "a\+b@c"\./);
  });

  it.each<[string, number, unknown]>([
    ['a user the task refers to', 400, { statusCode: 400, message: 'User not found' }],
    [
      'a custom field deleted since',
      422,
      {
        statusCode: 422,
        message: ['Custom field cfGone not found'],
        error: 'Unprocessable Entity',
      },
    ],
  ])(
    "something else not found (%s) is a refusal in HighLevel's words, not the task gone",
    async (_what, status, body) => {
      highLevel()
        .get('/contacts/c1/tasks/gone9')
        .reply(status, body as Record<string, unknown>);
      const failure = await act(getTask);
      expect(failure).toMatchObject({ code: 'rejected', status });
      expect(failure.message).toMatch(/^HighLevel rejected the request: (User|Custom field)/);
    },
  );

  it("a 400 that is not about a missing record keeps HighLevel's words", async () => {
    highLevel()
      .get('/contacts/gone1')
      .reply(400, { statusCode: 400, message: 'Invalid contact id format' });
    expect(await act(getContact)).toMatchObject({
      code: 'rejected',
      status: 400,
      message: 'HighLevel rejected the request: Invalid contact id format.',
    });
  });
});

describe('a path with fixed words names no record: HighLevel says what is missing', () => {
  it.each<[string, HighLevelCall, string]>([
    [
      '/contacts/bulk/business',
      {
        method: 'POST',
        path: '/contacts/bulk/business',
        body: { locationId: LOCATION_ID, ids: ['c1'], businessId: 'b1' },
      },
      'Business not found',
    ],
    [
      '/contacts/bulk/tags/update/add',
      {
        method: 'POST',
        path: '/contacts/bulk/tags/update/{type}',
        pathParams: { type: 'add' },
        body: { contacts: ['c1'], tags: ['vip'], locationId: LOCATION_ID },
      },
      'Contacts not found',
    ],
    [
      '/contacts/upsert',
      {
        method: 'POST',
        path: '/contacts/upsert',
        body: { locationId: LOCATION_ID, email: 'rosan@deos.com' },
      },
      'Location not found',
    ],
  ])('404 on POST %s', async (path, call, said) => {
    highLevel().post(path).reply(404, { statusCode: 404, message: said });
    const failure = await act(call);
    expect(failure).toMatchObject({ code: 'not_found' });
    expect(failure.message).toBe(`HighLevel could not find what this step asked for (${said}).`);
  });
});

describe('a search for a record that does not exist', () => {
  it.each([
    [404, { statusCode: 404, message: 'Contact not found' }],
    [404, ''],
    [400, { statusCode: 400, message: 'Contact with id gone1 not found' }],
    [400, { statusCode: 400, message: 'Contact with id lookup not found' }],
    [422, { statusCode: 422, message: ['Contact not found'], error: 'Unprocessable Entity' }],
  ])('%i %j: finds nothing', async (status, body) => {
    highLevel().get('/contacts/gone1').reply(status, body);
    expect(await search(getContact)).toBeNull();
  });

  it('finds the record when it exists', async () => {
    highLevel()
      .get('/contacts/gone1')
      .reply(200, { contact: { id: 'gone1' } });
    expect(await search(getContact)).toEqual({ contact: { id: 'gone1' } });
  });

  it('fails, not "nothing found", when what is missing is not the record searched for', async () => {
    highLevel()
      .get('/contacts/gone1')
      .reply(400, { statusCode: 400, message: 'Location not found' });
    const failure = await failureOf(search(getContact));
    expect(failure).toMatchObject({ code: 'rejected', status: 400 });
    expect(failure.message).toMatch(/Location not found/);
  });

  it('still fails on any other 400', async () => {
    highLevel()
      .get('/contacts/gone1')
      .reply(400, { statusCode: 400, message: 'Invalid contact id format' });
    const failure = await failureOf(search(getContact));
    expect(failure).toMatchObject({ code: 'rejected', status: 400 });
  });

  it('still refreshes an expired token', async () => {
    highLevel().get('/contacts/gone1').reply(401, { statusCode: 401, message: 'Invalid JWT' });
    expect((await failureOf(search(getContact))).name).toBe('RefreshAuthError');
  });
});
