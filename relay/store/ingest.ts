// Storing verified events, in the caller's transaction: each event itself (once per webhookId),
// the install list, the contact's known tags, and one delivery job per matching subscription. All
// of it commits together before HighLevel gets its 200, so an acknowledged event is never lost.
//
// A batch is stored with a few set-based statements rather than several per event: PGlite runs
// PostgreSQL single-threaded in the relay's process, and each statement costs a parse, a plan and
// a round trip. Events whose effect depends on the order (installs, uninstalls, tag updates that
// derive ContactTagAdded, deletes) are stored one at a time, in their place in the batch.
import { filterValues, filtersSql } from '../subscriptions/filters';
import type { DeliveryQueue } from '../delivery/queue';
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
const TEACHES_TAGS = new Set(['ContactCreate', 'ContactUpdate']);

/**
 * Events stored together in one set: anything but installs, uninstalls, ContactTagUpdate (what it
 * adds depends on what came before) and ContactDelete (leaves a tombstone). What the others do to the
 * known tags is a union, the same in any order.
 */
const storedAsSet = (event: IncomingEvent): boolean =>
  event.type !== INSTALL &&
  event.type !== UNINSTALL &&
  event.type !== 'ContactTagUpdate' &&
  event.type !== 'ContactDelete';

/** Stores a batch, in order; one outcome per event. */
export async function ingestBatch(
  tx: Sql,
  events: IncomingEvent[],
  installed: InstalledCache,
  queue: DeliveryQueue,
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  let start = 0;
  while (start < events.length) {
    let end = start;
    while (end < events.length && storedAsSet(events[end]!)) end += 1;
    if (end > start) {
      outcomes.push(...(await ingestSet(tx, events.slice(start, end), installed, queue)));
      start = end;
    } else {
      outcomes.push(await ingestEvent(tx, events[start]!, installed, queue));
      start += 1;
    }
  }
  return outcomes;
}

/** Order-independent events (see storedAsSet): five statements at most, however many events. */
async function ingestSet(
  tx: Sql,
  events: IncomingEvent[],
  installed: InstalledCache,
  queue: DeliveryQueue,
): Promise<IngestOutcome[]> {
  const unknown = [...new Set(events.map((e) => e.locationId!).filter((id) => !installed.has(id)))];
  if (unknown.length > 0) {
    const rows = await tx.query<{ location_id: string }>(
      'SELECT location_id FROM relay_installs WHERE location_id = ANY($1::text[])',
      [unknown],
    );
    for (const row of rows) installed.add(row.location_id);
  }
  const outcomes: IngestOutcome[] = events.map(() => ({ outcome: 'not-installed' }));
  // The first of several events with one webhookId in the batch is the one stored.
  const candidates = new Map<string, number>();
  events.forEach((event, index) => {
    if (!installed.has(event.locationId!)) return;
    if (candidates.has(event.webhookId)) outcomes[index] = { outcome: 'duplicate' };
    else candidates.set(event.webhookId, index);
  });
  if (candidates.size === 0) return outcomes;

  const rows = await tx.query<{ id: string; webhook_id: string }>(
    `INSERT INTO relay_events (webhook_id, type, location_id, body)
     SELECT webhook_id, type, location_id, body
     FROM jsonb_to_recordset($1::jsonb) AS e(webhook_id text, type text, location_id text, body text)
     ON CONFLICT (webhook_id) DO NOTHING RETURNING id, webhook_id`,
    [
      JSON.stringify(
        [...candidates.values()].map((index) => {
          const event = events[index]!;
          return {
            webhook_id: event.webhookId,
            type: event.type,
            location_id: event.locationId,
            body: event.raw,
          };
        }),
      ),
    ],
  );
  const storedIds = new Map(rows.map((row) => [row.webhook_id, String(row.id)]));
  const stored: Array<{ index: number; eventId: string }> = [];
  for (const [webhookId, index] of candidates) {
    const eventId = storedIds.get(webhookId);
    if (eventId) stored.push({ index, eventId });
    else outcomes[index] = { outcome: 'duplicate' };
  }
  if (stored.length === 0) return outcomes;

  await learnTags(
    tx,
    stored.map(({ index }) => events[index]!),
  );
  const deliveries = await insertDeliveries(
    tx,
    queue,
    stored.map(({ index, eventId }) => ({ eventId, ...outgoingOf(events[index]!) })),
  );
  for (const { index, eventId } of stored) {
    outcomes[index] = { outcome: 'stored', eventId, deliveries: deliveries.get(eventId) ?? 0 };
  }
  return outcomes;
}

