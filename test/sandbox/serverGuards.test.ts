// The checks every API request passes through, in HighLevel's order.
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { client, tokenRequest } from './helpers';

const acme = SEED.locations.acme;
const bright = SEED.locations.bright;
const jane = SEED.contacts.janeCooper;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
});
afterAll(() => sandbox.close());

describe('start and stop', () => {
  it('listens on a random loopback port and frees it on close', async () => {
    const other = await startSandbox({ seed: false });
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(other.port).toBeGreaterThan(0);
    const health = await fetch(`${other.url}/__sandbox/health`);
    expect(health.status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}/__sandbox/health`)).rejects.toThrow();
  });
});

describe('request guards', () => {
  it('rejects a request without the Version header (400)', async () => {
    const token = sandbox.issueTokens().access_token;
    const reply = await client(sandbox, token)('GET', `/contacts/${jane}`, undefined, {
      Version: '',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ statusCode: 400, message: 'Version header was not found' });
  });

  it('rejects a missing, unknown or expired token with 401 Invalid JWT', async () => {
    const none = await client(sandbox)('GET', `/contacts/${jane}`);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
    const bogus = await client(sandbox, 'not-a-token')('GET', `/contacts/${jane}`);
    expect(bogus.status).toBe(401);
    const tokens = sandbox.issueTokens();
    expect((await client(sandbox, tokens.access_token)('GET', `/contacts/${jane}`)).status).toBe(
      200,
    );
    sandbox.expireAccessToken(tokens.access_token);
    const expired = await client(sandbox, tokens.access_token)('GET', `/contacts/${jane}`);
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('Invalid JWT');
  });

  it("answers 403 when a location B token touches location A's contact or locationId", async () => {
    const call = client(sandbox, sandbox.issueTokens(bright).access_token);
    const byPath = await call('GET', `/contacts/${jane}`);
    expect(byPath.status).toBe(403);
    expect(byPath.body).toEqual({
      statusCode: 403,
      message: 'The token does not have access to this location.',
    });
    const byBody = await call('POST', '/contacts/search', { locationId: acme, pageLimit: 10 });
    expect(byBody.status).toBe(403);
    const byQuery = await call('GET', `/campaigns/?locationId=${acme}`);
    expect(byQuery.status).toBe(403);
    const own = await call('POST', '/contacts/search', { locationId: bright, pageLimit: 10 });
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(3);
  });

  it('answers 422 with a message array for a property the spec forbids', async () => {
    const call = client(sandbox, sandbox.issueTokens().access_token);
    const reply = await call('PUT', `/contacts/${jane}`, {
      firstName: 'Janet',
      additionalEmails: ['j@x.io'],
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      statusCode: 422,
      message: ['property additionalEmails should not exist'],
      error: 'Unprocessable Entity',
    });
    const unchanged = await call('GET', `/contacts/${jane}`);
    expect(unchanged.body.contact.firstName).toBe('Jane');
  });

  it('answers an unknown contact id with 400 "Contact with id … not found", as HighLevel does', async () => {
    const call = client(sandbox, sandbox.issueTokens().access_token);
    const unknown = 'AAAAAAAAAAAAAAAAAAAA';
    const said = { statusCode: 400, message: `Contact with id ${unknown} not found` };
    for (const [method, path] of [
      ['GET', `/contacts/${unknown}`],
      ['PUT', `/contacts/${unknown}`],
      ['DELETE', `/contacts/${unknown}`],
      ['GET', `/contacts/${unknown}/tasks`],
      ['GET', `/contacts/${unknown}/notes/${unknown}`],
      ['POST', `/contacts/${unknown}/tags`],
    ] as const) {
      const body =
        method === 'PUT' ? { city: 'X' } : method === 'POST' ? { tags: ['x'] } : undefined;
      const reply = await call(method, path, body);
      expect([method, path, reply.status, reply.body]).toEqual([method, path, 400, said]);
    }
  });

  it('answers 404 per object kind for other missing path objects', async () => {
    const call = client(sandbox, sandbox.issueTokens().access_token);
    expect((await call('GET', `/contacts/${jane}/tasks/AAAAAAAAAAAAAAAAAAAA`)).body.message).toBe(
      'Task not found',
    );
    expect((await call('GET', `/contacts/${jane}/notes/AAAAAAAAAAAAAAAAAAAA`)).body.message).toBe(
      'Note not found',
    );
    expect((await call('POST', `/contacts/${jane}/campaigns/nope`, {})).body.message).toBe(
      'Campaign not found',
    );
    expect((await call('DELETE', `/contacts/${jane}/workflow/nope`, {})).body.message).toBe(
      'Workflow not found',
    );
    expect((await call('GET', '/no/such/route')).status).toBe(404);
  });

  it('rejects an agency (Company) token on contacts routes but not on agency-capable lookups', async () => {
    const code = sandbox.authorize(acme, 'https://app.example/cb');
    const exchanged = await tokenRequest(sandbox, {
      client_id: 'sandbox-client-id',
      client_secret: 'sandbox-client-secret',
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://app.example/cb',
      user_type: 'Company',
    });
    expect(exchanged.body).toMatchObject({
      userType: 'Company',
      companyId: SEED.companyId,
      approvedLocations: [acme],
    });
    expect(exchanged.body.locationId).toBeUndefined();
    const call = client(sandbox, exchanged.body.access_token);
    const contacts = await call('GET', `/contacts/${jane}`);
    expect(contacts.status).toBe(401);
    expect(contacts.body.message).toBe('This route is not yet supported by the IAM Service');
    const location = await call('GET', `/locations/${acme}`);
    expect(location.status).toBe(200);
    expect(location.body.location.name).toBe('Acme Dental');
  });

  it('enforces the scopes granted at authorization', async () => {
    const code = sandbox.authorize(acme, 'https://app.example/cb');
    // Re-mint with a narrower scope through the consent route.
    const approve = await fetch(
      `${sandbox.url}/v2/oauth/chooselocation/approve?client_id=sandbox-client-id&redirect_uri=${encodeURIComponent('https://app.example/cb')}&scope=contacts.readonly&locationId=${acme}`,
      { redirect: 'manual' },
    );
    const narrowCode = new URL(approve.headers.get('location')!).searchParams.get('code')!;
    expect(code).not.toBe(narrowCode);
    const tokens = await tokenRequest(sandbox, {
      client_id: 'sandbox-client-id',
      client_secret: 'sandbox-client-secret',
      grant_type: 'authorization_code',
      code: narrowCode,
      redirect_uri: 'https://app.example/cb',
    });
    const call = client(sandbox, tokens.body.access_token);
    expect((await call('GET', `/contacts/${jane}`)).status).toBe(200);
    const write = await call('POST', `/contacts/${jane}/tags`, { tags: ['x'] });
    expect(write.status).toBe(401);
    expect(write.body.message).toBe('The token is not authorized for this scope.');
  });
});
