// The embedded store's own thread (a worker_thread): PGlite runs PostgreSQL single-threaded and
// flushes each commit with a blocking fsync(2), so on the relay's Node thread it would stop HTTP,
// signature checks and deliveries while it works. Here it uses the second core, and the relay's
// thread keeps taking events, which the next group commit then stores together.
// The relay's side is in database.ts (openEmbeddedThread): one query per message, in order.
import { parentPort, workerData } from 'worker_threads';
import { openPglite } from './embedded';

/**
 * A query with its parameters, or (`exec`) several statements without any; `{ id }` alone closes.
 * `begin` opens a transaction first: a transaction's BEGIN travels with its first statement.
 */
export type StoreRequest =
  | { id: number; text: string; params?: unknown[]; exec?: boolean; begin?: boolean }
  | { id: number };
export type StoreReply =
  | { id: number; rows: unknown[] }
  | { id: number; error: { message: string; code?: string; detail?: string } };

/** Request id 0 answers the opening: `{ id: 0, rows: [] }` once PGlite is ready. */
export const OPENED = 0;

async function serve(port: NonNullable<typeof parentPort>, dataDir: string): Promise<void> {
  const reply = (message: StoreReply) => port.postMessage(message);
  const failure = (id: number, error: unknown): StoreReply => {
    const { message, code, detail } = error as { message?: string; code?: string; detail?: string };
    return { id, error: { message: message ?? String(error), code, detail } };
  };
  let db: Awaited<ReturnType<typeof openPglite>>;
  try {
    db = await openPglite(dataDir);
  } catch (error) {
    reply(failure(OPENED, error));
    return;
  }
  // PGlite runs one query at a time, in the order they arrive: the relay's side sends a
  // transaction's statements only while it holds the store, so they are never interleaved.
  port.on('message', (request: StoreRequest) => {
    if (!('text' in request)) {
      void db.close().finally(() => {
        reply({ id: request.id, rows: [] });
        port.close();
      });
      return;
    }
    const run = () =>
      request.exec
        ? db.exec(request.text).then((results) => results.flatMap((result) => result.rows))
        : db.query(request.text, request.params).then((result) => result.rows);
    const rows = request.begin ? db.query('BEGIN').then(run) : run();
    rows.then(
      (result) => reply({ id: request.id, rows: result }),
      (error: unknown) => reply(failure(request.id, error)),
    );
  });
  reply({ id: OPENED, rows: [] });
}

// Only in the thread the relay started (importing this file elsewhere, for its types, does nothing).
const data = workerData as { embeddedStoreDir?: string } | null;
if (parentPort && data?.embeddedStoreDir) void serve(parentPort, data.embeddedStoreDir);
