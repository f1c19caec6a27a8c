// The store's tests run on both engines: the embedded store (PGlite, in a data folder) and a real
// PostgreSQL server. One server per test file, started when a test first asks for a database and
// stopped after the file, so a file pays its start-up (a few seconds) once.
import fs from 'fs';
import { startTestPostgres, type TestPostgres } from './postgres';
import { tempDir } from './relayHarness';

export const STORES = ['embedded', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

export interface StoreOptions {
  /** Where the store lives: what openDatabase() and startRelay() take. */
  settings: { dataDir: string; databaseUrl?: string };
  /** Removes the embedded store's folder (a PostgreSQL database goes with its server). */
  remove(): void;
}

let server: Promise<TestPostgres> | undefined;
afterAll(async () => {
  const started = server;
  server = undefined;
  await (await started)?.stop();
});

/** A fresh, empty store of the given kind. */
export async function freshStore(kind: StoreKind): Promise<StoreOptions> {
  const dataDir = tempDir(`relay-${kind}-`);
  const remove = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'embedded') return { settings: { dataDir }, remove };
  server ??= startTestPostgres();
  return { settings: { dataDir, databaseUrl: await (await server).createDatabase() }, remove };
}
