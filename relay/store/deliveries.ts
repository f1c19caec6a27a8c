// The delivery queue on the relay's own tables (see delivery/worker.ts for why no job library).
// Claiming takes a lease with FOR UPDATE SKIP LOCKED, so two instances never hold one delivery at
// once; a lease that runs out (its instance died mid-POST) makes the delivery due again.
import type { Database, Sql } from './database';

/**
 * Runs the queue's own bookkeeping (a claim, an outcome) in a transaction whose commit does not
 * wait for the disk (`synchronous_commit = off`; the next event's commit flushes it). A power loss
 * can at worst forget a claim or an outcome, so a delivery is repeated: at least once, as after
 * any crash. Events and their deliveries are still committed durably before the 200. On the
 * embedded store this saves an fsync per claim and per batch of outcomes, which would block the
 * Node thread (a quarter of its time in a profile).
 */
export function withoutWaitingForDisk<T>(db: Database, work: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit = off');
    return work(tx);
  });
}

export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  targetUrl: string;
  body: string;
  attempts: number;
  createdAt: Date;
  eventReceivedAt: Date;
  webhookId: string;
}

export async function claimDueDeliveries(
  sql: Sql,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const rows = await sql.query<{
    id: string;
    subscription_id: string;
    target_url: string;
    body: string;
    attempts: number;
    created_at: Date | string;
    received_at: Date | string;
    webhook_id: string;
  }>(
    `WITH claimed AS (
       UPDATE relay_deliveries SET attempts = attempts + 1,
         locked_until = now() + ($2::int * interval '1 millisecond')
       WHERE id IN (
         SELECT id FROM relay_deliveries
         WHERE state = 'pending' AND next_attempt_at <= now()
           AND (locked_until IS NULL OR locked_until < now())
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, subscription_id, body, attempts, created_at, event_id)
     SELECT c.id, c.subscription_id, s.target_url, c.body, c.attempts, c.created_at,
            e.received_at, e.webhook_id
     FROM claimed c
     JOIN relay_subscriptions s ON s.id = c.subscription_id
     JOIN relay_events e ON e.id = c.event_id`,
    [limit, Math.round(leaseMs)],
  );
  return rows.map((row) => ({
    id: String(row.id),
    subscriptionId: row.subscription_id,
    targetUrl: row.target_url,
    body: row.body,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    eventReceivedAt: new Date(row.received_at),
    webhookId: row.webhook_id,
  }));
}

export async function markDelivered(sql: Sql, ids: string[]): Promise<void> {
  await sql.query(
    `UPDATE relay_deliveries SET state = 'delivered', finished_at = now(), locked_until = NULL
     WHERE id = ANY($1::bigint[])`,
    [ids],
  );
}

export async function scheduleRetry(
  sql: Sql,
  id: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await sql.query(
    `UPDATE relay_deliveries SET locked_until = NULL, last_error = $3,
       next_attempt_at = now() + ($2::int * interval '1 millisecond')
     WHERE id = $1 AND state = 'pending'`,
    [id, Math.round(delayMs), error],
  );
}

export async function markDead(sql: Sql, id: string, error: string): Promise<void> {
  await sql.query(
    `UPDATE relay_deliveries SET state = 'dead', finished_at = now(), locked_until = NULL,
       last_error = $2 WHERE id = $1 AND state = 'pending'`,
    [id, error],
  );
}

export async function countDeliveries(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql.query<{ state: string; count: string }>(
    'SELECT state, count(*) AS count FROM relay_deliveries GROUP BY state',
  );
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}
