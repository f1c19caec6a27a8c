// What the relay keeps about its callers and their contacts: its info-level logs name events by
// webhookId and never carry a token or a contact's personal data, and the HighLevel access token a
// subscription was made with is stored nowhere (no table, no file of the embedded store; no table
// on PostgreSQL either). The relay runs as `npm run relay` does (relay/main.ts in a child process),
// its output captured.
import fs from 'fs';
import path from 'path';
import { spawnRelayProcess, type RelayProcess } from '../../relay/childProcess';
import { startRelay } from '../../relay';
import { openDatabase, type Database } from '../../relay/store/database';
import { contactBody } from './support/events';
import { startFakeHighLevel, type FakeHighLevel } from './support/fakeHighLevel';
import { startHookReceiver, type HookReceiver } from './support/hookReceiver';
import { bundleRelayEntry } from './support/relayEntry';
import {
  LOCATION,
  OTHER_LOCATION,
  postSigned,
  tempDir,
  testSettings,
} from './support/relayHarness';
import { generateWebhookKeys, highlevelEvent, signedRequest } from './support/signing';
import { freshStore } from './support/stores';

jest.setTimeout(90_000);

const TOKEN = 'pit-RECOGNISABLE-7f3a9c2e-token';
const PERSONAL = {
  email: 'quintessa.leakcheck@example.org',
  phone: '+15550109876',
  firstName: 'Quintessa',
  lastName: 'Leakcheck',
  address1: '42 Wallaby Way',
};
const SECRETS = [TOKEN, ...Object.values(PERSONAL)];

const keys = generateWebhookKeys();
let entry: string;
let dataDir: string;
let highlevel: FakeHighLevel;
let hooks: HookReceiver;
let relay: RelayProcess | undefined;
let output = '';

