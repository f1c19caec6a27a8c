// The delivery queue on pg-boss, on both stores: jobs exist only if their transaction commits,
// ending a subscription cancels its queued jobs (and only its), a failed delivery waits longer
// after each attempt, and a delivery past the retry window goes to the dead-letter queue and is
// counted.
import { DeliveryQueue, type DeliveryJob, type NewDelivery } from '../../relay/delivery/queue';
import { openDatabase, type Database } from '../../relay/store/database';
import { endSubscription } from '../../relay/store/subscriptions';
import { deliveryStates } from './support/deliveryJobs';
import { freshStore, STORES, type StoreOptions } from './support/stores';

jest.setTimeout(60_000);

const SETTINGS = {
  retryBaseSeconds: 1,
  // Above the delays the backoff test reaches (1, 2, then 4 seconds at least).
  retryMaxDelaySeconds: 60,
  retryForMs: 60_000,
  deliveryTimeoutMs: 2_000,
  deliveryExpireSeconds: 3,
  superviseIntervalSeconds: 1,
};

/** Milliseconds (JavaScript) against microseconds (PostgreSQL). */
const CLOCK_ROUNDING_MS = 2;

let events = 0;
const delivery = (subscriptionId: string): NewDelivery => {
  events += 1;
  return {
    eventId: String(events),
    webhookId: `wh-${events}`,
    subscriptionId,
    targetUrl: `https://hooks.zapier.com/${subscriptionId}`,
    body: '{}',
  };
};

