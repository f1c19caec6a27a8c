// One SQL dialect (PostgreSQL) on two engines: PGlite, PostgreSQL compiled to WebAssembly and run
// in-process (the default: no server, data in a folder), and a PostgreSQL server through `pg` for
// several relay instances behind a load balancer. Both flush every commit to the disk.
import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { Pool, type QueryResult } from 'pg';
import { OPENED, type StoreReply, type StoreRequest } from './embeddedThread';
import { SCHEMA } from './schema';

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs one or more statements without parameters (pg-boss installs its schema this way). */
  exec(text: string): Promise<Record<string, unknown>[]>;
}

export interface Database extends Sql {
  readonly engine: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The compiled thread script beside this file (absent when running from TypeScript sources). */
export const EMBEDDED_THREAD_ENTRY = path.join(__dirname, 'embeddedThread.js');

/**
 * The embedded store, in its own thread (embeddedThread.ts) when its compiled script is there, as
 * in every run of the relay (`npm run relay`, the container, the bench); in-process otherwise (unit
 * tests that load the TypeScript sources). Both answer the same contract.
 */
function openEmbedded(dataDir: string): Promise<Database> {
  return fs.existsSync(EMBEDDED_THREAD_ENTRY)
    ? openEmbeddedThread(dataDir, EMBEDDED_THREAD_ENTRY)
    : openEmbeddedInProcess(dataDir);
}

async function openEmbeddedInProcess(dataDir: string): Promise<Database> {
  // Loaded only here: a relay whose store runs in its own thread never loads PGlite's JavaScript
  // on its main thread.
  const { openPglite } = await import('./embedded');
  const db = await openPglite(dataDir);
  const sqlOf = (target: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async <Row>(text: string, params?: unknown[]) =>
      (await target.query<Row>(text, params)).rows,
    exec: async (text) =>
      (await target.exec(text)).flatMap((result) => result.rows as Record<string, unknown>[]),
  });
  return {
    engine: 'embedded',
    ...sqlOf(db),
    transaction: (work) => db.transaction((tx) => work(sqlOf(tx))),
    close: () => db.close(),
  };
}

/** Runs one piece of work at a time, in the order asked (PGlite has one connection). */
class Turns {
  private last: Promise<unknown> = Promise.resolve();
  take<T>(work: () => Promise<T>): Promise<T> {
    const result = this.last.then(work);
    this.last = result.catch(() => undefined);
    return result;
  }
}

/** The embedded store in a worker thread: each query is a message, a transaction holds a turn. */
export async function openEmbeddedThread(dataDir: string, entry: string): Promise<Database> {
  const worker = new Worker(entry, {
    workerData: { embeddedStoreDir: dataDir },
    // The thread's JavaScript is PGlite's glue and one message per query: a small young generation
    // (V8's default is 16 MB per semi-space) keeps about 25 MB less resident, at no measurable cost.
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  const waiting = new Map<number, { resolve(rows: unknown[]): void; reject(e: Error): void }>();
  let nextId = OPENED + 1;
  let ended: Error | undefined;
  const endAll = (error: Error) => {
    ended ??= error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: StoreReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!pending) return;
    if ('rows' in reply) pending.resolve(reply.rows);
    else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
  });
  worker.on('error', (error) => endAll(error));
  worker.on('exit', (code) => endAll(new Error(`The embedded store's thread ended (${code}).`)));
  const expect = (id: number) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (ended) return reject(ended);
      waiting.set(id, { resolve, reject });
    });
  const send = (request: Omit<StoreRequest, 'id'>) => {
    const id = nextId++;
    const reply = expect(id);
    if (!ended) worker.postMessage({ ...request, id });
    return reply;
  };
  await expect(OPENED).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  const turns = new Turns();
  const inTurn: Sql = {
    query: async <Row>(text: string, params?: unknown[]) => (await send({ text, params })) as Row[],
    exec: async (text) => (await send({ text, exec: true })) as Record<string, unknown>[],
  };
  /**
   * Each message waits for the relay's thread to read its answer, often busy with HTTP: a
   * transaction saves two of those waits (about 15% more events stored per second in the bench).
   * Its BEGIN goes with its first statement, and its turn ends once COMMIT is sent: the thread runs
   * messages in order, so the next transaction starts after the commit, while this one still
   * waits for its answer (and the disk flush) before it resolves.
   */
  const inTransaction = async <T>(work: (tx: Sql) => Promise<T>) => {
    let begun = false;
    const opening = () => {
      const first = !begun;
      begun = true;
      return first;
    };
    const tx: Sql = {
      query: async <Row>(text: string, params?: unknown[]) =>
        (await send({ text, params, begin: opening() })) as Row[],
      exec: async (text) =>
        (await send({ text, exec: true, begin: opening() })) as Record<string, unknown>[],
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      if (begun) await inTurn.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const committed = begun ? inTurn.query('COMMIT') : Promise.resolve([]);
    committed.catch(() => undefined); // awaited by the caller, after the turn
    return { result, committed };
  };

  return {
    engine: 'embedded',
    query: (text, params) => turns.take(() => inTurn.query(text, params)),
    exec: (text) => turns.take(() => inTurn.exec(text)),
    transaction: async (work) => {
      const { result, committed } = await turns.take(() => inTransaction(work));
      await committed;
      return result;
    },
    close: async () => {
      if (ended) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await turns.take(() => send({})).catch(() => undefined);
      await exited;
    },
  };
}

/** A multi-statement text answers one result per statement: their rows, in order. */
const rowsOf = (result: QueryResult | QueryResult[]): Record<string, unknown>[] =>
  (Array.isArray(result) ? result : [result]).flatMap((one) => one.rows ?? []);

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new Pool({ connectionString: databaseUrl, max: 8 });
  // An idle client losing its server must not crash the relay; the next query reports it.
  pool.on('error', () => undefined);
  return {
    engine: 'postgres',
    query: async <Row>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as Row[],
    exec: async (text) => rowsOf(await pool.query(text)),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as Row[],
          exec: async (text) => rowsOf(await client.query(text)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openEmbedded(options.dataDir);
  // Several instances may start at once on one server: one creates the schema, the others wait.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(87901)');
    for (const statement of SCHEMA) await tx.query(statement);
  });
  return db;
}
