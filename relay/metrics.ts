// Prometheus metrics, one registry per relay (tests run several relays in one process).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryQueue } from './delivery/queue';

export type RejectReason =
  | 'unsigned'
  | 'bad_signature'
  | 'stale'
  | 'malformed'
  | 'not_installed'
  | 'too_large'
  | 'store_unavailable';

export function createMetrics(queue: DeliveryQueue) {
  const registry = new Registry();
  const metrics = {
    registry,
    received: new Counter({
      name: 'relay_events_received_total',
      help: 'Webhook requests received from HighLevel.',
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'relay_events_rejected_total',
      help: 'Webhook requests refused, by reason.',
      labelNames: ['reason'],
      registers: [registry],
    }),
    duplicates: new Counter({
      name: 'relay_events_duplicate_total',
      help: 'Events whose webhookId was already stored (answered 200, not delivered again).',
      registers: [registry],
    }),
    stored: new Counter({
      name: 'relay_events_stored_total',
      help: 'Events durably stored (committed) and acknowledged.',
      registers: [registry],
    }),
    delivered: new Counter({
      name: 'relay_deliveries_delivered_total',
      help: 'Deliveries a subscriber accepted.',
      registers: [registry],
    }),
    retried: new Counter({
      name: 'relay_deliveries_retried_total',
      help: 'Failed delivery attempts scheduled for a retry.',
      registers: [registry],
    }),
    dead: new Counter({
      name: 'relay_deliveries_dead_total',
      help: 'Deliveries given up after the retry period (kept in the dead-letter queue).',
      registers: [registry],
    }),
    gone: new Counter({
      name: 'relay_subscriptions_gone_total',
      help: 'Subscriptions ended by a 410 Gone from their target.',
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'relay_delivery_latency_seconds',
      help: 'From the event being stored to its subscriber accepting it.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600, 86400],
      registers: [registry],
    }),
  };
  // Read from pg-boss's job table at scrape time, so they are right across several instances.
  new Gauge({
    name: 'relay_queue_depth',
    help: 'Deliveries waiting (pending), by state for the others.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.counts();
      for (const state of ['pending', 'delivered', 'dead', 'cancelled']) {
        this.set({ state }, counts[state] ?? 0);
      }
    },
  });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
