// The delivery queue is pg-boss's, in the relay's own database (its `pgboss` schema, created at
// start). pg-boss reaches that database only through the relay's `Database` (its `db` adapter), so
// the embedded store and a PostgreSQL server work alike, jobs are inserted in the very transaction
// that stores their event, and no second connection pool is opened. LISTEN/NOTIFY is not used: the
// instance that stored an event wakes its worker in-process (see worker.ts).
//
// What pg-boss does: the jobs, claiming them (FOR UPDATE SKIP LOCKED, safe across instances),
// counting attempts, backoff with jitter, taking back a job whose instance died mid-POST (after
// `expireInSeconds`, when its supervisor next runs), and the dead-letter queue. What stays ours:
// which subscriptions an event goes to, the POST, 410 Gone, and the retry window (how long to keep
// trying: a job past it is sent to the dead-letter queue whatever its attempt count).
import { createHash } from 'crypto';
import { PgBoss, type Db as IDatabase, type Job } from 'pg-boss';
import type { RelaySettings } from '../settings';
import type { Database, Sql } from '../store/database';

export const QUEUE = 'relay-deliveries';
/** Deliveries given up after the retry window: kept (never deleted) and counted, for redriving. */
export const DEAD_LETTERS = 'relay-deliveries-dead';

/**
 * How a state of the delivery queue is counted in /metrics; any other state is pending (waiting or
 * being posted). A failed job was dead-lettered: it is counted once, in the dead-letter queue.
 */
const COUNTED_AS: Record<string, 'delivered' | 'cancelled' | null> = {
  completed: 'delivered',
  cancelled: 'cancelled',
  failed: null,
};
/** pg-boss's own attempt limit is not ours (the window is): high enough never to be reached. */
const RETRY_LIMIT = 1_000_000;
const TEN_YEARS_SECONDS = 10 * 365 * 24 * 60 * 60;

export interface DeliveryData {
  webhookId: string;
  subscriptionId: string;
  /** The subscription's hook URL (a subscription's target never changes; ending it cancels its jobs). */
  targetUrl: string;
  /** When its event was stored (ms since the epoch): the retry window and latency count from it. */
  storedAt: number;
  /** What the subscriber gets: HighLevel's body as received, or the derived ContactTagAdded. */
  body: string;
}

export type DeliveryJob = Job<DeliveryData>;

export interface NewDelivery extends Omit<DeliveryData, 'storedAt'> {
  eventId: string;
}

/** pg-boss's `db` over one of the relay's connections or transactions. */
export const bossDb = (sql: Sql): IDatabase => ({
  executeSql: async (text, values) => ({
    rows: values?.length ? await sql.query(text, values) : await sql.exec(text),
  }),
});

/**
 * One job per (event, subscription), with an id derived from the pair (shaped as a version-5
 * UUID): inserting the pair again is a no-op, as the old UNIQUE (event_id, subscription_id) was.
 */
export function deliveryJobId(eventId: string, subscriptionId: string): string {
  const hash = createHash('sha1').update(`${eventId}\u0000${subscriptionId}`).digest('hex');
  const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hash.slice(0, 8),
    hash.slice(8, 12),
    `5${hash.slice(13, 16)}`,
    `${variant}${hash.slice(17, 20)}`,
    hash.slice(20, 32),
  ].join('-');
}

export type RetrySettings = Pick<
  RelaySettings,
  | 'retryBaseSeconds'
  | 'retryMaxDelaySeconds'
  | 'retryForMs'
  | 'deliveryTimeoutMs'
  | 'deliveryExpireSeconds'
  | 'superviseIntervalSeconds'
>;

