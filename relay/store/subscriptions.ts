// Zapier's REST-hook subscriptions. Ending one also cancels its queued deliveries, in the same
// transaction (pg-boss jobs keyed by the subscription's id).
import { randomUUID } from 'crypto';
import type { DeliveryQueue } from '../delivery/queue';
import type { Filters } from '../subscriptions/filters';
import type { Sql } from './database';

export interface Subscription {
  id: string;
  event: string;
  locationId: string;
  filters: Filters;
  targetUrl: string;
  createdAt: string;
}

interface Row {
  id: string;
  event: string;
  location_id: string;
  filters: Filters;
  target_url: string;
  created_at: Date | string;
}

const fromRow = (row: Row): Subscription => ({
  id: row.id,
  event: row.event,
  locationId: row.location_id,
  filters: row.filters,
  targetUrl: row.target_url,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function createSubscription(
  sql: Sql,
  input: Omit<Subscription, 'id' | 'createdAt'>,
): Promise<Subscription> {
  const [row] = await sql.query<Row>(
    `INSERT INTO relay_subscriptions (id, event, location_id, filters, target_url)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [randomUUID(), input.event, input.locationId, JSON.stringify(input.filters), input.targetUrl],
  );
  return fromRow(row!);
}

export async function findSubscription(sql: Sql, id: string): Promise<Subscription | undefined> {
  const [row] = await sql.query<Row>('SELECT * FROM relay_subscriptions WHERE id = $1', [id]);
  return row ? fromRow(row) : undefined;
}

/** How many subscriptions are live (the demo checks that turning Zaps off leaves none). */
export async function countSubscriptions(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ count: number | string }>(
    'SELECT count(*) AS count FROM relay_subscriptions',
  );
  return Number(row?.count ?? 0);
}

/** Call inside a transaction: the subscription and its queued deliveries end together. */
export async function endSubscription(tx: Sql, queue: DeliveryQueue, id: string): Promise<boolean> {
  const removed = await tx.query('DELETE FROM relay_subscriptions WHERE id = $1 RETURNING id', [
    id,
  ]);
  await queue.cancelSubscriptions(tx, [id]);
  return removed.length > 0;
}

export async function endSubscriptionsOfLocations(
  tx: Sql,
  queue: DeliveryQueue,
  locationIds: string[],
): Promise<void> {
  if (locationIds.length === 0) return;
  const removed = await tx.query<{ id: string }>(
    'DELETE FROM relay_subscriptions WHERE location_id = ANY($1::text[]) RETURNING id',
    [locationIds],
  );
  await queue.cancelSubscriptions(
    tx,
    removed.map((row) => row.id),
  );
}
