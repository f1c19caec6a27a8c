// The relay's tables. Statements are idempotent and run at every start.
export const SCHEMA = [
  // Every accepted HighLevel event, as received. webhook_id is unique: a replay stores nothing.
  `CREATE TABLE IF NOT EXISTS relay_events (
    id BIGSERIAL PRIMARY KEY,
    webhook_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    location_id TEXT,
    body TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`,
  // Sub-accounts (locations) where the Marketplace app is installed.
  `CREATE TABLE IF NOT EXISTS relay_installs (
    location_id TEXT PRIMARY KEY,
    company_id TEXT,
    installed_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS relay_subscriptions (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    location_id TEXT NOT NULL,
    filters JSONB NOT NULL DEFAULT '{}'::jsonb,
    target_url TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX IF NOT EXISTS relay_subscriptions_by_location
    ON relay_subscriptions (location_id, event)`,
  // Each contact's last-known tags (lower-cased), to tell which tags a ContactTagUpdate added.
  // A deleted contact keeps its row, tags emptied, with `deleted_at` (the delete's timestamp): a
  // tag update HighLevel sent before the delete but that arrives after it must not look like a
  // contact never seen. One sent after it means the contact was restored.
  `CREATE TABLE IF NOT EXISTS relay_contact_tags (
    location_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    PRIMARY KEY (location_id, contact_id)
  )`,
  `ALTER TABLE relay_contact_tags ADD COLUMN IF NOT EXISTS deleted_at TIMESTAMPTZ`,
  // The delivery queue is pg-boss's (its own `pgboss` schema, see delivery/queue.ts): pg-boss
  // fills it at start, but the schema itself is made here, under the start lock, since two instances
  // creating it at once would collide. A store made before pg-boss keeps an unused relay_deliveries
  // table; its pending rows are not carried over.
  `CREATE SCHEMA IF NOT EXISTS pgboss`,
];
