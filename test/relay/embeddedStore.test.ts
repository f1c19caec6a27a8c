// The embedded store (PGlite) flushes every commit to the disk: PostgreSQL runs with fsync on, and
// its flushes reach the real files as fsync(2) (PGlite's own Node filesystem would drop them).
import fs from 'fs';
import path from 'path';
import { openDatabase, type Database } from '../../relay/store/database';
import { tempDir } from './support/relayHarness';

jest.setTimeout(60_000);

let dataDir: string;
let db: Database;

beforeAll(async () => {
  dataDir = tempDir('relay-embedded-');
  db = await openDatabase({ dataDir });
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => jest.restoreAllMocks());

test('PostgreSQL runs with fsync on, flushing the WAL with fsync()', async () => {
  const settings = await db.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method')`,
  );
  expect(Object.fromEntries(settings.map((row) => [row.name, row.setting]))).toEqual({
    fsync: 'on',
    wal_sync_method: 'fsync',
  });
});

test('a commit calls fsync(2) on the write-ahead log before it returns', async () => {
  const fsync = jest.spyOn(fs, 'fsyncSync');
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO relay_installs (location_id) VALUES ('loc-durable')`);
  });
  expect(fsync).toHaveBeenCalled();
  const flushed = fsync.mock.calls.map(([fd]) => fs.readlinkSync(`/proc/self/fd/${fd}`));
  expect(
    flushed.some((file) => file.startsWith(path.join(fs.realpathSync(dataDir), 'pg_wal'))),
  ).toBe(true);
});
