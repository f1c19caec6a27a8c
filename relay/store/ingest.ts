// Storing one verified event, in the caller's transaction: the event itself (once per webhookId),
// the install list, the contact's known tags, and one delivery row per matching subscription. All
// of it commits together before HighLevel gets its 200, so an acknowledged event is never lost.
import { filterValues, filtersSql } from '../subscriptions/filters';
import { CONTACT_TAG_ADDED, INSTALL, UNINSTALL } from '../webhooks/eventTypes';
import { tagsAdded, tagsOf } from '../webhooks/tagsAdded';
import type { Sql } from './database';
import { endSubscriptionsOfLocations } from './subscriptions';

export interface IncomingEvent {
  webhookId: string;
  type: string;
  locationId?: string;
  /** The raw JSON text as received (what subscribers get). */
  raw: string;
  body: Record<string, unknown>;
}

export type IngestOutcome =
  | { outcome: 'stored'; eventId: string; deliveries: number }
  | { outcome: 'duplicate' }
  | { outcome: 'not-installed' };

const TAG_BEARING = new Set(['ContactCreate', 'ContactUpdate', 'ContactTagUpdate']);

/**
 * Sub-accounts known to be installed, per relay instance, for a minute: one query less per event.
 * Only what the store showed is cached, and an UNINSTALL handled here drops it at once. An
 * UNINSTALL handled by another instance may leave it cached here for up to a minute; events stored
 * meanwhile reach nobody, since the uninstall ended the sub-account's subscriptions.
 */
export class InstalledCache {
  private until = new Map<string, number>();
  has(locationId: string): boolean {
    return (this.until.get(locationId) ?? 0) > Date.now();
  }
  add(locationId: string): void {
    if (this.until.size >= 100_000) this.until.clear();
    this.until.set(locationId, Date.now() + 60_000);
  }
  delete(locationIds: string[]): void {
    for (const id of locationIds) this.until.delete(id);
  }
}

export async function ingestEvent(
  tx: Sql,
  event: IncomingEvent,
  installed: InstalledCache,
): Promise<IngestOutcome> {
  const lifecycle = event.type === INSTALL || event.type === UNINSTALL;
  if (!lifecycle && !(await isInstalled(tx, event.locationId, installed))) {
    return { outcome: 'not-installed' };
  }

  const [stored] = await tx.query<{ id: string }>(
    `INSERT INTO relay_events (webhook_id, type, location_id, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (webhook_id) DO NOTHING RETURNING id`,
    [event.webhookId, event.type, event.locationId ?? null, event.raw],
  );
  if (!stored) return { outcome: 'duplicate' };
  const eventId = String(stored.id);

  if (event.type === INSTALL) {
    await recordInstall(tx, event.body);
    return { outcome: 'stored', eventId, deliveries: 0 };
  }
  if (event.type === UNINSTALL) {
    installed.delete(await recordUninstall(tx, event.body));
    return { outcome: 'stored', eventId, deliveries: 0 };
  }

  const outgoing: Array<{ event: string; raw: string; body: Record<string, unknown> }> = [
    { event: event.type, raw: event.raw, body: event.body },
  ];
  const added = await updateKnownTags(tx, event);
  if (added.length > 0) {
    const derived = { ...event.body, type: CONTACT_TAG_ADDED, tagsAdded: added };
    outgoing.push({ event: CONTACT_TAG_ADDED, raw: JSON.stringify(derived), body: derived });
  }

  let deliveries = 0;
  for (const item of outgoing) {
    // Filters are matched in SQL (filters.ts): a sub-account with many subscriptions costs one
    // indexed query per event, not every subscription read back.
    const inserted = await tx.query(
      `INSERT INTO relay_deliveries (event_id, subscription_id, body)
       SELECT $1, id, $2 FROM relay_subscriptions
       WHERE location_id = $3 AND event = $4 AND ${filtersSql(5)}
       RETURNING id`,
      [eventId, item.raw, event.locationId, item.event, ...filterValues(item.body)],
    );
    deliveries += inserted.length;
  }
  return { outcome: 'stored', eventId, deliveries };
}

