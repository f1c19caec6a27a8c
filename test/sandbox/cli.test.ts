import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  DEFAULT_DATA_PATH,
  envValues,
  howTo,
  parseCliArgs,
  renderEnvFile,
  runCli,
} from '../../sandbox/cli';

describe('parseCliArgs', () => {
  it('defaults to port 8787 and the .sandbox-data file', () => {
    expect(parseCliArgs([], {})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataPath: DEFAULT_DATA_PATH,
      writeEnv: true,
      seed: true,
    });
  });

  it('reads SANDBOX_PORT and SANDBOX_DATA, and flags override them', () => {
    expect(parseCliArgs([], { SANDBOX_PORT: '9000', SANDBOX_DATA: 'data/a.json' })).toMatchObject({
      port: 9000,
      dataPath: 'data/a.json',
    });
    expect(
      parseCliArgs(['--data', 'b.json', '--port=0', '--no-env'], { SANDBOX_DATA: 'data/a.json' }),
    ).toMatchObject({ port: 0, dataPath: 'b.json', writeEnv: false });
  });

  it('reads the webhook URL from SANDBOX_WEBHOOK_URL or --webhook-url; none by default', () => {
    expect(parseCliArgs([], {}).webhookUrl).toBeUndefined();
    expect(parseCliArgs([], { SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9/a' }).webhookUrl).toBe(
      'http://127.0.0.1:9/a',
    );
    expect(
      parseCliArgs(['--webhook-url=http://127.0.0.1:9/b'], {
        SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9/a',
      }).webhookUrl,
    ).toBe('http://127.0.0.1:9/b');
    expect(() => parseCliArgs(['--webhook-url', 'nowhere'])).toThrow(/Invalid webhook URL nowhere/);
  });

  it('rejects unknown flags, missing values and bad ports', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(/Unknown option --nope/);
    expect(() => parseCliArgs(['--data'])).toThrow(/--data needs a value/);
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/Invalid port/);
  });
});

describe('.env rendering', () => {
  const values = envValues('http://127.0.0.1:8787', {
    access_token: 'at',
    refresh_token: 'rt',
    token_type: 'Bearer',
    scope: 'contacts.readonly contacts.write',
    userType: 'Location',
    locationId: 'loc',
    companyId: 'co',
    userId: 'usr',
    expires_in: 86399,
  });

  it('writes the variables zapier-platform invoke needs', () => {
    expect(renderEnvFile(values)).toBe(
      [
        'HIGHLEVEL_API_BASE_URL=http://127.0.0.1:8787',
        'HIGHLEVEL_MARKETPLACE_URL=http://127.0.0.1:8787',
        'CLIENT_ID=sandbox-client-id',
        'CLIENT_SECRET=sandbox-client-secret',
        'authData_access_token=at',
        'authData_refresh_token=rt',
        'authData_locationId=loc',
        'authData_companyId=co',
        'authData_userId=usr',
        'authData_grantedScopes="contacts.readonly contacts.write"',
        '',
      ].join('\n'),
    );
  });

  it('keeps unrelated lines of an existing .env and replaces ours', () => {
    const rendered = renderEnvFile(values, 'MY_SETTING=1\nauthData_access_token=old\n');
    expect(rendered.startsWith('MY_SETTING=1\n')).toBe(true);
    expect(rendered).not.toContain('old');
    expect(rendered.match(/authData_access_token=/g)).toHaveLength(1);
  });
});

describe('runCli', () => {
  it('starts a sandbox on the data file and writes a working .env', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-cli-'));
    const envPath = path.join(dir, '.env');
    const options = {
      ...parseCliArgs(['--port', '0', '--data', path.join(dir, 'data.json')]),
      envPath,
    };
    const { sandbox, tokens } = await runCli(options);
    try {
      const env = Object.fromEntries(
        fs
          .readFileSync(envPath, 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(/=(.*)/s, 2) as [string, string]),
      );
      expect(env.HIGHLEVEL_API_BASE_URL).toBe(sandbox.url);
      expect(env.authData_access_token).toBe(tokens.access_token);
      const response = await fetch(
        `${env.HIGHLEVEL_API_BASE_URL}/locations/${env.authData_locationId}`,
        {
          headers: { Authorization: `Bearer ${env.authData_access_token}`, Version: '2021-07-28' },
        },
      );
      expect(response.status).toBe(200);
      expect(fs.existsSync(path.join(dir, 'data.json'))).toBe(true);
      const printed = howTo(options, sandbox, tokens);
      expect(printed).toContain('webhooks:  not sent (no URL');
      expect(printed).toContain(`GET ${sandbox.url}/__sandbox/webhooks/public-keys`);
    } finally {
      await sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes the webhook URL to the sandbox and prints it', async () => {
    const options = {
      ...parseCliArgs(['--port', '0', '--no-env', '--webhook-url', 'http://127.0.0.1:9/hooks']),
      dataPath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-cli-')), 'data.json'),
    };
    const { sandbox, tokens } = await runCli(options);
    try {
      expect(sandbox.webhooks.url).toBe('http://127.0.0.1:9/hooks');
      expect(howTo(options, sandbox, tokens)).toContain(
        'webhooks:  sent to http://127.0.0.1:9/hooks',
      );
    } finally {
      await sandbox.close();
      fs.rmSync(path.dirname(options.dataPath), { recursive: true, force: true });
    }
  });
});
