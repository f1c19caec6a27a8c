// Received events are kept for RELAY_EVENT_RETENTION_SECONDS, then pruned (relay/store/retention.ts);
// the retention may never be shorter than the stale window, or a late retry would be delivered again.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startRelay } from '../../relay';
import { openDatabase, type Database } from '../../relay/store/database';
import { pruneEvents, retentionProblem } from '../../relay/store/retention';

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-retention-'));
  db = await openDatabase({ dataDir: dir });
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HOUR = 3600;

/** Stores events received `agesSeconds` ago (one each), named by their age. */
const storeReceived = async (prefix: string, agesSeconds: number[]) => {
  for (const age of agesSeconds) {
    await db.query(
      `INSERT INTO relay_events (webhook_id, type, location_id, body, received_at)
       VALUES ($1, 'ContactCreate', 'loc', '{}', now() - make_interval(secs => $2))`,
      [`${prefix}-${age}`, age],
    );
  }
};
const kept = async (prefix: string) =>
  (
    await db.query<{ webhook_id: string }>(
      'SELECT webhook_id FROM relay_events WHERE webhook_id LIKE $1 ORDER BY id',
      [`${prefix}-%`],
    )
  ).map((row) => row.webhook_id);

describe('event retention', () => {
  it('deletes the events received before the retention, in batches, and keeps the rest', async () => {
    await storeReceived('a', [5 * HOUR, 4 * HOUR, 3 * HOUR, 2 * HOUR + 60, HOUR, 60]);

    const pruned = await pruneEvents(db, 2 * HOUR, 2);

    expect(pruned).toBe(4);
    expect(await kept('a')).toEqual([`a-${HOUR}`, 'a-60']);
  });

  it('prunes nothing when every event is younger than the retention', async () => {
    await storeReceived('b', [HOUR, 60]);
    expect(await pruneEvents(db, 2 * HOUR)).toBe(0);
    expect(await kept('b')).toEqual([`b-${HOUR}`, 'b-60']);
  });

  it('refuses a retention shorter than the stale window, naming both settings, before opening a store', async () => {
    expect(retentionProblem({ eventRetentionSeconds: 7200, webhookMaxAgeSeconds: 7200 })).toBe(
      undefined,
    );
    const problem = retentionProblem({ eventRetentionSeconds: 3600, webhookMaxAgeSeconds: 7200 });
    expect(problem).toMatch(
      /RELAY_EVENT_RETENTION_SECONDS \(3600\).*RELAY_WEBHOOK_MAX_AGE_SECONDS \(7200\)/,
    );

    const untouched = path.join(dir, 'never-opened');
    await expect(
      startRelay({
        port: 0,
        host: '127.0.0.1',
        dataDir: untouched,
        eventRetentionSeconds: 3600,
        webhookMaxAgeSeconds: 7200,
      }),
    ).rejects.toThrow(problem);
    expect(fs.existsSync(untouched)).toBe(false);
  });

  it('is applied by a starting relay', async () => {
    const own = path.join(dir, 'relay');
    const store = await openDatabase({ dataDir: own });
    await store.query(
      `INSERT INTO relay_events (webhook_id, type, location_id, body, received_at)
       VALUES ('old', 'ContactCreate', 'loc', '{}', now() - interval '3 hours'),
              ('new', 'ContactCreate', 'loc', '{}', now())`,
    );
    await store.close();

    const relay = await startRelay({
      port: 0,
      host: '127.0.0.1',
      dataDir: own,
      eventRetentionSeconds: 7200,
      webhookMaxAgeSeconds: 7200,
      logLevel: 'warn',
    });
    try {
      const ids = async () =>
        (await relay.db.query<{ webhook_id: string }>('SELECT webhook_id FROM relay_events')).map(
          (row) => row.webhook_id,
        );
      const deadline = Date.now() + 10_000;
      while ((await ids()).includes('old') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await ids()).toEqual(['new']);
    } finally {
      await relay.close();
    }
  });
});
