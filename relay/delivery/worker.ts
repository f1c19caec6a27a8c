// Delivers stored events to their subscribers, at least once: fetch due deliveries from the
// pg-boss queue (queue.ts), POST each body, then complete the job, let pg-boss retry it with
// backoff, end the subscription (410 Gone), or dead-letter it once the retry window is over.
//
// Why pg-boss: a well-kept job queue on PostgreSQL that runs on both stores (PGlite in-process, a
// PostgreSQL server) through the relay's own connection, with transactional enqueue, attempt
// counting, backoff, expiry of claims whose instance died, and a dead-letter queue.
//
// How: this loop calls pg-boss's fetch() itself, woken in-process the moment an event with
// deliveries commits here, and otherwise every `pollIntervalMs` (due retries, other instances'
// events). Not pg-boss's work(): its workers each poll at 0.5 s at best, and with LISTEN/NOTIFY
// every notification wakes every one of them, which at 32 workers tips over under load; one loop
// that fetches as many jobs as it has free slots keeps the delivery latency of a direct wake-up.
import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from '../metrics';
import type { RelaySettings } from '../settings';
import type { Database } from '../store/database';
import { endSubscription } from '../store/subscriptions';
import type { DeliveryJob, DeliveryQueue } from './queue';

export class DeliveryWorker {
  private inFlight = new Set<Promise<void>>();
  private stopped = false;
  private claiming = false;
  private wakeAgain = false;
  private timer?: NodeJS.Timeout;
  /** Deliveries accepted since the last write: completed together, one statement for many. */
  private accepted: Array<{ job: DeliveryJob; done(error?: unknown): void }> = [];

  constructor(
    private readonly db: Database,
    private readonly queue: DeliveryQueue,
    private readonly settings: RelaySettings,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** New deliveries were committed: look now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) this.wakeAgain = true;
    else this.schedule(0);
  }

  /** Stops claiming, waits for the deliveries in flight to finish, then stops pg-boss. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.claiming || this.inFlight.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 20))]);
    }
    await this.queue.stop();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.claim(), delayMs);
  }

  private async claim(): Promise<void> {
    if (this.stopped || this.claiming) return;
    this.claiming = true;
    this.wakeAgain = false;
    let claimed: DeliveryJob[] = [];
    const free = this.settings.deliveryConcurrency - this.inFlight.size;
    try {
      if (free > 0) {
        // A claim outlives the POST's timeout (deliveryExpireSeconds), so no other attempt starts
        // while this one runs.
        claimed = await this.queue.fetch(free);
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not claim deliveries');
    } finally {
      this.claiming = false;
    }
    for (const job of claimed) {
      const running = this.deliver(job).finally(() => {
        this.inFlight.delete(running);
        this.wake();
      });
      this.inFlight.add(running);
    }
    if (this.stopped) return;
    const full = free > 0 && claimed.length === free;
    this.schedule(this.wakeAgain || full ? 0 : this.settings.pollIntervalMs);
  }

  private async deliver(job: DeliveryJob): Promise<void> {
    let outcome: string;
    let status: number | undefined;
    try {
      const response = await fetch(job.data.targetUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: job.data.body,
        signal: AbortSignal.timeout(this.settings.deliveryTimeoutMs),
        redirect: 'manual',
      });
      await response.body?.cancel();
      status = response.status;
      outcome = `HTTP ${status}`;
    } catch (error) {
      outcome = error instanceof Error ? error.name : 'network error';
    }
    try {
      await this.record(job, status, outcome);
    } catch (error) {
      // The claim expires and another attempt follows: at least once, never lost.
      this.log.warn({ err: error, deliveryId: job.id }, 'could not record a delivery');
    }
  }

  private recordAccepted(job: DeliveryJob): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.accepted.length === 0) {
        setImmediate(() => {
          const batch = this.accepted;
          this.accepted = [];
          this.queue.complete(batch.map((item) => item.job)).then(
            () => batch.forEach((item) => item.done()),
            (error: unknown) => batch.forEach((item) => item.done(error)),
          );
        });
      }
      this.accepted.push({ job, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  private async record(job: DeliveryJob, status: number | undefined, outcome: string) {
    const ids = { webhookId: job.data.webhookId, subscriptionId: job.data.subscriptionId };
    if (status !== undefined && status >= 200 && status < 300) {
      await this.recordAccepted(job);
      this.metrics.delivered.inc();
      this.metrics.latency.observe((Date.now() - job.data.storedAt) / 1000);
      this.log.debug(ids, 'delivered');
      return;
    }
    if (status === 410) {
      await this.db.transaction((tx) => endSubscription(tx, this.queue, job.data.subscriptionId));
      await this.queue.cancel([job]);
      this.metrics.gone.inc();
      this.log.info(ids, 'subscription ended: its target answered 410 Gone');
      return;
    }
    const attempts = job.retryCount + 1;
    if (!this.queue.mayRetry(job)) {
      await this.queue.deadLetter(job, outcome);
      this.metrics.dead.inc();
      this.log.warn({ ...ids, attempts, outcome }, 'delivery dead-lettered');
      return;
    }
    await this.queue.retry(job, outcome);
    this.metrics.retried.inc();
    this.log.info({ ...ids, attempts, outcome }, 'delivery will be retried');
  }
}
