import nock from 'nock';
import authentication, {
  authorizeUrl,
  getAccessToken,
  refreshAccessToken,
  test as testConnection,
} from '../authentication';
import { API, authData, failureOf, highLevel, LOCATION_ID, testerFor } from './support/app';

const appTester = testerFor('triggers');
const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

const tokenResponse = {
  access_token: 'new-access-token-0001',
  token_type: 'Bearer',
  expires_in: 86399,
  refresh_token: 'new-refresh-token-0001',
  scope: 'contacts.readonly contacts.write',
  userType: 'Location',
  locationId: LOCATION_ID,
  companyId: 'UAXssdawIWAWD',
  userId: 'y0BeYjuRIlDwsDcOHOJo',
};

describe('authentication', () => {
  it('sends the user to the sub-account chooser with every scope the app uses', async () => {
    const url = new URL(
      await appTester(authorizeUrl, {
        inputData: {
          redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App1/',
          state: 's1',
        },
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'test-client-id',
      redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App1/',
      state: 's1',
      scope:
        'contacts.readonly contacts.write locations.readonly locations/tags.readonly locations/customFields.readonly users.readonly campaigns.readonly workflows.readonly businesses.readonly calendars/events.readonly',
    });
    expect(authentication.oauth2Config.scope).toBe(url.searchParams.get('scope'));
    expect(authentication.oauth2Config.autoRefresh).toBe(true);
  });

  it('also asks for the scopes added for API Request steps (HIGHLEVEL_EXTRA_SCOPES)', async () => {
    process.env.HIGHLEVEL_EXTRA_SCOPES = 'calendars.readonly, opportunities.write contacts.write';
    try {
      const url = new URL(
        await appTester(authorizeUrl, { inputData: { redirect_uri: 'x', state: 'y' } }),
      );
      expect(url.searchParams.get('scope')).toBe(
        `${authentication.oauth2Config.scope} calendars.readonly opportunities.write`,
      );
    } finally {
      delete process.env.HIGHLEVEL_EXTRA_SCOPES;
    }
  });

  it('follows HIGHLEVEL_MARKETPLACE_URL so the app can run against the sandbox', async () => {
    process.env.HIGHLEVEL_MARKETPLACE_URL = 'http://127.0.0.1:8787/';
    try {
      const url = await appTester(authorizeUrl, { inputData: { redirect_uri: 'x', state: 'y' } });
      expect(url.startsWith('http://127.0.0.1:8787/v2/oauth/chooselocation?')).toBe(true);
    } finally {
      delete process.env.HIGHLEVEL_MARKETPLACE_URL;
    }
  });

  it('exchanges the code for a location token, form-encoded and without a bearer', async () => {
    let sent: Record<string, string> = {};
    const scope = nock(API, { badheaders: ['authorization'] })
      .post('/oauth/token', (body) => {
        sent = typeof body === 'string' ? form(body) : body;
        return true;
      })
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .reply(200, tokenResponse);

    const result = await appTester(getAccessToken, {
      inputData: { code: 'code-123', redirect_uri: 'https://zapier.com/return' },
    });

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({
      client_id: 'test-client-id',
      client_secret: 'test-client-secret',
      grant_type: 'authorization_code',
      code: 'code-123',
      redirect_uri: 'https://zapier.com/return',
      user_type: 'Location',
    });
    expect(result).toEqual({
      access_token: 'new-access-token-0001',
      refresh_token: 'new-refresh-token-0001',
      locationId: LOCATION_ID,
      companyId: 'UAXssdawIWAWD',
      userId: 'y0BeYjuRIlDwsDcOHOJo',
      grantedScopes: 'contacts.readonly contacts.write',
    });
  });

  it('refuses an agency (company) token and tells the user to choose a sub-account', async () => {
    nock(API)
      .post('/oauth/token')
      .reply(200, { ...tokenResponse, userType: 'Company', locationId: undefined });
    const failure = await failureOf(
      appTester(getAccessToken, { inputData: { code: 'c', redirect_uri: 'r' } }),
    );
    expect(failure.message).toMatch(/choose a sub-account/);
  });

  it('says the sign-in was refused without echoing the code', async () => {
    nock(API)
      .post('/oauth/token')
      .reply(400, { error: 'invalid_grant', error_description: 'Invalid code: code-123' });
    const failure = await failureOf(
      appTester(getAccessToken, { inputData: { code: 'code-123', redirect_uri: 'r' } }),
    );
    expect(failure.message).toMatch(/did not accept the sign-in/);
    expect(failure.message).not.toContain('code-123');
  });

  it('refreshes with the rotating refresh token and keeps the new one', async () => {
    let sent: Record<string, string> = {};
    nock(API, { badheaders: ['authorization'] })
      .post('/oauth/token', (body) => {
        sent = typeof body === 'string' ? form(body) : body;
        return true;
      })
      .reply(200, { ...tokenResponse, refresh_token: 'rotated-refresh-token-2' });

    const result = await appTester(refreshAccessToken, { authData });

    expect(sent).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: authData.refresh_token,
      user_type: 'Location',
    });
    expect(result.refresh_token).toBe('rotated-refresh-token-2');
    expect(result.access_token).toBe('new-access-token-0001');
    expect(result.locationId).toBe(LOCATION_ID);
    expect(result.grantedScopes).toBe(tokenResponse.scope);
  });

  it('keeps the current refresh token and scopes when a refresh reply omits them', async () => {
    const { refresh_token: _omitted, scope: _unsaid, ...reply } = tokenResponse;
    nock(API).post('/oauth/token').reply(200, reply);
    const result = await appTester(refreshAccessToken, {
      authData: { ...authData, grantedScopes: 'contacts.readonly' },
    });
    expect(result.access_token).toBe('new-access-token-0001');
    expect(result.refresh_token).toBe(authData.refresh_token);
    expect(result.grantedScopes).toBe('contacts.readonly');
  });

  it.each([400, 401])(
    'turns a refused refresh (%i) into "reconnect", without tokens in the message',
    async (status) => {
      nock(API)
        .post('/oauth/token')
        .reply(status, {
          error: 'invalid_grant',
          error_description: `Invalid refresh token ${authData.refresh_token}`,
        });
      const failure = await failureOf(appTester(refreshAccessToken, { authData }));
      expect(failure.name).toBe('ExpiredAuthError');
      expect(failure.message).toMatch(/reconnect your HighLevel account/);
      expect(failure.message).not.toContain(authData.refresh_token);
      expect(failure.message).not.toContain(authData.access_token);
    },
  );

  it('says which refusal it was: "Location is not active" (400) expires the connection', async () => {
    nock(API)
      .post('/oauth/token')
      .reply(400, { statusCode: 400, message: 'Location is not active' });
    const failure = await failureOf(appTester(refreshAccessToken, { authData }));
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toMatch(/\(Location is not active\)\. Please reconnect/);
  });

  describe('a token request that failed without being refused never expires the connection', () => {
    const tokenRequests = {
      refresh: () => appTester(refreshAccessToken, { authData }),
      'code exchange': () =>
        appTester(getAccessToken, { inputData: { code: 'code-123', redirect_uri: 'r' } }),
    };
    const names = Object.keys(tokenRequests) as Array<keyof typeof tokenRequests>;
    const expectNoSecrets = (message: string) => {
      for (const secret of [authData.refresh_token, 'code-123', 'test-client-secret']) {
        expect(message).not.toContain(secret);
      }
    };

    it.each(names.flatMap((name) => [500, 502, 503].map((status) => ({ name, status }))))(
      '$name answered $status: HighLevel failed, the step can be retried',
      async ({ name, status }) => {
        nock(API).post('/oauth/token').reply(status, `<html>${authData.refresh_token}</html>`);
        const failure = await failureOf(tokenRequests[name]());
        expect(failure).toMatchObject({ name: 'AppError', code: 'highlevel_unavailable', status });
        expect(failure.message).toMatch(/\(HTTP \d+\).*the step can be retried\.$/);
        expectNoSecrets(failure.message);
      },
    );

    it.each([
      [{ 'Retry-After': '7' }, 7],
      [{ 'X-RateLimit-Interval-Milliseconds': '2500' }, 3],
    ])('429 with %j: Zapier throttling with a delay of %i s', async (headers, delay) => {
      nock(API)
        .post('/oauth/token')
        .reply(429, { statusCode: 429, message: 'Too many requests' }, headers);
      const failure = await failureOf(appTester(refreshAccessToken, { authData }));
      expect(failure).toMatchObject({ name: 'ThrottledError', delay });
    });

    it.each(names)('%s without an answer: HighLevel could not be reached', async (name) => {
      nock(API)
        .post('/oauth/token')
        .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
      const failure = await failureOf(tokenRequests[name]());
      expect(failure).toMatchObject({ name: 'AppError', code: 'network_error' });
      expect(failure.message).toMatch(/^Could not reach HighLevel \(.*socket hang up.*\)\./);
    });

    it('gives up on a token request after the request timeout', async () => {
      process.env.HIGHLEVEL_REQUEST_TIMEOUT_MS = '50';
      try {
        nock(API).post('/oauth/token').delay(500).reply(200, tokenResponse);
        const failure = await failureOf(appTester(refreshAccessToken, { authData }));
        expect(failure).toMatchObject({ code: 'network_error' });
        expect(failure.message).toMatch(/timeout/);
      } finally {
        delete process.env.HIGHLEVEL_REQUEST_TIMEOUT_MS;
      }
    });

    it("a 422 keeps HighLevel's words, without the refresh token", async () => {
      nock(API)
        .post('/oauth/token')
        .reply(422, {
          statusCode: 422,
          message: [`refresh_token ${authData.refresh_token} must be shorter`],
        });
      const failure = await failureOf(appTester(refreshAccessToken, { authData }));
      expect(failure).toMatchObject({ name: 'AppError', code: 'rejected', status: 422 });
      expectNoSecrets(failure.message);
    });

    it.each([
      ['no access_token', { ...tokenResponse, access_token: undefined }, 'unexpected_response'],
      ['a body that is not JSON', '<html>ok</html>', 'unreadable_response'],
    ])('a 200 with %s', async (_what, body, code) => {
      nock(API)
        .post('/oauth/token')
        .reply(200, body as nock.Body);
      const failure = await failureOf(appTester(refreshAccessToken, { authData }));
      expect(failure).toMatchObject({ name: 'AppError', code });
    });
  });

  it('tests the connection with GET /locations/{locationId} and labels it with the location name', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}`)
      .reply(200, {
        location: { id: LOCATION_ID, name: 'Acme Dental', companyId: 'UAXssdawIWAWD' },
      });
    const result = await appTester(testConnection, { authData });
    expect(result.name).toBe('Acme Dental');
    expect(authentication.connectionLabel).toBe('{{name}}');
  });

  it('labels a connection whose location has no name without showing an id or a token', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}`)
      .reply(200, { location: { id: LOCATION_ID, name: '' } });
    const result = await appTester(testConnection, { authData });
    expect(result.name).toBe('HighLevel sub-account');
  });

  it('asks for a refresh when the access token has expired', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}`)
      .reply(401, { statusCode: 401, message: 'Invalid JWT' });
    const failure = await failureOf(appTester(testConnection, { authData }));
    expect(failure.name).toBe('RefreshAuthError');
  });

  it('explains that an agency connection cannot be used, without a request', async () => {
    const failure = await failureOf(
      appTester(testConnection, { authData: { ...authData, locationId: '' } }),
    );
    expect(failure.message).toMatch(/only works with a sub-account/);
  });

  it('keeps locationId, companyId, userId and the granted scopes as computed connection fields', () => {
    expect(authentication.fields.map((field) => [field.key, field.computed])).toEqual([
      ['locationId', true],
      ['companyId', true],
      ['userId', true],
      ['grantedScopes', true],
    ]);
  });
});
