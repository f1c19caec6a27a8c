// A connection without a scope a step needs. HighLevel answers such a call with 401 "The token is
// not authorized for this scope.", and with `autoRefresh` zapier-platform-core turns every 401 into
// RefreshAuthError before the app's afterResponse middleware runs: Zapier would refresh and retry
// for ever, since a refresh never adds a scope. So the app keeps the scopes HighLevel granted
// (`grantedScopes`, from the token response) and refuses such a call itself, naming the scope.
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { refreshAccessToken } from '../../../authentication';
import { callHighLevel } from '../../../lib/http/client';
import { SCOPES } from '../../../lib/http/config';
import { API, authData, failureOf, highLevel, LOCATION_ID, testerFor } from '../../support/app';

const appTester = testerFor('creates');
const anything = zod.looseObject({});
const readOnly = SCOPES.filter((scope) => scope !== 'contacts.write').join(' ');
const everything = SCOPES.join(' ');

const addTag = (z: ZObject) =>
  callHighLevel(
    z,
    {
      method: 'POST',
      path: '/contacts/{contactId}/tags',
      pathParams: { contactId: 'c1' },
      body: { tags: ['vip'] },
    },
    anything,
  );
const getContact = (z: ZObject) =>
  callHighLevel(z, { path: '/contacts/{contactId}', pathParams: { contactId: 'c1' } }, anything);

const scopeRefusal = { statusCode: 401, message: 'The token is not authorized for this scope.' };

describe('a step that needs a scope the connection lacks', () => {
  it('fails before sending, naming the scope and asking to reconnect', async () => {
    const failure = await failureOf(
      appTester(addTag, { authData: { ...authData, grantedScopes: readOnly } }),
    );
    expect(failure).toMatchObject({ name: 'AppError', code: 'missing_scope', status: 403 });
    expect(failure.message).toBe(
      'This HighLevel connection lacks a permission (scope) this step needs: "contacts.write". ' +
        'Reconnect HighLevel in Zapier and approve every permission the app asks for, to grant it.',
    );
    expect(nock.isDone()).toBe(true); // nothing was sent
  });

  it('leaves the steps the connection may run alone', async () => {
    highLevel()
      .get('/contacts/c1')
      .reply(200, { contact: { id: 'c1' } });
    const result = await appTester(getContact, {
      authData: { ...authData, grantedScopes: readOnly },
    });
    expect(result).toEqual({ contact: { id: 'c1' } });
  });

  it('still refreshes an expired token (a 401 that is not about a scope)', async () => {
    highLevel()
      .post('/contacts/c1/tags')
      .reply(401, { statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
    const failure = await failureOf(
      appTester(addTag, { authData: { ...authData, grantedScopes: everything } }),
    );
    expect(failure.name).toBe('RefreshAuthError');
  });

  it('never refuses an endpoint whose scope the spec does not declare (the bulk endpoints)', async () => {
    highLevel()
      .post('/contacts/bulk/business')
      .reply(200, { success: true, ids: ['c1'] });
    const bulk = (z: ZObject) =>
      callHighLevel(
        z,
        {
          method: 'POST',
          path: '/contacts/bulk/business',
          body: { locationId: LOCATION_ID, ids: ['c1'], businessId: 'b1' },
        },
        anything,
      );
    await appTester(bulk, { authData: { ...authData, grantedScopes: 'contacts.readonly' } });
  });

  describe.each([
    ['joined by +', (scopes: string) => scopes.replace(/ /g, '+')],
    ['in capitals', (scopes: string) => scopes.toUpperCase()],
    ['URL-encoded', (scopes: string) => encodeURIComponent(scopes)],
    ['comma-separated', (scopes: string) => scopes.replace(/ /g, ',')],
  ])('granted scopes written %s', (_how, written) => {
    it('let a step the connection may run through', async () => {
      highLevel()
        .post('/contacts/c1/tags')
        .reply(201, { tags: ['vip'] });
      const grantedScopes = written(everything);
      expect(await appTester(addTag, { authData: { ...authData, grantedScopes } })).toEqual({
        tags: ['vip'],
      });
    });

    it('still name the scope a step lacks', async () => {
      const grantedScopes = written(readOnly);
      const failure = await failureOf(
        appTester(addTag, { authData: { ...authData, grantedScopes } }),
      );
      expect(failure).toMatchObject({ code: 'missing_scope' });
    });
  });

  it("lets HighLevel decide when the granted scopes name none of the app's (a format it cannot read)", async () => {
    highLevel()
      .post('/contacts/c1/tags')
      .reply(201, { tags: ['vip'] });
    const result = await appTester(addTag, {
      authData: { ...authData, grantedScopes: 'scope-v3:contacts/all' },
    });
    expect(result).toEqual({ tags: ['vip'] });
  });

  describe('on a connection made before the app kept its scopes', () => {
    it('core sees only a 401 and asks for a refresh: the app cannot read the reason', async () => {
      highLevel().post('/contacts/c1/tags').reply(401, scopeRefusal);
      expect((await failureOf(appTester(addTag, { authData }))).name).toBe('RefreshAuthError');
    });

    it('the refresh stores the granted scopes, so the retry names the missing one', async () => {
      nock(API).post('/oauth/token').reply(200, {
        access_token: 'refreshed-access-token-1',
        refresh_token: 'refreshed-refresh-token-1',
        scope: readOnly,
        userType: 'Location',
        locationId: LOCATION_ID,
      });
      const refreshed = await appTester(refreshAccessToken, { authData });
      expect(refreshed.grantedScopes).toBe(readOnly);

      const retry = await failureOf(appTester(addTag, { authData: refreshed }));
      expect(retry).toMatchObject({ code: 'missing_scope' });
      expect(retry.message).toMatch(/"contacts\.write"/);
    });
  });

  it('names the scope in a 403 about a scope, too', async () => {
    highLevel()
      .get('/contacts/c1')
      .reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
    const failure = await failureOf(appTester(getContact, { authData }));
    expect(failure).toMatchObject({ code: 'missing_scope', status: 403 });
    expect(failure.message).toMatch(/this step needs: "contacts\.readonly"\. Reconnect/);
  });
});
