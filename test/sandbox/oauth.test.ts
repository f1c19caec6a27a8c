import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { client, tokenRequest } from './helpers';

const acme = SEED.locations.acme;
const redirectUri = 'https://zapier.example/return';
const credentials = { client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false, accessTokenTtlSeconds: 3600 });
});
afterAll(() => sandbox.close());

describe('consent page', () => {
  it('serves an HTML page listing the locations with an Approve button', async () => {
    const url = `${sandbox.url}/v2/oauth/chooselocation?response_type=code&client_id=sandbox-client-id&redirect_uri=${encodeURIComponent(redirectUri)}&scope=contacts.readonly%20contacts.write&state=s-123`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('Acme Dental');
    expect(html).toContain('Bright Smiles Orthodontics');
    expect(html).toContain(`type="radio" name="locationId" value="${acme}"`);
    expect(html).toMatch(/<button type="submit">Approve<\/button>/);
    expect(html).toContain('value="s-123"');
  });

  it('answers 400 for an unknown client_id', async () => {
    const response = await fetch(
      `${sandbox.url}/v2/oauth/chooselocation?response_type=code&client_id=other&redirect_uri=${encodeURIComponent(redirectUri)}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown client_id');
  });

  it('redirects the approved form back with code and state, and the code exchanges once', async () => {
    const form = new URLSearchParams({
      client_id: 'sandbox-client-id',
      redirect_uri: redirectUri,
      state: 's-123',
      locationId: SEED.locations.bright,
    });
    const approved = await fetch(`${sandbox.url}/v2/oauth/chooselocation/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('s-123');
    const code = location.searchParams.get('code')!;
    const exchange = {
      ...credentials,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      user_type: 'Location',
    };
    const tokens = await tokenRequest(sandbox, exchange);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      userType: 'Location',
      locationId: SEED.locations.bright,
      companyId: SEED.companyId,
      userId: SEED.users.owen,
    });
    expect(tokens.body.scope).toContain('contacts.write');
    const replay = await tokenRequest(sandbox, exchange);
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual({
      statusCode: 400,
      message: 'Invalid grant: the authorization code is invalid, expired or used',
    });
  });
});

describe('POST /oauth/token', () => {
  it('rejects a redirect_uri that differs from the authorization request', async () => {
    const code = sandbox.authorize(acme, redirectUri);
    const reply = await tokenRequest(sandbox, {
      ...credentials,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://evil.example/',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      statusCode: 400,
      message: 'Invalid grant: redirect_uri does not match the authorization request',
    });
  });

  // Refusals have the bodies apps/oauth.json declares (sandbox/routes/oauth-token.ts says why).
  it('rejects bad client credentials with 401 and the spec’s UnauthorizedDTO', async () => {
    const code = sandbox.authorize(acme, redirectUri);
    const reply = await tokenRequest(sandbox, {
      ...credentials,
      client_secret: 'wrong',
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      statusCode: 401,
      message: 'Invalid client credentials',
      error: 'Unauthorized',
    });
  });

  it('rejects a body without the required fields with 422', async () => {
    const reply = await tokenRequest(sandbox, { client_id: 'sandbox-client-id' });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toEqual(
      expect.arrayContaining([
        'client_secret should not be empty',
        'grant_type should not be empty',
      ]),
    );
  });

  it('rotates refresh tokens: the new pair works, the old refresh token is rejected', async () => {
    const code = sandbox.authorize(acme, redirectUri);
    const first = await tokenRequest(sandbox, {
      ...credentials,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    });
    const refreshed = await tokenRequest(sandbox, {
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
      user_type: 'Location',
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    expect(refreshed.body.locationId).toBe(acme);
    const call = client(sandbox, refreshed.body.access_token);
    expect((await call('GET', `/locations/${acme}`)).status).toBe(200);
    const reused = await tokenRequest(sandbox, {
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({
      statusCode: 400,
      message: 'Invalid grant: the refresh token is invalid or was already used',
    });
  });

  it('answers 400 for a grant type it does not support', async () => {
    const reply = await tokenRequest(sandbox, { ...credentials, grant_type: 'client_credentials' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      statusCode: 400,
      message: 'Unsupported grant_type: only authorization_code and refresh_token are supported',
    });
  });

  it('accepts a JSON body too', async () => {
    const code = sandbox.authorize(acme, redirectUri);
    const response = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...credentials,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }),
    });
    expect(response.status).toBe(200);
  });

  it('lets an agency token mint a location token via /oauth/locationToken', async () => {
    const code = sandbox.authorize(acme, redirectUri);
    const agency = await tokenRequest(sandbox, {
      ...credentials,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      user_type: 'Company',
    });
    const response = await fetch(`${sandbox.url}/oauth/locationToken`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${agency.body.access_token}`,
        Version: '2021-07-28',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ companyId: SEED.companyId, locationId: acme }).toString(),
    });
    const body = (await response.json()) as { locationId: string; access_token: string };
    expect(response.status).toBe(200);
    expect(body.locationId).toBe(acme);
    expect(
      (await client(sandbox, body.access_token)('GET', `/contacts/${SEED.contacts.janeCooper}`))
        .status,
    ).toBe(200);
  });
});

describe('access tokens', () => {
  it('expire on their own once their expires_in has passed; a refresh brings a working one', async () => {
    const shortLived = await startSandbox({ rateLimit: false, accessTokenTtlSeconds: 1 });
    try {
      const code = shortLived.authorize(acme, redirectUri);
      const issued = await tokenRequest(shortLived, {
        ...credentials,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      });
      expect(issued.body.expires_in).toBe(1);
      const call = client(shortLived, issued.body.access_token);
      expect((await call('GET', `/locations/${acme}`)).status).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, 1100));

      const expired = await call('GET', `/locations/${acme}`);
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      const refreshed = await tokenRequest(shortLived, {
        ...credentials,
        grant_type: 'refresh_token',
        refresh_token: issued.body.refresh_token,
      });
      expect(refreshed.status).toBe(200);
      const renewed = client(shortLived, refreshed.body.access_token);
      expect((await renewed('GET', `/locations/${acme}`)).status).toBe(200);
    } finally {
      await shortLived.close();
    }
  });
});

describe('authorization codes', () => {
  it('expire (after 10 minutes by default) and are single use', () => {
    const grant = {
      userType: 'Location' as const,
      locationId: acme,
      companyId: SEED.companyId,
      userId: SEED.users.dana,
      scope: 'contacts.readonly',
      clientId: 'sandbox-client-id',
    };
    const expired = sandbox.store.auth.createCode(grant, redirectUri, -1);
    expect(sandbox.store.auth.consumeCode(expired)).toBeUndefined();
    const live = sandbox.store.auth.createCode(grant, redirectUri);
    const record = sandbox.store.auth.consumeCode(live);
    expect(record!.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(sandbox.store.auth.consumeCode(live)).toBeUndefined();
  });
});
