// PGlite (PostgreSQL compiled to WebAssembly) opened durably: a commit is flushed to the disk
// before it returns, so an acknowledged event survives a power loss, not only a crash.
//
// PGlite does not do this by itself. It starts PostgreSQL with `-F` (fsync off), and even with
// fsync on, the flushes never reach the disk: its Node filesystem (Emscripten's NODEFS) writes
// through to the real files but has no `fsync` operation, so PostgreSQL's fsync() returns without
// a system call, and fdatasync() is a stub that does nothing. Measured with
// `strace -f -e trace=fsync,fdatasync` over 50 single-insert commits: 0 flushes with PGlite's
// defaults, still 0 with fsync on, 50 with the filesystem below. So the store:
// - gives NODEFS the missing operation (fsync(2) on the real file descriptor),
// - starts PostgreSQL with fsync on, and
// - flushes the WAL with fsync() (`wal_sync_method = fsync`), since fdatasync() stays a stub.
import fs from 'fs';
import { PGlite } from '@electric-sql/pglite';
// PGlite publishes its Node filesystem as the subpath `@electric-sql/pglite/nodefs` (package
// exports), which this project's module resolution does not read: the types come from the file.
import type { NodeFS as NodeFSClass } from '@electric-sql/pglite/dist/fs/nodefs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NodeFS } = require('@electric-sql/pglite/nodefs') as { NodeFS: typeof NodeFSClass };

type PostgresMod = PGlite['Module'];
/** An open file of Emscripten's NODEFS: `nfd` is the real file descriptor. */
type NodeStream = { nfd?: number };
/** Emscripten's errno for an I/O error, which PostgreSQL's fsync() then reports (and PANICs on). */
const EMSCRIPTEN_EIO = 29;

/** NODEFS with fsync(): each flush PostgreSQL asks for becomes fsync(2) on the real file. */
class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Partial<PostgresMod>) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: PostgresMod) => {
      const streamOps = (mod.NODEFS as unknown as { stream_ops: Record<string, unknown> })
        .stream_ops;
      streamOps.fsync = (stream: NodeStream) => {
        if (stream.nfd === undefined) return 0;
        try {
          fs.fsyncSync(stream.nfd);
          return 0;
        } catch {
          throw new mod.FS.ErrnoError(EMSCRIPTEN_EIO);
        }
      };
    };
    const preRun = (emscriptenOpts.preRun ?? []) as Array<(mod: PostgresMod) => void>;
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...preRun, addFsync] } };
  }
}

/** PostgreSQL's start parameters: PGlite's own, without `-F`, with fsync through fsync(). */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
];

export async function openPglite(dataDir: string): Promise<PGlite> {
  fs.mkdirSync(dataDir, { recursive: true });
  return PGlite.create({
    fs: new SyncingNodeFS(dataDir),
    startParams: DURABLE_START_PARAMS,
    // PostgreSQL's default 128 MB of shared buffers would be most of the relay's memory: its
    // working set (recent events, pending deliveries, subscriptions) is small, the rest is on disk.
    // 8 MB rather than 16 held 8 MB less with 100,000 stored events (bench/relay.ts, memory).
    // PGlite is one single-user backend: the shared memory sized for 100 connections (their slots
    // and lock tables, about 3 MB) is never used; 10 leaves pg-boss's transactions as many locks
    // as they need. Together: PostgreSQL's touched memory 32.5 → 20.5 MB.
    postgresqlconf: ["shared_buffers = '8MB'", 'max_connections = 10'],
  });
}