/** ContactCreate and ContactUpdate teach the relay tags the contact has: one upsert for all. */
async function learnTags(tx: Sql, events: IncomingEvent[]): Promise<void> {
  const byContact = new Map<
    string,
    { location_id: string; contact_id: string; tags: Set<string> }
  >();
  for (const event of events) {
    const contactId = text(event.body.id);
    if (!TEACHES_TAGS.has(event.type) || !contactId || !event.locationId) continue;
    if (!Array.isArray(event.body.tags)) continue;
    const key = JSON.stringify([event.locationId, contactId]);
    const entry = byContact.get(key) ?? {
      location_id: event.locationId,
      contact_id: contactId,
      tags: new Set<string>(),
    };
    for (const tag of tagsOf(event.body)) entry.tags.add(tag);
    byContact.set(key, entry);
  }
  if (byContact.size === 0) return;
  await tx.query(
    `INSERT INTO relay_contact_tags (location_id, contact_id, tags)
     SELECT location_id, contact_id, tags
     FROM jsonb_to_recordset($1::jsonb) AS c(location_id text, contact_id text, tags text[])
     ON CONFLICT (location_id, contact_id)
     DO UPDATE SET tags = ARRAY(SELECT DISTINCT unnest(relay_contact_tags.tags || EXCLUDED.tags))
     WHERE relay_contact_tags.deleted_at IS NULL`,
    [JSON.stringify([...byContact.values()].map((c) => ({ ...c, tags: [...c.tags] })))],
  );
}

interface Outgoing {
  eventId: string;
  webhookId: string;
  locationId: string | undefined;
  event: string;
  raw: string;
  body: Record<string, unknown>;
}

const outgoingOf = (event: IncomingEvent) => ({
  webhookId: event.webhookId,
  locationId: event.locationId,
  event: event.type,
  raw: event.raw,
  body: event.body,
});

/**
 * One delivery job per (outgoing event, matching subscription). Filters are matched in SQL
 * (filters.ts): a sub-account with many subscriptions costs one indexed join, not every
 * subscription read back; the pairs then go to pg-boss in one insert, in this transaction.
 * Returns how many deliveries each event got.
 */
async function insertDeliveries(
  tx: Sql,
  queue: DeliveryQueue,
  outgoing: Outgoing[],
): Promise<Map<string, number>> {
  const rows = await tx.query<{
    event_id: string;
    webhook_id: string;
    subscription_id: string;
    target_url: string;
    body: string;
  }>(
    `SELECT o.event_id, o.webhook_id, s.id AS subscription_id, s.target_url, o.body
     FROM jsonb_to_recordset($1::jsonb) AS o(
       event_id bigint, webhook_id text, location_id text, event text, body text,
       filter_values jsonb)
     JOIN relay_subscriptions s ON s.location_id = o.location_id AND s.event = o.event
     WHERE ${filtersSql('o.filter_values')}`,
    [
      JSON.stringify(
        outgoing.map((item) => ({
          event_id: item.eventId,
          webhook_id: item.webhookId,
          location_id: item.locationId,
          event: item.event,
          body: item.raw,
          filter_values: filterValues(item.body),
        })),
      ),
    ],
  );
  await queue.enqueue(
    tx,
    rows.map((row) => ({
      eventId: String(row.event_id),
      webhookId: row.webhook_id,
      subscriptionId: row.subscription_id,
      targetUrl: row.target_url,
      body: row.body,
    })),
  );
  const counts = new Map<string, number>();
  for (const row of rows) {
    const eventId = String(row.event_id);
    counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
  }
  return counts;
}

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

