import nock from 'nock';
import zapier from 'zapier-platform-core';
import { appFor } from '../../app';
import apiRequest, { perform } from '../../creates/api_request';
import {
  ACCESS_TOKEN,
  API,
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  LOCATION_ID,
  testerFor,
} from '../support/app';

const appTester = testerFor('creates', apiRequest);
const run = (inputData: Record<string, unknown>, authData?: Record<string, string>) =>
  appTester(perform, { ...bundleWith(inputData), ...(authData ? { authData } : {}) });

/** HighLevel beyond the Contacts spec: the bearer and Version header, no spec check. */
const api = () =>
  nock(API, { reqheaders: { authorization: `Bearer ${ACCESS_TOKEN}`, version: '2021-07-28' } });

describe('API Request', () => {
  it('sends a GET with query parameters and returns status, headers and the flattened body', async () => {
    const reply = { calendars: [{ id: 'cal1', name: 'Consultations', team: { size: 2 } }] };
    api()
      .get('/calendars/')
      .query({ locationId: LOCATION_ID, groupId: 'g1' })
      .reply(200, reply, { 'X-RateLimit-Remaining': '98', 'X-Secret-Internal': 'x' });

    const result = await run({
      method: 'GET',
      path: 'calendars/',
      query: { locationId: '{locationId}', groupId: 'g1' },
    });

    expect(result).toEqual({
      id: '',
      status: 200,
      headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '98' },
      body__calendars: [{ id: 'cal1', name: 'Consultations', team__size: 2 }],
      bodyText: JSON.stringify(reply),
    });
  });

  it('sends a JSON body with the Location ID filled in and names the record it got back', async () => {
    let sent: unknown;
    api()
      .post('/opportunities/', (body) => {
        sent = body;
        return true;
      })
      .matchHeader('content-type', /application\/json/)
      .reply(201, { opportunity: { id: 'opp1', name: 'Implants', monetaryValue: 1200 } });

    const result = await run({
      method: 'post',
      path: '/opportunities/',
      body: '{"locationId": "{locationId}", "name": "Implants", "pipelineId": "p1"}',
    });

    expect(sent).toEqual({ locationId: LOCATION_ID, name: 'Implants', pipelineId: 'p1' });
    expect(result).toMatchObject({
      id: 'opp1',
      status: 201,
      body__opportunity__id: 'opp1',
      body__opportunity__monetaryValue: 1200,
    });
  });

  it('fills the placeholder in the path and sends through the Contacts spec like any step', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}/tags`)
      .reply(200, { tags: [{ id: 't1', name: 'vip' }] });
    const result = await run({ method: 'GET', path: '/locations/{locationId}/tags' });
    expect(result).toMatchObject({ status: 200, body__tags: [{ id: 't1', name: 'vip' }] });
  });

  it('returns an empty answer (204) as a status and an empty body text', async () => {
    api().delete('/links/l1').reply(204);
    expect(await run({ method: 'DELETE', path: '/links/l1' })).toEqual({
      id: '',
      status: 204,
      headers: {},
      bodyText: '',
    });
  });

  it.each([
    ['https://evil.example.com/contacts/', /has a scheme/],
    ['javascript:alert(1)', /has a scheme/],
    ['//evil.example.com/contacts/', /names another host/],
    ['\\\\evil.example.com\\x', /names another host/],
    ['/contacts/../oauth/token', /"\.\." segment/],
    ['/contacts/%2e%2E/oauth/token', /"\.\." segment/],
    ['/contacts/./x', /"\.\." segment/],
    ['/contacts/a%2Fb', /escaped slash/],
    ['/contacts/?locationId=x', /put query parameters in their own field/],
    ['/contacts/a b', /contains spaces/],
    ['/contacts/{contactId}', /placeholder other than \{locationId\}/],
    ['/contacts/%zz', /malformed %-escape/],
    ['   ', /a path is required/],
  ])('refuses the path %j before sending anything', async (path, why) => {
    await expectInvalidInput(run({ method: 'GET', path }), new RegExp(`^Invalid Path: .*`));
    const failure = await failureOf(run({ method: 'GET', path }));
    expect(failure.message).toMatch(why);
  });

  it('refuses a body that is not JSON, a scalar body and a body on a GET, before sending', async () => {
    await expectInvalidInput(
      run({ method: 'POST', path: '/opportunities/', body: '{"name": "Implants",}' }),
      /^Invalid Body \(JSON\): it is not valid JSON \(.+\)\. Nothing was sent\.$/,
    );
    await expectInvalidInput(
      run({ method: 'POST', path: '/opportunities/', body: '42' }),
      /a JSON object `\{…\}` or list `\[…\]` is expected/,
    );
    await expectInvalidInput(
      run({ method: 'GET', path: '/opportunities/search', body: '{}' }),
      /a GET request has no body/,
    );
    await expectInvalidInput(run({ method: 'TRACE', path: '/x' }), /Invalid Method: "TRACE"/);
  });

  it('maps HighLevel errors and rate limits as for every other step', async () => {
    api()
      .post('/opportunities/')
      .reply(422, { statusCode: 422, message: ['pipelineId should not be empty'] });
    const rejected = await failureOf(
      run({ method: 'POST', path: '/opportunities/', body: '{"name":"x"}' }),
    );
    expect(rejected.message).toBe(
      'HighLevel rejected the request: pipelineId should not be empty.',
    );

    api().get('/calendars/').reply(429, { message: 'Too many requests' }, { 'Retry-After': '7' });
    const throttled = await failureOf(run({ method: 'GET', path: '/calendars/' }));
    expect(throttled).toMatchObject({ name: 'ThrottledError', delay: 7 });
  });

  it('names the scope an OAuth connection lacks, without sending', async () => {
    const failure = await failureOf(
      run({ method: 'GET', path: '/calendars/events', query: { calendarId: 'c1' } }, {
        ...bundleWith().authData,
        grantedScopes: 'contacts.readonly contacts.write locations.readonly',
      } as Record<string, string>),
    );
    expect(failure).toMatchObject({ code: 'missing_scope' });
    expect(failure.message).toMatch(/"calendars\/events\.readonly"/);
  });
});

describe('API Request with a Private Integration Token', () => {
  const app = appFor('private-token');
  const tester = zapier.createAppTester(app);
  const authData = { token: 'pit-0b9f1c2e-5d7a-4a61-9c3e-2f8b7a6d5e4c', locationId: LOCATION_ID };
  const runWithToken = (inputData: Record<string, unknown>) =>
    tester(
      app.creates!.api_request!.operation.perform as never,
      {
        ...bundleWith(inputData),
        authData,
      } as never,
    ) as Promise<Record<string, unknown>>;

  it('is registered in the token build too and sends the token as the bearer', async () => {
    nock(API, { reqheaders: { authorization: `Bearer ${authData.token}`, version: '2021-07-28' } })
      .get('/opportunities/pipelines')
      .query({ locationId: LOCATION_ID })
      .reply(200, { pipelines: [] });
    const result = await runWithToken({
      method: 'GET',
      path: '/opportunities/pipelines',
      query: { locationId: '{locationId}' },
    });
    expect(result).toMatchObject({ status: 200, body__pipelines: [] });
  });

  it('names the missing scope and where to add it when HighLevel refuses the token', async () => {
    nock(API)
      .post('/opportunities/search')
      .reply(401, { statusCode: 401, message: 'The token is not authorized for this scope.' });
    const failure = await failureOf(
      runWithToken({ method: 'POST', path: '/opportunities/search', body: '{}' }),
    );
    expect(failure).toMatchObject({ code: 'missing_scope' });
    expect(failure.message).toMatch(/lacks a scope this step needs: "opportunities\.readonly"/);
    expect(failure.message).toMatch(/Add it to the Private Integration in HighLevel/);
    expect(failure.message).not.toContain(authData.token);
  });
});
