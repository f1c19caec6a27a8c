// One SQL dialect (PostgreSQL) on two engines: PGlite, PostgreSQL compiled to WebAssembly and run
// in-process (the default: no server, data in a folder), and a PostgreSQL server through `pg` for
// several relay instances behind a load balancer. Both flush every commit to the disk.
import type { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { openPglite } from './embedded';
import { SCHEMA } from './schema';

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  readonly engine: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const db = await openPglite(dataDir);
  const sqlOf = (target: Pick<PGlite, 'query'>): Sql => ({
    query: async <Row>(text: string, params?: unknown[]) =>
      (await target.query<Row>(text, params)).rows,
  });
  return {
    engine: 'embedded',
    ...sqlOf(db),
    transaction: (work) => db.transaction((tx) => work(sqlOf(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new Pool({ connectionString: databaseUrl, max: 8 });
  // An idle client losing its server must not crash the relay; the next query reports it.
  pool.on('error', () => undefined);
  return {
    engine: 'postgres',
    query: async <Row>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as Row[],
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
