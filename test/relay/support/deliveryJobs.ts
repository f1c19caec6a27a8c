// The deliveries the relay queued, read from pg-boss's job table in the relay's terms: delivered
// (completed), dead (failed: pg-boss's own retry limit is never reached, so a failed job is one the
// relay dead-lettered), cancelled (its subscription ended) or pending (waiting or being posted).
import { QUEUE } from '../../../relay/delivery/queue';
import type { Sql } from '../../../relay/store/database';

const RELAY_STATE: Record<string, string> = {
  completed: 'delivered',
  failed: 'dead',
  cancelled: 'cancelled',
};

export async function deliveryStates(
  db: Sql,
  where: { subscriptionId?: string; webhookId?: string },
): Promise<string[]> {
  const rows = await db.query<{ state: string }>(
    `SELECT state FROM pgboss.job WHERE name = $1
       AND ($2::text IS NULL OR data->>'subscriptionId' = $2)
       AND ($3::text IS NULL OR data->>'webhookId' = $3)
     ORDER BY created_on, id`,
    [QUEUE, where.subscriptionId ?? null, where.webhookId ?? null],
  );
  return rows.map((row) => RELAY_STATE[row.state] ?? 'pending');
}

/** Every delivery of the relay, counted by state. */
export async function deliveryStateCounts(db: Sql): Promise<Record<string, number>> {
  const rows = await db.query<{ state: string; n: string }>(
    'SELECT state, count(*) AS n FROM pgboss.job WHERE name = $1 GROUP BY state',
    [QUEUE],
  );
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const state = RELAY_STATE[row.state] ?? 'pending';
    counts[state] = (counts[state] ?? 0) + Number(row.n);
  }
  return counts;
}
