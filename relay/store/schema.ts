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
  // The delivery queue: one row per (event, subscription), written in the transaction that stores
  // the event, so an acknowledged event always has its deliveries. state: pending → delivered,
  // dead (gave up after the retry period; kept and counted) or cancelled (subscription ended).
  `CREATE TABLE IF NOT EXISTS relay_deliveries (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES relay_events (id),
    subscription_id TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until TIMESTAMPTZ,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    UNIQUE (event_id, subscription_id)
  )`,
  `CREATE INDEX IF NOT EXISTS relay_deliveries_due
    ON relay_deliveries (next_attempt_at) WHERE state = 'pending'`,
  `CREATE INDEX IF NOT EXISTS relay_deliveries_by_subscription
    ON relay_deliveries (subscription_id) WHERE state = 'pending'`,
];
