// Each row of the error mapping, through the real pipeline (middleware + client) against nock.
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../../../lib/http/client';
import { ACCESS_TOKEN, API, authData, failureOf, highLevel, testerFor } from '../../support/app';

const appTester = testerFor('creates');
const anything = zod.looseObject({});
const getTask = (z: ZObject) =>
  callHighLevel(
    z,
    { path: '/contacts/{contactId}/tasks/{taskId}', pathParams: { contactId: 'c1', taskId: 't1' } },
    anything,
  );
const run = () => failureOf(appTester(getTask, { authData }));
const replyOnce = (status: number, body?: unknown, headers?: Record<string, string>) =>
  highLevel()
    .get('/contacts/c1/tasks/t1')
    .reply(status, body as nock.Body, headers);

describe('HighLevel errors as the user reads them', () => {
  it('400 duplicate: names the existing contact and the field that matched', async () => {
    replyOnce(400, {
      statusCode: 400,
      message: 'This location does not allow duplicated contacts.',
      meta: { contactId: 'dupC1', matchingField: 'email', contactName: 'Rosan Deo' },
    });
    const failure = await run();
    expect(failure.code).toBe('duplicate_contact');
    expect(failure.message).toBe(
      'This sub-account does not allow duplicate contacts, and contact Rosan Deo (ID dupC1) already has this email. ' +
        'Use the Create or Update Contact action to update that contact instead, or Find Contact to look it up.',
    );
  });

  it("400 otherwise: HighLevel's own words", async () => {
    replyOnce(400, {
      statusCode: 400,
      message: 'Pass at least one of number, email query parameter',
    });
    expect((await run()).message).toBe(
      'HighLevel rejected the request: Pass at least one of number, email query parameter.',
    );
  });

  it('401: asks Zapier to refresh the token and retry', async () => {
    replyOnce(401, { statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
    expect((await run()).name).toBe('RefreshAuthError');
  });

  it('403 for another location: says the connection has no access to that sub-account', async () => {
    replyOnce(403, {
      statusCode: 403,
      message: 'The token does not have access to this location.',
    });
    expect((await run()).message).toMatch(/has no access to that sub-account/);
  });

  it('403 for a missing scope: says a permission is missing', async () => {
    replyOnce(403, { statusCode: 401, message: 'The token is not authorized for this scope.' });
    expect((await run()).message).toMatch(/lacks a permission \(scope\)/);
  });

  it('404: names the kind of object and its id', async () => {
    replyOnce(404, { statusCode: 404, message: 'Task not found' });
    expect((await run()).message).toBe(
      'HighLevel could not find the task "t1" on contact "c1". It may have been deleted, or it belongs to another sub-account.',
    );
  });

  it('404 naming the contact: blames the contact, not the task', async () => {
    replyOnce(404, { statusCode: 404, message: 'Contact not found' });
    expect((await run()).message).toMatch(/^HighLevel could not find the contact "c1"\./);
  });

  it('422: every validation message, joined and readable', async () => {
    replyOnce(422, {
      statusCode: 422,
      message: ['title must be a string', 'property foo should not exist'],
      error: 'Unprocessable Entity',
    });
    expect((await run()).message).toBe(
      'HighLevel rejected the request: title must be a string. property foo should not exist.',
    );
  });

  it.each([
    [{ 'Retry-After': '7' }, 7],
    [{ 'X-RateLimit-Interval-Milliseconds': '10000', 'X-RateLimit-Remaining': '0' }, 10],
    [{ 'X-RateLimit-Interval-Milliseconds': '2500' }, 3],
    [{}, 10],
  ])('429 with %j: Zapier throttling with a delay of %i s', async (headers, delay) => {
    replyOnce(429, { statusCode: 429, message: 'Too many requests' }, headers);
    const failure = await run();
    expect(failure.name).toBe('ThrottledError');
    expect(failure.delay).toBe(delay);
    expect(failure.message).toMatch(/rate limit/);
  });

  it('429 with the daily quota spent: names the daily limit and waits for the next UTC day', async () => {
    replyOnce(
      429,
      { statusCode: 429, message: 'Too many requests' },
      {
        'X-RateLimit-Limit-Daily': '200000',
        'X-RateLimit-Daily-Remaining': '0',
        'X-RateLimit-Interval-Milliseconds': '10000',
        'X-RateLimit-Remaining': '73',
      },
    );
    const before = Date.now();
    const failure = await run();
    const nextDay = new Date(before);
    nextDay.setUTCHours(24, 0, 0, 0);
    const untilNextDay = (nextDay.getTime() - before) / 1000;
    expect(failure.name).toBe('ThrottledError');
    expect(failure.message).toMatch(
      /^HighLevel's daily request limit for this sub-account \(200,000 requests a day\) is used up\. Zapier will retry this step after \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );
    expect(failure.message).not.toMatch(/10 seconds/);
    expect(failure.delay).toBeGreaterThanOrEqual(Math.max(60, Math.floor(untilNextDay)));
    expect(failure.delay).toBeLessThanOrEqual(Math.max(60, Math.ceil(untilNextDay)));
  });

  it("429 with the daily quota spent and a Retry-After: HighLevel's own delay", async () => {
    replyOnce(429, {}, { 'X-RateLimit-Daily-Remaining': '0', 'Retry-After': '3600' });
    const failure = await run();
    expect(failure.message).toMatch(/^HighLevel's daily request limit/);
    expect(failure.delay).toBe(3600);
  });

  it('429 with Retry-After as an HTTP date: waits until then', async () => {
    const at = new Date(Date.now() + 120_000);
    replyOnce(429, {}, { 'Retry-After': at.toUTCString() });
    const failure = await run();
    expect(failure.name).toBe('ThrottledError');
    // An HTTP date has whole seconds: the wait ends within the second `at` names.
    expect(failure.delay).toBeGreaterThanOrEqual(118);
    expect(failure.delay).toBeLessThanOrEqual(120);
  });

  it('429 with a Retry-After date already past: the rate window instead', async () => {
    replyOnce(
      429,
      {},
      {
        'Retry-After': new Date(Date.now() - 60_000).toUTCString(),
        'X-RateLimit-Interval-Milliseconds': '10000',
      },
    );
    expect((await run()).delay).toBe(10);
  });

  it('422 with validator objects: their messages, never "[object Object]"', async () => {
    replyOnce(422, {
      statusCode: 422,
      message: [
        { property: 'email', constraints: { isEmail: 'email must be an email' } },
        { field: 'phone', message: 'phone must be a valid phone number' },
        'title must be a string',
      ],
      error: 'Unprocessable Entity',
    });
    expect((await run()).message).toBe(
      'HighLevel rejected the request: email must be an email. phone must be a valid phone number. title must be a string.',
    );
  });

  it("400 with { error: { message } }: HighLevel's reason", async () => {
    replyOnce(400, { error: { message: 'The contact is locked for editing', code: 'LOCKED' } });
    expect((await run()).message).toBe(
      'HighLevel rejected the request: The contact is locked for editing.',
    );
  });

  it('a message that echoes a huge value: the value is cut, the message stays readable', async () => {
    const huge = 'x'.repeat(100_000);
    replyOnce(422, { message: [`firstName "${huge}" is too long`, `${huge} is not an email`] });
    const { message } = await run();
    expect(message.length).toBeLessThan(400);
    expect(message).toBe(
      `HighLevel rejected the request: firstName "${'x'.repeat(60)}… (100000 characters)" is too long. ${'x'.repeat(60)}… (100000 characters) is not an email.`,
    );
  });

  it('a huge value HighLevel could not find is not echoed whole', async () => {
    replyOnce(400, { message: `User with id ${'y'.repeat(5_000)} not found` });
    expect((await run()).message).toBe(
      `HighLevel rejected the request: User with id ${'y'.repeat(60)}… (5000 characters) not found.`,
    );
  });

  it.each([500, 502, 503])('%i: HighLevel failed, the step can be retried', async (status) => {
    replyOnce(status, '<html>Bad Gateway</html>');
    const failure = await run();
    expect(failure.message).toBe(
      `HighLevel had a problem on its side (HTTP ${status}) and could not complete this step. This is usually temporary: the step can be retried.`,
    );
  });

  it.each([
    ['{"task": {"id": "t1"', /unreadable \(not JSON\) response \(HTTP 200\)/],
    ['', /an empty response \(HTTP 200\)/],
  ])('a 200 with body %j is not taken for success', async (body, message) => {
    replyOnce(200, body, { 'Content-Type': 'application/json' });
    expect((await run()).message).toMatch(message);
  });

  it('a network failure: HighLevel could not be reached, the step can be retried', async () => {
    highLevel()
      .get('/contacts/c1/tasks/t1')
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const failure = await run();
    expect(failure.message).toMatch(
      /^Could not reach HighLevel \(.*socket hang up.*\)\. .*retried\.$/,
    );
  });

  it('a request that times out: HighLevel could not be reached, the step can be retried', async () => {
    highLevel()
      .get('/contacts/c1/tasks/t1')
      .delay(500)
      .reply(200, { task: { id: 't1' } });
    const slow = (z: ZObject) =>
      callHighLevel(
        z,
        {
          path: '/contacts/{contactId}/tasks/{taskId}',
          pathParams: { contactId: 'c1', taskId: 't1' },
          timeoutMs: 50,
        },
        anything,
      );
    const failure = await failureOf(appTester(slow, { authData }));
    expect(failure).toMatchObject({ code: 'network_error', status: 503 });
    expect(failure.message).toMatch(/^Could not reach HighLevel \(.*timeout.*\)\. .*retried\.$/);
  });

  // A write HighLevel may have received must not be "retried" blindly: it could be done twice.
  const createTask = (z: ZObject) =>
    callHighLevel(
      z,
      {
        method: 'POST',
        path: '/contacts/{contactId}/tasks',
        pathParams: { contactId: 'c1' },
        body: { title: 'Call back', dueDate: '2026-12-01T10:00:00Z', completed: false },
        timeoutMs: 50,
      },
      anything,
    );
  const CHECK_FIRST =
    /Check in HighLevel whether the change was made before retrying the step, so that nothing is done twice\.$/;
  const postTask = () => highLevel().post('/contacts/c1/tasks');

  it.each([
    [
      'times out',
      () =>
        postTask()
          .delay(500)
          .reply(201, { task: { id: 't1' } }),
    ],
    [
      'is cut off',
      () => postTask().replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }),
    ],
  ])('a write that %s: the user is asked to check HighLevel before retrying', async (_, reply) => {
    reply();
    const failure = await failureOf(appTester(createTask, { authData }));
    expect(failure).toMatchObject({ code: 'network_error', status: 503 });
    expect(failure.message).toMatch(CHECK_FIRST);
  });

  it.each([500, 502, 504])(
    'a write answered %i: HighLevel may have applied it, check first',
    async (status) => {
      postTask().reply(status);
      const failure = await failureOf(appTester(createTask, { authData }));
      expect(failure).toMatchObject({ code: 'highlevel_unavailable', status });
      expect(failure.message).toMatch(
        new RegExp(
          `^HighLevel had a problem on its side \\(HTTP ${status}\\) and may not have completed this step\\.`,
        ),
      );
      expect(failure.message).toMatch(CHECK_FIRST);
    },
  );

  it('a write refused before it left (connection refused) can simply be retried', async () => {
    postTask().replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const failure = await failureOf(appTester(createTask, { authData }));
    expect(failure.message).toMatch(/^Could not reach HighLevel \(.*\)\. .*can be retried\.$/);
  });

  it('a write answered with an empty 201: the result is unknown, check before retrying', async () => {
    postTask().reply(201, '', { 'Content-Type': 'application/json' });
    const failure = await failureOf(appTester(createTask, { authData }));
    expect(failure).toMatchObject({ code: 'unreadable_response' });
    expect(failure.message).toMatch(CHECK_FIRST);
  });

  it('a programming error is not a network failure: it surfaces as it is', async () => {
    // JSON cannot carry a BigInt: core's body serialisation throws a TypeError before sending.
    const buggy = (z: ZObject) =>
      callHighLevel(
        z,
        {
          method: 'POST',
          path: '/contacts/{contactId}/tasks',
          pathParams: { contactId: 'c1' },
          body: { title: 'Call back', dueDate: 10n },
        },
        anything,
      );
    const failure = await failureOf(appTester(buggy, { authData }));
    expect(failure.name).toBe('TypeError');
    expect(failure.message).not.toMatch(/Could not reach HighLevel/);
  });

  it('a 200 of the wrong shape: its own error naming what was wrong, not bad input', async () => {
    replyOnce(200, { task: { id: 42, title: ['not', 'a', 'string'] } });
    const shaped = (z: ZObject) =>
      callHighLevel(
        z,
        {
          path: '/contacts/{contactId}/tasks/{taskId}',
          pathParams: { contactId: 'c1', taskId: 't1' },
        },
        zod.object({ task: zod.object({ id: zod.string(), title: zod.string() }) }),
      );
    const failure = await failureOf(appTester(shaped, { authData }));
    expect(failure).toMatchObject({ name: 'AppError', code: 'unexpected_response', status: 502 });
    expect(failure.message).toMatch(
      /^HighLevel sent a response this app did not expect \(task\.id: .*; task\.title: .*\)/,
    );
  });

  it('never shows the access token, even when HighLevel echoes it', async () => {
    replyOnce(400, {
      statusCode: 400,
      message: `Bad token Bearer ${ACCESS_TOKEN} for ${ACCESS_TOKEN}`,
    });
    const failure = await run();
    expect(failure.message).not.toContain(ACCESS_TOKEN);
    expect(failure.message).toMatch(/\[redacted\]/);
  });

  it('never sends a request for an id that could change the path', async () => {
    const unsafe = (z: ZObject) =>
      callHighLevel(
        z,
        { path: '/contacts/{contactId}', pathParams: { contactId: '../locations/x' } },
        anything,
      );
    const failure = await failureOf(appTester(unsafe, { authData }));
    expect(failure.message).toMatch(
      /^Invalid Contact ID: "..\/locations\/x" is not a HighLevel ID/,
    );
    expect(nock.isDone()).toBe(true);
  });

  it('never sends a 100 kB id: refused by name, echoed cut short', async () => {
    const huge = (z: ZObject) =>
      callHighLevel(
        z,
        { path: '/contacts/{contactId}', pathParams: { contactId: 'a'.repeat(100_000) } },
        anything,
      );
    const failure = await failureOf(appTester(huge, { authData }));
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toBe(
      `Invalid Contact ID: "${'a'.repeat(60)}… (100000 characters)" is not a HighLevel ID: IDs are at most 100 characters long.`,
    );
    expect(nock.isDone()).toBe(true);
  });

  it('encodes ids it accepts', async () => {
    const scope = nock(API)
      .get('/contacts/a%2Bb%40c')
      .reply(200, { contact: { id: 'x' } });
    const encoded = (z: ZObject) =>
      callHighLevel(
        z,
        { path: '/contacts/{contactId}', pathParams: { contactId: 'a+b@c' } },
        anything,
      );
    await appTester(encoded, { authData });
    expect(scope.isDone()).toBe(true);
  });
});
