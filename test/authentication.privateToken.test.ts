// The Private Integration Token connection (the HIGHLEVEL_AUTH=private-token build): its fields,
// its test, and how HighLevel's refusals of such a token read.
import nock from 'nock';
import zapier from 'zapier-platform-core';
import { appFor } from '../app';
import privateToken, { test as testConnection } from '../lib/connection/privateToken';
import { API, failureOf, LOCATION_ID } from './support/app';
import { checkAgainstSpec } from './support/specConformance';

const TOKEN = 'pit-6d0f3a52-8b1e-4c7d-9a2f-0e5b4c3d2a19';
const authData = { token: TOKEN, locationId: LOCATION_ID };
const app = appFor('private-token');
const appTester = zapier.createAppTester(app);
const runTest = (data: Record<string, string> = authData) =>
  appTester(testConnection as never, { authData: data } as never) as Promise<{
    id: string;
    name: string;
  }>;

/** HighLevel as it answers this token: the token as the bearer, the Version header. */
const highLevel = () =>
  nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}`, version: '2021-07-28' } }).on(
    'request',
    checkAgainstSpec,
  );
const locationRead = () => highLevel().get(`/locations/${LOCATION_ID}`);
const contactProbe = () =>
  highLevel().post('/contacts/search', { locationId: LOCATION_ID, pageLimit: 1 });

describe('the Private Integration Token connection', () => {
  it('is the connection of the token build: a password token and a required Location ID', () => {
    expect(app.authentication).toBe(privateToken);
    expect(privateToken.type).toBe('custom');
    expect(privateToken.fields.map(({ key, type, required }) => ({ key, type, required }))).toEqual(
      [
        { key: 'token', type: 'password', required: true },
        { key: 'locationId', type: 'string', required: true },
      ],
    );
    const [token, location] = privateToken.fields;
    expect(token!.helpText).toMatch(/Settings → Private Integrations/);
    expect(token!.helpText).toMatch(/\]\(https:\/\/help\.gohighlevel\.com\/[^)]+\)/);
    expect(location!.helpText).toMatch(/Business Profile/);
  });

  it('reads the sub-account, checks the Contacts API accepts the token, and is labelled with its name', async () => {
    locationRead().reply(200, { location: { id: LOCATION_ID, name: 'Acme Dental' } });
    contactProbe().reply(200, { contacts: [], total: 0 });
    const result = await runTest();
    expect(result).toMatchObject({ id: LOCATION_ID, name: 'Acme Dental' });
    expect(privateToken.connectionLabel).toBe('{{name}}');
  });

  it('forgives the spaces a pasted token or Location ID carries', async () => {
    locationRead().reply(200, { location: { id: LOCATION_ID, name: 'Acme Dental' } });
    contactProbe().reply(200, { contacts: [], total: 0 });
    expect((await runTest({ token: ` ${TOKEN}\n`, locationId: ` ${LOCATION_ID} ` })).name).toBe(
      'Acme Dental',
    );
  });

  it('names a missing scope and says to add it to the Private Integration', async () => {
    locationRead().reply(401, {
      statusCode: 401,
      message: 'The token is not authorized for this scope.',
    });
    const failure = await failureOf(runTest());
    expect(failure).toMatchObject({ code: 'missing_scope', status: 403 });
    expect(failure.message).toBe(
      'This Private Integration Token lacks a scope this step needs: "locations.readonly". Add it to the Private Integration in HighLevel (Settings → Private Integrations, edit the integration) and save; the token stays the same.',
    );
  });

  it('refuses an agency token at connect time, with what to do instead', async () => {
    locationRead().reply(200, { location: { id: LOCATION_ID, name: 'Acme Dental' } });
    contactProbe().reply(401, {
      statusCode: 401,
      message: 'This route is not yet supported by the IAM Service',
    });
    const failure = await failureOf(runTest());
    expect(failure).toMatchObject({ code: 'agency_token' });
    expect(failure.message).toMatch(/agency \(company\) account/);
    expect(failure.message).toMatch(/Create the Private Integration inside the sub-account/);
  });

  it('says a refused token was rotated or deleted: these tokens never expire', async () => {
    locationRead().reply(401, { statusCode: 401, message: 'Invalid JWT' });
    const failure = await failureOf(runTest());
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toMatch(/never expire on their own, so it was rotated or deleted/);
    expect(failure.message).not.toContain(TOKEN);
  });

  it("explains a Location ID that is not the token's sub-account", async () => {
    locationRead().reply(403, {
      statusCode: 403,
      message: 'The token does not have access to this location.',
    });
    const failure = await failureOf(runTest());
    expect(failure).toMatchObject({ code: 'forbidden', status: 403 });
    expect(failure.message).toBe(
      `This Private Integration Token does not belong to the sub-account with Location ID "${LOCATION_ID}". Reconnect with the Location ID of the sub-account where the token was created.`,
    );
  });

  it('refuses an empty Location ID before sending anything', async () => {
    const failure = await failureOf(runTest({ token: TOKEN, locationId: '  ' }));
    expect(failure).toMatchObject({ code: 'invalid_input' });
    expect(failure.message).toMatch(/has no Location ID\. Reconnect and enter/);
    expect(nock.isDone()).toBe(true);
  });
});