/** One event whose effect depends on what came before it, in its own statements. */
async function ingestEvent(
  tx: Sql,
  event: IncomingEvent,
  installed: InstalledCache,
  queue: DeliveryQueue,
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
    installed.delete(await recordUninstall(tx, queue, event.body));
    return { outcome: 'stored', eventId, deliveries: 0 };
  }

  const outgoing: Outgoing[] = [{ eventId, ...outgoingOf(event) }];
  const added = await updateKnownTags(tx, event);
  if (added.length > 0) {
    const derived = { ...event.body, type: CONTACT_TAG_ADDED, tagsAdded: added };
    outgoing.push({
      eventId,
      webhookId: event.webhookId,
      locationId: event.locationId,
      event: CONTACT_TAG_ADDED,
      raw: JSON.stringify(derived),
      body: derived,
    });
  }
  const deliveries = await insertDeliveries(tx, queue, outgoing);
  return { outcome: 'stored', eventId, deliveries: deliveries.get(eventId) ?? 0 };
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

/** When HighLevel sent the event (its `timestamp`, checked on receipt). */
const sentAt = (event: IncomingEvent): Date => new Date(String(event.body.timestamp));

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
async function recordUninstall(
  tx: Sql,
  queue: DeliveryQueue,
  body: Record<string, unknown>,
): Promise<string[]> {
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
  await endSubscriptionsOfLocations(tx, queue, [...locations]);
  return [...locations];
}

/** Keeps the contact's known tags and returns the ones this event added (ContactTagUpdate only). */
async function updateKnownTags(tx: Sql, event: IncomingEvent): Promise<string[]> {
  const contactId = text(event.body.id);
  if (!contactId || !event.locationId) return [];
  if (event.type === 'ContactDelete') {
    // A tombstone, not a forgotten contact: see relay_contact_tags in schema.ts.
    await tx.query(
      `INSERT INTO relay_contact_tags (location_id, contact_id, tags, deleted_at)
       VALUES ($1, $2, '{}', $3)
       ON CONFLICT (location_id, contact_id) DO UPDATE
       SET tags = '{}', deleted_at = GREATEST(relay_contact_tags.deleted_at, EXCLUDED.deleted_at)`,
      [event.locationId, contactId, sentAt(event)],
    );
    return [];
  }
  if (!TAG_BEARING.has(event.type) || !Array.isArray(event.body.tags)) return [];
  const current = tagsOf(event.body);
  if (event.type !== 'ContactTagUpdate') {
    // Create and update only teach the relay tags the contact has: one upsert, nothing derived.
    await tx.query(
      `INSERT INTO relay_contact_tags (location_id, contact_id, tags) VALUES ($1, $2, $3)
       ON CONFLICT (location_id, contact_id)
       DO UPDATE SET tags = ARRAY(SELECT DISTINCT unnest(relay_contact_tags.tags || EXCLUDED.tags))
       WHERE relay_contact_tags.deleted_at IS NULL`,
      [event.locationId, contactId, current],
    );
    return [];
  }
  // FOR UPDATE: two instances handling two updates of one contact take turns.
  const [row] = await tx.query<{ tags: string[]; deleted_at: Date | null }>(
    `SELECT tags, deleted_at FROM relay_contact_tags
     WHERE location_id = $1 AND contact_id = $2 FOR UPDATE`,
    [event.locationId, contactId],
  );
  // HighLevel does not keep order: a tag update sent before the contact's delete but arriving
  // after it adds nothing (the contact is gone). One sent after the delete is a restored contact,
  // known from then on like a contact never seen.
  if (row?.deleted_at && sentAt(event) <= new Date(row.deleted_at)) return [];
  const known = row?.deleted_at ? undefined : row;
  const added = tagsAdded(known?.tags, current);
  if (added.length > 0 || !known) {
    await tx.query(
      `INSERT INTO relay_contact_tags (location_id, contact_id, tags) VALUES ($1, $2, $3)
       ON CONFLICT (location_id, contact_id)
       DO UPDATE SET deleted_at = NULL,
         tags = ARRAY(SELECT DISTINCT unnest(
           CASE WHEN relay_contact_tags.deleted_at IS NULL THEN relay_contact_tags.tags END
           || EXCLUDED.tags))`,
      [event.locationId, contactId, [...(known?.tags ?? []), ...added]],
    );
  }
  return added;
}
