// What the route plugins share: settings, store, delivery queue, metrics and the delivery worker
// of one relay.
import type { DeliveryQueue } from './delivery/queue';
import type { DeliveryWorker } from './delivery/worker';
import type { Metrics } from './metrics';
import type { RelaySettings } from './settings';
import type { Database } from './store/database';
import type { GroupCommit } from './store/groupCommit';
import type { LocationAccess } from './subscriptions/locationAccess';
import type { SignatureKeys } from './webhooks/signature';

export interface RelayContext {
  settings: RelaySettings;
  db: Database;
  ingest: GroupCommit;
  queue: DeliveryQueue;
  worker: DeliveryWorker;
  metrics: Metrics;
  keys: SignatureKeys;
  locationAccess: LocationAccess;
}
