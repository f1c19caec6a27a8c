// What a delivery needs from the relay's own tables at the moment it is posted (the jobs themselves
// are pg-boss's, see delivery/queue.ts): each subscription's current target URL.
import type { Sql } from './database';

export async function findTargets(
  sql: Sql,
  subscriptionIds: string[],
): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; target_url: string }>(
    'SELECT id, target_url FROM relay_subscriptions WHERE id = ANY($1::text[])',
    [[...new Set(subscriptionIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.target_url]));
}
