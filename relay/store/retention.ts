// How long received events stay in relay_events. A stored event serves its webhookId's dedupe
// (HighLevel's retries of it answer 200 and deliver nothing) and is a record for the operator.
// Its deliveries no longer need it: each pg-boss job carries its own copy of the body
// (relay/delivery/queue.ts), dead-lettered ones included. And a retry older than the stale window
// (RELAY_WEBHOOK_MAX_AGE_SECONDS) is refused before the store is asked, so an event older than
// that window has no dedupe left to serve. Without pruning the table would grow forever.
import type { RelaySettings } from '../settings';
import type { Sql } from './database';

/** How often each instance prunes; several instances pruning the same rows is harmless. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** Rows per statement: short statements, so that ingest never waits long behind a prune. */
const BATCH = 5_000;

/** A retention shorter than the stale window would let a late retry of a pruned event through. */
export function retentionProblem(
  settings: Pick<RelaySettings, 'eventRetentionSeconds' | 'webhookMaxAgeSeconds'>,
): string | undefined {
  return settings.eventRetentionSeconds < settings.webhookMaxAgeSeconds
    ? `Setting RELAY_EVENT_RETENTION_SECONDS (${settings.eventRetentionSeconds}) must be at least ` +
        `RELAY_WEBHOOK_MAX_AGE_SECONDS (${settings.webhookMaxAgeSeconds}): an event's webhookId ` +
        `must outlive every retry of it that is not refused as stale.`
    : undefined;
}

/** Deletes the events received more than `retentionSeconds` ago, oldest first; returns how many. */
export async function pruneEvents(
  db: Sql,
  retentionSeconds: number,
  batch = BATCH,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    // The primary key's order is arrival order, so the oldest rows are found without scanning.
    const rows = await db.query<{ id: string }>(
      `DELETE FROM relay_events WHERE id IN (
         SELECT id FROM relay_events
         WHERE received_at < now() - make_interval(secs => $1)
         ORDER BY id LIMIT $2)
       RETURNING id`,
      [retentionSeconds, batch],
    );
    deleted += rows.length;
    if (rows.length < batch) return deleted;
  }
}
