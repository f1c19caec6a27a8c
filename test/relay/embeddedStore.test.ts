// The embedded store (PGlite) flushes every commit to the disk: PostgreSQL runs with fsync on, and
// its flushes reach the real files as fsync(2) (PGlite's own Node filesystem would drop them). The
// store in its own thread (how the relay runs it) answers the same contract.
import fs from 'fs';
import path from 'path';
import { openDatabase, openEmbeddedThread, type Database } from '../../relay/store/database';
import { bundleRelayEntry } from './support/relayEntry';
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

describe('the embedded store in its own thread', () => {
  let threadDir: string;
  let entryDir: string;
  let threaded: Database;

  beforeAll(async () => {
    threadDir = tempDir('relay-embedded-thread-');
    entryDir = path.dirname(bundleRelayEntry());
    threaded = await openEmbeddedThread(threadDir, path.join(entryDir, 'embeddedThread.js'));
  });
  afterAll(async () => {
    await threaded?.close();
    fs.rmSync(threadDir, { recursive: true, force: true });
    fs.rmSync(entryDir, { recursive: true, force: true });
  });

  test('answers queries, and runs durably like the in-process store', async () => {
    const [row] = await threaded.query<{ fsync: string }>('SHOW fsync');
    expect(row).toEqual({ fsync: 'on' });
    expect(await threaded.query('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
  });

  test('commits a transaction that resolves and rolls back one that throws', async () => {
    await threaded.query('CREATE TABLE t (x int PRIMARY KEY)');
    await threaded.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
    });
    await expect(
      threaded.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await threaded.query('SELECT x FROM t ORDER BY x')).toEqual([{ x: 1 }]);
  });

  test("reports PostgreSQL's error with its code", async () => {
    await expect(threaded.query('INSERT INTO t VALUES (1)')).rejects.toMatchObject({
      code: '23505',
      message: expect.stringContaining('duplicate key'),
    });
  });

  test('keeps a transaction whole while other queries wait their turn', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = threaded.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (3)');
      await held;
      throw new Error('rolled back');
    });
    const outside = threaded.query('SELECT count(*)::int AS n FROM t');
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    // The query asked during the transaction ran after its rollback, so it never saw row 3.
    expect(await outside).toEqual([{ n: 1 }]);
  });

  // A transaction's BEGIN goes with its first statement and its turn ends once COMMIT is sent, so
  // these check what that must not change.
  test('rolls back a transaction whose first statement fails, and the next one runs', async () => {
    await expect(
      threaded.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (1)'); // a duplicate: fails
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await threaded.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (4)');
    });
    expect(await threaded.query('SELECT x FROM t ORDER BY x')).toEqual([{ x: 1 }, { x: 4 }]);
  });

  test('a transaction that sends no statement resolves and leaves no transaction open', async () => {
    await expect(threaded.transaction(async () => 'nothing to do')).resolves.toBe('nothing to do');
    // A SAVEPOINT outside a transaction block is refused (25P01); inside an open one it is not.
    await expect(threaded.query('SAVEPOINT probe')).rejects.toMatchObject({ code: '25P01' });
  });

  test('a COMMIT that fails rejects its transaction, and the one queued behind it commits', async () => {
    await threaded.query('CREATE TABLE deferred (x int UNIQUE DEFERRABLE INITIALLY DEFERRED)');
    // The duplicate is only found at COMMIT, after the next transaction was already sent.
    const failing = threaded.transaction(async (tx) => {
      await tx.query('INSERT INTO deferred VALUES (1), (1)');
      return 'committed';
    });
    const next = threaded.transaction(async (tx) => {
      await tx.query('INSERT INTO deferred VALUES (2)');
      return 'committed';
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    await expect(next).resolves.toBe('committed');
    expect(await threaded.query('SELECT x FROM deferred ORDER BY x')).toEqual([{ x: 2 }]);
  });
});