beforeAll(async () => {
  entry = bundleRelayEntry();
  dataDir = tempDir('relay-privacy-');
  [highlevel, hooks] = await Promise.all([
    startFakeHighLevel({ [TOKEN]: [LOCATION] }),
    startHookReceiver(),
  ]);
  relay = await spawnRelayProcess(
    {
      RELAY_PORT: '0',
      RELAY_HOST: '127.0.0.1',
      RELAY_DATA_DIR: dataDir,
      RELAY_LOG_LEVEL: 'info',
      HIGHLEVEL_WEBHOOK_PUBLIC_KEY: keys.ed25519.publicPem,
      HIGHLEVEL_API_BASE_URL: highlevel.url,
      RELAY_ALLOW_LOOPBACK_TARGETS: '1',
      RELAY_RETRY_BASE_SECONDS: '1',
      RELAY_RETRY_MAX_DELAY_SECONDS: '1',
      RELAY_POLL_INTERVAL_MS: '50',
    },
    { entry },
  );
  // The lines before the relay listens say where it listens; everything after is captured.
  relay.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  relay.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
});
afterAll(async () => {
  relay?.child.kill('SIGKILL');
  await Promise.all([hooks?.close(), highlevel?.close()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(entry), { recursive: true, force: true });
});

const subscribe = (body: Record<string, unknown>, relayUrl = relay!.url) =>
  fetch(`${relayUrl}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });

const contactCreate = (fields: Record<string, unknown> = {}) =>
  highlevelEvent({
    type: 'ContactCreate',
    ...contactBody(LOCATION, { id: 'contact-private', ...PERSONAL }),
    ...fields,
  });

/** Every file under `dir` whose bytes contain `text`. */
function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile() && fs.readFileSync(file).includes(needle));
}

/** Searches every table of the relay and of pg-boss for the token (and, to show the search
 * works, for the contact's email, which the stored events hold). */
async function expectTokenInNoTable(db: Database, subscriptions: number) {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
  );
  const names = tables.map((table) => table.name);
  expect(names).toEqual(expect.arrayContaining(['public.relay_subscriptions', 'pgboss.job']));
  const holding = async (text: string) => {
    const found: string[] = [];
    for (const name of names) {
      const [row] = await db.query<{ hit: boolean }>(
        `SELECT coalesce(bool_or(strpos(t::text, $1) > 0), false) AS hit FROM ${name} t`,
        [text],
      );
      if (row!.hit) found.push(name);
    }
    return found;
  };
  expect(await holding(PERSONAL.email)).toEqual(
    expect.arrayContaining(['public.relay_events', 'pgboss.job']),
  );
  expect(await holding(TOKEN)).toEqual([]);
  const [count] = await db.query<{ n: string }>('SELECT count(*) AS n FROM relay_subscriptions');
  expect(Number(count!.n)).toBe(subscriptions);
}

type LogLine = Record<string, unknown> & { level: number; msg?: string };

describe('the relay’s logs and store', () => {
  const ids: Record<string, string> = {};
  let lines: LogLine[];

  beforeAll(async () => {
    const url = relay!.url;
    const install = highlevelEvent({ type: 'INSTALL', locationId: LOCATION, companyId: 'co' });
    expect((await postSigned(url, keys, install)).status).toBe(200);
    const target = (p: string) => ({ targetUrl: `${hooks.url}${p}`, locationId: LOCATION });
    expect((await subscribe({ ...target('/contacts'), event: 'ContactCreate' })).status).toBe(201);
    expect((await subscribe({ ...target('/flaky'), event: 'ContactCreate' })).status).toBe(201);
    let failures = 1;
    hooks.respond = (p) => (p === '/flaky' && failures-- > 0 ? 503 : 200);

    // Refused subscriptions: a sub-account the token cannot see, a target off the allowlist.
    const denied = await subscribe({
      ...target('/x'),
      locationId: OTHER_LOCATION,
      event: 'TaskCreate',
    });
    expect(denied.status).toBe(403);
    const offList = await subscribe({
      targetUrl: 'https://example.com/x',
      locationId: LOCATION,
      event: 'TaskCreate',
    });
    expect(offList.status).toBe(400);

    const stored = contactCreate();
    ids.stored = stored.webhookId as string;
    expect((await postSigned(url, keys, stored)).status).toBe(200);
    expect((await postSigned(url, keys, stored)).status).toBe(200); // a replay
    const stale = contactCreate({ timestamp: new Date(Date.now() - 3 * 3600_000).toISOString() });
    ids.stale = stale.webhookId as string;
    expect((await postSigned(url, keys, stale)).status).toBe(401);
    const notInstalled = contactCreate({ locationId: 'loc-never-installed' });
    ids.notInstalled = notInstalled.webhookId as string;
    expect((await postSigned(url, keys, notInstalled)).status).toBe(403);
    const unsigned = signedRequest(keys, contactCreate());
    delete unsigned.headers['x-ghl-signature'];
    const unsignedAnswer = await fetch(`${url}/webhooks/highlevel`, {
      method: 'POST',
      headers: unsigned.headers,
      body: unsigned.body,
    });
    expect(unsignedAnswer.status).toBe(401);

    await hooks.waitFor(1, '/contacts');
    await hooks.waitFor(1, '/flaky');
    // SIGTERM: the relay logs its stop and flushes its output before it exits.
    expect(await relay!.stop()).toBe(0);
    lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  });

  it('logs at info level, and never a token or a contact’s personal data', () => {
    expect(lines.some((line) => line.msg === 'relay stopping')).toBe(true);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });

  it('names each verified event by its webhookId', () => {
    const about = (webhookId: string) =>
      lines.filter((line) => line.webhookId === webhookId).map((line) => [line.msg, line.reason]);
    expect(about(ids.stored!)).toEqual(
      expect.arrayContaining([
        ['webhook stored', undefined],
        ['webhook already stored', undefined],
        ['delivery will be retried', undefined],
      ]),
    );
    expect(about(ids.stale!)).toEqual([['webhook refused', 'stale']]);
    expect(about(ids.notInstalled!)).toEqual([['webhook refused', 'not_installed']]);
    // Only a refusal before the body is trusted (no valid signature) has no id to name.
    const unnamed = lines.filter(
      (line) => /webhook|deliver/.test(line.msg ?? '') && line.webhookId === undefined,
    );
    expect(unnamed.map((line) => line.reason)).toEqual(['unsigned']);
  });

  it('stores the access token in no table and no file', async () => {
    // The store does keep the events as received: the search finds what is there.
    expect(filesContaining(dataDir, PERSONAL.email)).not.toEqual([]);
    expect(filesContaining(dataDir, TOKEN)).toEqual([]);

    const db = await openDatabase({ dataDir });
    try {
      await expectTokenInNoTable(db, 2);
    } finally {
      await db.close();
    }
  });
});

describe('on PostgreSQL', () => {
  it('stores the access token in no table either', async () => {
    const store = await freshStore('postgres');
    const pg = await startRelay(
      testSettings({
        ...store.settings,
        webhookPublicKey: keys.ed25519.publicPem,
        highlevelApiBaseUrl: highlevel.url,
      }),
    );
    try {
      const install = highlevelEvent({ type: 'INSTALL', locationId: LOCATION, companyId: 'co' });
      expect((await postSigned(pg.url, keys, install)).status).toBe(200);
      const subscribed = await subscribe(
        { targetUrl: `${hooks.url}/pg`, event: 'ContactCreate', locationId: LOCATION },
        pg.url,
      );
      expect(subscribed.status).toBe(201);
      expect((await postSigned(pg.url, keys, contactCreate())).status).toBe(200);
      await hooks.waitFor(1, '/pg');
      await expectTokenInNoTable(pg.db, 1);
    } finally {
      await pg.close();
      store.remove();
    }
  });
});