describe.each(STORES)('delivery queue (pg-boss), %s store', (kind) => {
  let store: StoreOptions;
  let db: Database;
  let queue: DeliveryQueue;
  beforeAll(async () => {
    store = await freshStore(kind);
    db = await openDatabase(store.settings);
    queue = await DeliveryQueue.start(db, SETTINGS, (error) => {
      throw error;
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.close();
    store?.remove();
  });

  /** Fetches until `wanted` has been claimed (other jobs claimed meanwhile are returned too). */
  async function claim(wanted: (job: DeliveryJob) => boolean): Promise<DeliveryJob[]> {
    const claimed: DeliveryJob[] = [];
    for (let round = 0; round < 50 && !claimed.some(wanted); round += 1) {
      claimed.push(...(await queue.fetch(100)));
    }
    expect(claimed.some(wanted)).toBe(true);
    return claimed;
  }

  it('has no job for a delivery enqueued in a transaction that rolls back', async () => {
    const kept = delivery('sub-rollback');
    const rolledBack = delivery('sub-rollback');
    await db.transaction((tx) => queue.enqueue(tx, [kept]));
    await expect(
      db.transaction(async (tx) => {
        await queue.enqueue(tx, [rolledBack]);
        throw new Error('the event could not be stored');
      }),
    ).rejects.toThrow('could not be stored');
    expect(await deliveryStates(db, { webhookId: kept.webhookId })).toEqual(['pending']);
    expect(await deliveryStates(db, { webhookId: rolledBack.webhookId })).toEqual([]);
  });

  it('queues one job per (event, subscription): enqueuing the pair again adds nothing', async () => {
    const once = delivery('sub-once');
    await db.transaction((tx) => queue.enqueue(tx, [once]));
    await db.transaction((tx) => queue.enqueue(tx, [once, { ...once, subscriptionId: 'sub-2' }]));
    expect(await deliveryStates(db, { webhookId: once.webhookId })).toEqual(['pending', 'pending']);
  });

  it('cancels the queued jobs of a subscription that ends (410 Gone), and only its', async () => {
    await db.query(
      `INSERT INTO relay_subscriptions (id, event, location_id, target_url)
       VALUES ('sub-gone', 'ContactCreate', 'loc-1', 'https://hooks.zapier.com/gone')`,
    );
    const gone = [delivery('sub-gone'), delivery('sub-gone'), delivery('sub-gone')];
    const other = delivery('sub-staying');
    await db.transaction((tx) => queue.enqueue(tx, [...gone, other]));

    // A rolled-back end cancels nothing.
    await expect(
      db.transaction(async (tx) => {
        await endSubscription(tx, queue, 'sub-gone');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await deliveryStates(db, { subscriptionId: 'sub-gone' })).toEqual([
      'pending',
      'pending',
      'pending',
    ]);

    expect(await db.transaction((tx) => endSubscription(tx, queue, 'sub-gone'))).toBe(true);
    expect(await deliveryStates(db, { subscriptionId: 'sub-gone' })).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await deliveryStates(db, { subscriptionId: 'sub-staying' })).toEqual(['pending']);
    expect(await db.query("SELECT 1 FROM relay_subscriptions WHERE id = 'sub-gone'")).toEqual([]);
  });

  it('waits longer after each failed attempt: after the n-th, base·2^(n-1) to twice that', async () => {
    const flaky = delivery('sub-backoff');
    await db.transaction((tx) => queue.enqueue(tx, [flaky]));
    const isFlaky = (job: DeliveryJob) => job.data.webhookId === flaky.webhookId;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const job = (await claim(isFlaky)).find(isFlaky)!;
      expect(job.retryCount).toBe(attempt - 1);
      const before = Date.now();
      await queue.retry(job, 'HTTP 503');
      const after = Date.now();
      const [row] = await db.query<{ start_after: Date | string }>(
        'SELECT start_after FROM pgboss.job WHERE id = $1',
        [job.id],
      );
      // pg-boss schedules from its transaction's start, between `before` and `after`.
      const startAfter = new Date(row!.start_after).getTime();
      const shortest = SETTINGS.retryBaseSeconds * 2 ** (attempt - 1) * 1000;
      expect(startAfter - before).toBeGreaterThanOrEqual(shortest - CLOCK_ROUNDING_MS);
      expect(startAfter - after).toBeLessThanOrEqual(2 * shortest + CLOCK_ROUNDING_MS);
      delays.push(startAfter - before);
      // Due now rather than after its wait, so that the next attempt is claimed at once.
      await db.query('UPDATE pgboss.job SET start_after = now() WHERE id = $1', [job.id]);
    }
    expect(delays[2]).toBeGreaterThan(delays[0]!);
  });

  it('retries a failure inside the window, dead-letters one past it, and counts it', async () => {
    const fresh = delivery('sub-window');
    const old = delivery('sub-window');
    await db.transaction((tx) => queue.enqueue(tx, [fresh, old]));
    const claimed = await claim((job) => job.data.webhookId === old.webhookId);
    const oldJob = claimed.find((job) => job.data.webhookId === old.webhookId)!;
    const freshJob = claimed.find((job) => job.data.webhookId === fresh.webhookId)!;
    const deadBefore = (await queue.counts()).dead!;

    expect(queue.mayRetry(freshJob)).toBe(true);
    await queue.retry(freshJob, 'HTTP 503');
    // Seen a day later (the window is 24 hours by default; a minute here).
    const aDayLater = oldJob.data.storedAt + SETTINGS.retryForMs;
    expect(queue.mayRetry(oldJob, aDayLater)).toBe(false);
    await queue.deadLetter(oldJob, 'HTTP 503');

    expect(await deliveryStates(db, { webhookId: fresh.webhookId })).toEqual(['pending']);
    expect(await deliveryStates(db, { webhookId: old.webhookId })).toEqual(['dead']);
    expect((await queue.counts()).dead).toBe(deadBefore + 1);
    // The dead letter keeps what is needed to deliver it later.
    const [letter] = await db.query<{ data: { webhookId: string; subscriptionId: string } }>(
      "SELECT data FROM pgboss.job WHERE name = 'relay-deliveries-dead' AND data->>'webhookId' = $1",
      [old.webhookId],
    );
    expect(letter?.data).toMatchObject({ webhookId: old.webhookId, subscriptionId: 'sub-window' });
  });
});
