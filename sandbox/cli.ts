// `npm run sandbox` (compiled: dist/sandbox/cli.js): starts the sandbox on a fixed port with a
// data file, writes .env for `zapier-platform invoke`, and runs until Ctrl+C.
import fs from 'fs';
import path from 'path';
import { type IssuedPrivateToken, issuePrivateToken } from './auth/privateTokens';
import {
  connectionOf,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  Sandbox,
  SandboxTokens,
  startSandbox,
} from './server';

export interface CliOptions {
  port: number;
  host: string;
  dataPath: string;
  envPath: string;
  writeEnv: boolean;
  seed: boolean;
  /** Where to send HighLevel's app webhooks; undefined: nowhere. */
  webhookUrl?: string;
  help: boolean;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_PATH = '.sandbox-data/sandbox.json';

export const USAGE = `Usage: npm run sandbox -- [--data <file>] [--port <n>] [--host <addr>] [--no-env] [--no-seed]
  --data <file>  JSON file holding the sandbox's data (env SANDBOX_DATA, default ${DEFAULT_DATA_PATH})
  --port <n>     port to listen on (env SANDBOX_PORT, default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>  address to bind (default 127.0.0.1)
  --no-env       do not write .env
  --no-seed      start empty instead of with the demo data (only when the data file is new)
  --webhook-url <url>  send HighLevel's app webhooks there (env SANDBOX_WEBHOOK_URL; default: none)`;

/** Pure: reads flags (`--data x` or `--data=x`) and falls back to the environment. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = {}): CliOptions {
  const options: CliOptions = {
    port: env.SANDBOX_PORT ? Number(env.SANDBOX_PORT) : DEFAULT_PORT,
    host: '127.0.0.1',
    dataPath: env.SANDBOX_DATA || DEFAULT_DATA_PATH,
    envPath: '.env',
    writeEnv: true,
    seed: true,
    webhookUrl: env.SANDBOX_WEBHOOK_URL || undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--data') options.dataPath = value();
    else if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--no-env') options.writeEnv = false;
    else if (flag === '--no-seed') options.seed = false;
    else if (flag === '--webhook-url') options.webhookUrl = value();
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`Unknown option ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`Invalid port ${options.port}`);
  }
  if (options.webhookUrl !== undefined && !URL.canParse(options.webhookUrl)) {
    throw new Error(`Invalid webhook URL ${options.webhookUrl}: give an absolute http(s) URL`);
  }
  return options;
}

/** The variables `zapier-platform invoke` reads: base URLs, client credentials and authData. */
export function envValues(url: string, tokens: SandboxTokens): Record<string, string> {
  return {
    HIGHLEVEL_API_BASE_URL: url,
    HIGHLEVEL_MARKETPLACE_URL: url,
    CLIENT_ID: DEFAULT_CLIENT_ID,
    CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
    ...Object.fromEntries(
      Object.entries(connectionOf(tokens)).map(([key, value]) => [`authData_${key}`, value]),
    ),
  };
}

/** Pure: replaces our variables in an existing .env and keeps every other line as it was. */
export function renderEnvFile(values: Record<string, string>, existing = ''): string {
  const kept = existing
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .filter((line) => !Object.keys(values).includes(line.split('=')[0]!.trim()));
  // Quoted when it has spaces (the granted scopes), as dotenv reads it.
  const ours = Object.entries(values).map(([key, value]) =>
    /\s/.test(value) ? `${key}="${value}"` : `${key}=${value}`,
  );
  return `${[...kept, ...ours].join('\n')}\n`;
}

export async function runCli(
  options: CliOptions,
): Promise<{ sandbox: Sandbox; tokens: SandboxTokens; privateToken: IssuedPrivateToken }> {
  const sandbox = await startSandbox({
    port: options.port,
    host: options.host,
    dataPath: path.resolve(options.dataPath),
    seed: options.seed,
    webhookUrl: options.webhookUrl,
  });
  const tokens = sandbox.issueTokens();
  const privateToken = issuePrivateToken(sandbox.store, { locationId: tokens.locationId });
  if (options.writeEnv) {
    const existing = fs.existsSync(options.envPath) ? fs.readFileSync(options.envPath, 'utf8') : '';
    fs.writeFileSync(options.envPath, renderEnvFile(envValues(sandbox.url, tokens), existing));
  }
  return { sandbox, tokens, privateToken };
}

export function howTo(
  options: CliOptions,
  sandbox: Sandbox,
  tokens: SandboxTokens,
  privateToken?: IssuedPrivateToken,
): string {
  const location = sandbox.store.locations.get(tokens.locationId);
  const authorize = `${sandbox.url}/v2/oauth/chooselocation?response_type=code&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=${encodeURIComponent('http://127.0.0.1/callback')}&state=xyz`;
  return [
    `HighLevel sandbox listening on ${sandbox.url}`,
    `  data:      ${options.dataPath} (delete it to start over from the seed)`,
    options.writeEnv
      ? `  .env:      written for \`zapier-platform invoke\` (location ${location?.name ?? ''} ${tokens.locationId}, token valid ${tokens.expires_in} s)`
      : '  .env:      not written (--no-env)',
    `  try:       curl -H "Authorization: Bearer ${tokens.access_token.slice(0, 16)}…" -H "Version: 2021-07-28" ${sandbox.url}/locations/${tokens.locationId}`,
    `  consent:   ${authorize}`,
    ...(privateToken
      ? [
          `  token:     ${privateToken.token} (Private Integration Token, location ${privateToken.locationId}, every scope) for the HIGHLEVEL_AUTH=private-token build`,
        ]
      : []),
    `  admin:     GET ${sandbox.url}/__sandbox/requests · POST/DELETE /__sandbox/faults · POST /__sandbox/tokens · POST /__sandbox/private-tokens · GET /__sandbox/seed`,
    `  webhooks:  ${sandbox.webhooks.url ? `sent to ${sandbox.webhooks.url}` : 'not sent (no URL: --webhook-url, SANDBOX_WEBHOOK_URL, or PUT /__sandbox/webhooks/url)'}`,
    `             signed with the keys at GET ${sandbox.url}/__sandbox/webhooks/public-keys (ed25519: x-ghl-signature, rsa: x-wh-signature) · log: GET /__sandbox/webhooks/log`,
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { sandbox, tokens, privateToken } = await runCli(options);
  console.log(howTo(options, sandbox, tokens, privateToken));
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
