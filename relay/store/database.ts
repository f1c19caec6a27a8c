// One SQL dialect (PostgreSQL) on two engines: PGlite, PostgreSQL compiled to WebAssembly and run
// in-process (the default: no server, data in a folder), and a PostgreSQL server through `pg` for
// several relay instances behind a load balancer.
import fs from 'fs';
import { PGlite } from '@electric-sql/pglite';
import { Pool, type QueryResult } from 'pg';
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

async function openEmbedded(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  // PostgreSQL's default 128 MB of shared buffers would be most of the relay's memory: its working
  // set (recent events, pending deliveries, subscriptions) is small, the rest is on disk.
  const db = await PGlite.create(dataDir, { postgresqlconf: ["shared_buffers = '16MB'"] });
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
