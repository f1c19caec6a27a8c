// An expired connection reads as the one sentence it is: core appends "What happened: … with
// bundle {…}" to errors not flagged doNotContextify, and ExpiredAuthError is not flagged by core.
import nock from 'nock';
import { refreshAccessToken } from '../../../authentication';
import { API, authData, failureOf, testerFor } from '../../support/app';

const appTester = testerFor('triggers');

describe('an expired connection', () => {
  it('says so in one sentence, without core\'s "What happened" block or the bundle', async () => {
    nock(API)
      .post('/oauth/token')
      .reply(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
    const failure = await failureOf(appTester(refreshAccessToken, { authData }));
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toBe(
      'Your HighLevel connection has expired or was revoked (Invalid refresh token). Please reconnect your HighLevel account.',
    );
  });

  it('cuts what HighLevel echoes to a readable length', async () => {
    nock(API)
      .post('/oauth/token')
      .reply(400, { message: `Location ${'x'.repeat(100_000)} is not active` });
    const failure = await failureOf(appTester(refreshAccessToken, { authData }));
    expect(failure.message.length).toBeLessThan(300);
    expect(failure.message).toMatch(
      /^Your HighLevel connection has expired .*x… \(100000 characters\) is not active\)\. Please reconnect/,
    );
  });
});
