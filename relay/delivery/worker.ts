// Delivers stored events to their subscribers, at least once: claim due deliveries (a lease, see
// store/deliveries.ts), POST each body, then mark it delivered, retry it later with backoff, end
// the subscription (410 Gone), or give up after the retry period (dead, kept and counted).
//
// Why the relay's own queue table rather than pg-boss or graphile-worker: the embedded default
// runs PostgreSQL in-process (PGlite) over one connection and without LISTEN/NOTIFY to another
// connection. graphile-worker needs a node-postgres Pool; pg-boss takes any connection through its
// `db` adapter, but without notify it only polls, at 500 ms at best (MIN_POLLING_INTERVAL_MS),
// which alone misses the 50 ms p50 delivery target. Here the instance that stored an event wakes
// its worker in-process, and the deliveries are inserted in the very transaction that stores the
// event (no window where an acknowledged event has no job). Claims use FOR UPDATE SKIP LOCKED, as
// those libraries do, so several instances on one PostgreSQL share the queue safely.
import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from '../metrics';
import type { RelaySettings } from '../settings';
import type { Database } from '../store/database';
import {
  claimDueDeliveries,
  markDead,
  markDelivered,
  scheduleRetry,
  withoutWaitingForDisk,
  type ClaimedDelivery,
} from '../store/deliveries';
import { endSubscription } from '../store/subscriptions';
import { retryDelayMs } from './backoff';

export class DeliveryWorker {
  private inFlight = new Set<Promise<void>>();
  private stopped = false;
  private claiming = false;
  private wakeAgain = false;
  private timer?: NodeJS.Timeout;
  /** Deliveries accepted since the last write: recorded together, one UPDATE for many. */
  private accepted: Array<{ id: string; done(error?: unknown): void }> = [];

  constructor(
    private readonly db: Database,
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

  /** Stops claiming and waits for the deliveries in flight to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.claiming || this.inFlight.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 20))]);
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.claim(), delayMs);
  }

  private async claim(): Promise<void> {
    if (this.stopped || this.claiming) return;
    this.claiming = true;
    this.wakeAgain = false;
    let claimed: ClaimedDelivery[] = [];
    const free = this.settings.deliveryConcurrency - this.inFlight.size;
    try {
      if (free > 0) {
        // The lease outlives the POST's timeout, so no other instance takes it while it runs.
        claimed = await withoutWaitingForDisk(this.db, (tx) =>
          claimDueDeliveries(tx, free, this.settings.deliveryTimeoutMs + 30_000),
        );
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not claim deliveries');
    } finally {
      this.claiming = false;
    }
    for (const delivery of claimed) {
      const running = this.deliver(delivery).finally(() => {
        this.inFlight.delete(running);
        this.wake();
      });
      this.inFlight.add(running);
    }
    if (this.stopped) return;
    const full = claimed.length > 0 && claimed.length === free;
    this.schedule(this.wakeAgain || full ? 0 : this.settings.pollIntervalMs);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    let outcome: string;
    let status: number | undefined;
    try {
      const response = await fetch(delivery.targetUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: delivery.body,
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
      await this.record(delivery, status, outcome);
    } catch (error) {
      // The lease runs out and another attempt follows: at least once, never lost.
      this.log.warn({ err: error, deliveryId: delivery.id }, 'could not record a delivery');
    }
  }

  private recordAccepted(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.accepted.length === 0) {
        setImmediate(() => {
          const batch = this.accepted;
          this.accepted = [];
          withoutWaitingForDisk(this.db, (tx) =>
            markDelivered(
              tx,
              batch.map((item) => item.id),
            ),
          ).then(
            () => batch.forEach((item) => item.done()),
            (error: unknown) => batch.forEach((item) => item.done(error)),
          );
        });
      }
      this.accepted.push({ id, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  private async record(delivery: ClaimedDelivery, status: number | undefined, outcome: string) {
    const ids = { webhookId: delivery.webhookId, subscriptionId: delivery.subscriptionId };
    if (status !== undefined && status >= 200 && status < 300) {
      await this.recordAccepted(delivery.id);
      this.metrics.delivered.inc();
      this.metrics.latency.observe((Date.now() - delivery.eventReceivedAt.getTime()) / 1000);
      this.log.debug(ids, 'delivered');
      return;
    }
    if (status === 410) {
      await endSubscription(this.db, delivery.subscriptionId);
      this.metrics.gone.inc();
      this.log.info(ids, 'subscription ended: its target answered 410 Gone');
      return;
    }
    const delay = retryDelayMs(delivery.attempts, this.settings);
    if (Date.now() + delay - delivery.createdAt.getTime() > this.settings.retryForMs) {
      await withoutWaitingForDisk(this.db, (tx) => markDead(tx, delivery.id, outcome));
      this.metrics.dead.inc();
      this.log.warn({ ...ids, attempts: delivery.attempts, outcome }, 'delivery dead-lettered');
      return;
    }
    await withoutWaitingForDisk(this.db, (tx) => scheduleRetry(tx, delivery.id, delay, outcome));
    this.metrics.retried.inc();
    this.log.info({ ...ids, attempts: delivery.attempts, outcome }, 'delivery will be retried');
  }
}
