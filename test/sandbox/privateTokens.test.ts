// The sandbox's Private Integration Tokens: issued with chosen scopes from the admin route, used
// like HighLevel's (the same base URL and Version header), never expiring, refused once revoked.
import { parseCliArgs, howTo, runCli } from '../../sandbox/cli';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { client } from './helpers';
import fs from 'fs';
import os from 'os';
import path from 'path';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: false });
});
afterAll(() => sandbox.close());

const issue = async (body: Record<string, unknown>) => {
  const reply = await client(sandbox)('POST', '/__sandbox/private-tokens', body);
  expect(reply.status).toBe(201);
  return reply.body as { token: string; locationId?: string; scopes: string[]; userType: string };
};

describe('Private Integration Tokens in the sandbox', () => {
  it('issues a sub-account token with the chosen scopes, which reads within them only', async () => {
    const issued = await issue({
      locationId: SEED.locations.bright,
      scopes: 'locations.readonly contacts.readonly',
    });
    expect(issued).toMatchObject({
      token: expect.stringMatching(/^pit-[0-9a-f-]{36}$/),
      userType: 'Location',
      locationId: SEED.locations.bright,
      scopes: ['locations.readonly', 'contacts.readonly'],
    });
    const call = client(sandbox, issued.token);
    const location = await call('GET', `/locations/${SEED.locations.bright}`);
    expect(location.status).toBe(200);
    expect(location.body.location.name).toBe('Bright Smiles Orthodontics');

    const write = await call('POST', '/contacts/', {
      locationId: SEED.locations.bright,
      firstName: 'Ada',
    });
    expect(write.status).toBe(401);
    expect(write.body.message).toBe('The token is not authorized for this scope.');

    const other = await call('GET', `/locations/${SEED.locations.acme}`);
    expect(other.status).toBe(403);
  });

  it('issues an agency token that reads a sub-account but not its contacts', async () => {
    const { token, userType } = await issue({ agency: true });
    expect(userType).toBe('Company');
    const call = client(sandbox, token);
    expect((await call('GET', `/locations/${SEED.locations.acme}`)).status).toBe(200);
    const search = await call('POST', '/contacts/search', {
      locationId: SEED.locations.acme,
      pageLimit: 1,
    });
    expect(search.status).toBe(401);
    expect(search.body.message).toMatch(/not yet supported by the IAM Service/);
  });

  it('refuses a token once it is rotated or deleted', async () => {
    const { token } = await issue({});
    const call = client(sandbox, token);
    expect((await call('GET', `/locations/${SEED.locations.acme}`)).status).toBe(200);
    const revoked = await client(sandbox)('DELETE', '/__sandbox/private-tokens', { token });
    expect(revoked.body).toEqual({ revoked: true });
    expect((await call('GET', `/locations/${SEED.locations.acme}`)).status).toBe(401);
  });

  it('refuses to issue a token for a location it does not have', async () => {
    const reply = await client(sandbox)('POST', '/__sandbox/private-tokens', {
      locationId: 'nope',
    });
    expect(reply.status).toBe(400);
  });
});

describe('npm run sandbox', () => {
  it('issues a Private Integration Token on start and prints it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-pit-'));
    const options = {
      ...parseCliArgs(['--port', '0', '--data', path.join(dir, 'data.json'), '--no-env']),
    };
    const { sandbox: started, tokens, privateToken } = await runCli(options);
    try {
      const line = howTo(options, started, tokens, privateToken)
        .split('\n')
        .find((text) => text.includes('Private Integration Token'));
      expect(line).toContain(privateToken.token);
      expect(line).toContain(`location ${SEED.locations.acme}`);
      const reply = await client(started, privateToken.token)(
        'GET',
        `/locations/${SEED.locations.acme}`,
      );
      expect(reply.status).toBe(200);
    } finally {
      await started.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