export class DeliveryQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly db: Database,
    private readonly settings: RetrySettings,
  ) {}

  static async start(
    db: Database,
    settings: RetrySettings,
    onError: (error: Error) => void,
  ): Promise<DeliveryQueue> {
    if (settings.deliveryExpireSeconds * 1000 <= settings.deliveryTimeoutMs) {
      throw new Error(
        'Setting RELAY_DELIVERY_EXPIRE_SECONDS must be longer than RELAY_DELIVERY_TIMEOUT_MS, ' +
          'or a delivery still being posted would be handed to another attempt.',
      );
    }
    const boss = new PgBoss({
      db: bossDb(db),
      backend: db.engine === 'embedded' ? 'pglite' : 'postgres',
      schedule: false,
      superviseIntervalSeconds: settings.superviseIntervalSeconds,
    });
    boss.on('error', onError);
    await boss.start();
    await boss.createQueue(DEAD_LETTERS, {
      deleteAfterSeconds: 0,
      retentionSeconds: TEN_YEARS_SECONDS,
    });
    await boss.createQueue(QUEUE, {
      retryLimit: RETRY_LIMIT,
      retryDelay: settings.retryBaseSeconds,
      retryBackoff: true,
      retryDelayMax: settings.retryMaxDelaySeconds,
      expireInSeconds: settings.deliveryExpireSeconds,
      deadLetter: DEAD_LETTERS,
    });
    // Fills pg-boss's queue cache now: an insert inside one of our transactions must not have to
    // read the queue through another connection (the embedded store has only one).
    await boss.getQueue(QUEUE);
    await boss.findJobs(QUEUE, { limit: 1 });
    return new DeliveryQueue(boss, db, settings);
  }

  /** Inserts the deliveries in `tx`, the transaction that stores their events. */
  async enqueue(tx: Sql, deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const storedAt = Date.now();
    await this.boss.insert(
      QUEUE,
      deliveries.map(({ eventId, ...data }) => ({
        id: deliveryJobId(eventId, data.subscriptionId),
        // The subscription's id is the job's key: ending a subscription finds its jobs by it.
        singletonKey: data.subscriptionId,
        data: { ...data, storedAt },
      })),
      { db: bossDb(tx) },
    );
  }

  /** Claims up to `limit` due deliveries. */
  fetch(limit: number): Promise<DeliveryJob[]> {
    return this.bookkeeping((db) => this.boss.fetch<DeliveryData>(QUEUE, { batchSize: limit, db }));
  }

  async complete(jobs: DeliveryJob[]): Promise<void> {
    await this.bookkeeping((db) => this.boss.complete(QUEUE, jobs, null, { db }));
  }

  /** Jobs being posted whose subscription has ended. */
  async cancel(jobs: DeliveryJob[]): Promise<void> {
    await this.bookkeeping((db) => this.boss.cancel(QUEUE, jobs, { db }));
  }

  /** A failed attempt: pg-boss retries it after its backoff. */
  async retry(job: DeliveryJob, outcome: string): Promise<void> {
    await this.bookkeeping((db) => this.boss.fail(QUEUE, job, { outcome }, { db }));
  }

  /**
   * A failed attempt after which the next could not start inside the retry window: the job goes to
   * the dead-letter queue now. pg-boss dead-letters a job that fails with no retries left, so its
   * retry limit is first lowered to the attempts it made (pg-boss's job table, in one transaction).
   */
  async deadLetter(job: DeliveryJob, outcome: string): Promise<void> {
    await this.bookkeeping(async (db, tx) => {
      await tx.query(
        `UPDATE pgboss.job SET retry_limit = retry_count
         WHERE name = $1 AND id = $2 AND state = 'active'`,
        [QUEUE, job.id],
      );
      await this.boss.fail(QUEUE, job, { outcome }, { db });
    });
  }

  /** Whether the attempt after `job`'s failure could still start inside the retry window. */
  mayRetry(job: DeliveryJob, now = Date.now()): boolean {
    // pg-boss waits at least retryDelay·2^retryCount (capped), at most twice that.
    const soonest = Math.min(
      this.settings.retryMaxDelaySeconds,
      this.settings.retryBaseSeconds * 2 ** Math.min(16, job.retryCount),
    );
    return now + soonest * 1000 - job.data.storedAt <= this.settings.retryForMs;
  }

  /** Cancels the queued deliveries of these subscriptions, in `tx` (the one that ends them). */
  async cancelSubscriptions(tx: Sql, subscriptionIds: string[]): Promise<void> {
    const db = bossDb(tx);
    for (const key of subscriptionIds) {
      for (;;) {
        const queued = await this.boss.findJobs(QUEUE, { key, queued: true, limit: 1000, db });
        if (queued.length === 0) break;
        await this.boss.cancel(
          QUEUE,
          queued.map((job) => job.id),
          { db },
        );
      }
    }
  }

  /**
   * Live counts, read from pg-boss's job table (its own queue counts are cached for a minute):
   * pending (waiting or being posted), delivered, dead (in the dead-letter queue) and cancelled.
   */
  async counts(): Promise<Record<string, number>> {
    const rows = await this.db.query<{ name: string; state: string; count: string }>(
      `SELECT name, state, count(*) AS count FROM pgboss.job
       WHERE name = ANY($1::text[]) GROUP BY name, state`,
      [[QUEUE, DEAD_LETTERS]],
    );
    const counts: Record<string, number> = { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
    for (const row of rows) {
      const state =
        row.name === DEAD_LETTERS
          ? 'dead'
          : Object.hasOwn(COUNTED_AS, row.state)
            ? COUNTED_AS[row.state]
            : 'pending';
      if (state) counts[state]! += Number(row.count);
    }
    return counts;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, close: false, timeout: 5_000 });
  }

  /**
   * Claims and outcomes commit without waiting for the disk (`synchronous_commit = off`; the next
   * event's commit flushes them): a power loss can at worst forget one, so a delivery is repeated,
   * at least once as after any crash. Events and their deliveries are still committed durably
   * before the 200. On the embedded store this saves an fsync per claim and per batch of outcomes.
   */
  private bookkeeping<T>(work: (db: IDatabase, tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      return work(bossDb(tx), tx);
    });
  }
}