async function isInstalled(
  tx: Sql,
  locationId: string | undefined,
  installed: InstalledCache,
): Promise<boolean> {
  if (!locationId) return false;
  if (installed.has(locationId)) return true;
  const rows = await tx.query('SELECT 1 FROM relay_installs WHERE location_id = $1', [locationId]);
  if (rows.length > 0) installed.add(locationId);
  return rows.length > 0;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** INSTALL names one location, or several (`locationIds`) for an agency's bulk install. */
async function recordInstall(tx: Sql, body: Record<string, unknown>): Promise<void> {
  const locationIds = Array.isArray(body.locationIds)
    ? body.locationIds.filter((id): id is string => typeof id === 'string')
    : [text(body.locationId)].filter((id): id is string => id !== undefined);
  if (locationIds.length === 0) return;
  await tx.query(
    `INSERT INTO relay_installs (location_id, company_id) SELECT unnest($1::text[]), $2
     ON CONFLICT (location_id) DO UPDATE SET company_id = EXCLUDED.company_id`,
    [locationIds, text(body.companyId) ?? null],
  );
}

/** UNINSTALL names a location, or only the company (agency-wide): every location of it goes. */
async function recordUninstall(tx: Sql, body: Record<string, unknown>): Promise<string[]> {
  const locationId = text(body.locationId);
  const companyId = text(body.companyId);
  const removed = locationId
    ? await tx.query<{ location_id: string }>(
        'DELETE FROM relay_installs WHERE location_id = $1 RETURNING location_id',
        [locationId],
      )
    : companyId
      ? await tx.query<{ location_id: string }>(
          'DELETE FROM relay_installs WHERE company_id = $1 RETURNING location_id',
          [companyId],
        )
      : [];
  const locations = new Set(removed.map((row) => row.location_id));
  if (locationId) locations.add(locationId);
  await endSubscriptionsOfLocations(tx, [...locations]);
  return [...locations];
}

/** Keeps the contact's known tags and returns the ones this event added (ContactTagUpdate only). */
async function updateKnownTags(tx: Sql, event: IncomingEvent): Promise<string[]> {
  const contactId = text(event.body.id);
  if (!contactId || !event.locationId) return [];
  if (event.type === 'ContactDelete') {
    await tx.query('DELETE FROM relay_contact_tags WHERE location_id = $1 AND contact_id = $2', [
      event.locationId,
      contactId,
    ]);
    return [];
  }
  if (!TAG_BEARING.has(event.type) || !Array.isArray(event.body.tags)) return [];
  const current = tagsOf(event.body);
  if (event.type !== 'ContactTagUpdate') {
    // Create and update only teach the relay tags the contact has: one upsert, nothing derived.
    await tx.query(
      `INSERT INTO relay_contact_tags (location_id, contact_id, tags) VALUES ($1, $2, $3)
       ON CONFLICT (location_id, contact_id)
       DO UPDATE SET tags = ARRAY(SELECT DISTINCT unnest(relay_contact_tags.tags || EXCLUDED.tags))`,
      [event.locationId, contactId, current],
    );
    return [];
  }
  // FOR UPDATE: two instances handling two updates of one contact take turns.
  const [known] = await tx.query<{ tags: string[] }>(
    `SELECT tags FROM relay_contact_tags WHERE location_id = $1 AND contact_id = $2 FOR UPDATE`,
    [event.locationId, contactId],
  );
  const added = tagsAdded(known?.tags, current);
  if (added.length > 0 || !known) {
    await tx.query(
      `INSERT INTO relay_contact_tags (location_id, contact_id, tags) VALUES ($1, $2, $3)
       ON CONFLICT (location_id, contact_id)
       DO UPDATE SET tags = ARRAY(SELECT DISTINCT unnest(relay_contact_tags.tags || EXCLUDED.tags))`,
      [event.locationId, contactId, [...(known?.tags ?? []), ...added]],
    );
  }
  return added;
}
