// The relay between HighLevel's Marketplace webhooks and Zapier's REST hooks (see README.md).
// startRelay() runs one in-process: `npm run relay`, the demo, the bench and the tests use it.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { RelayContext } from './context';
import { DeliveryQueue } from './delivery/queue';
import { DeliveryWorker } from './delivery/worker';
import { createMetrics, type Metrics } from './metrics';
import { operationRoutes } from './operations';
import { settingsFromEnv, type RelaySettings } from './settings';
import { openDatabase, type Database } from './store/database';
import { GroupCommit } from './store/groupCommit';
import { PRUNE_INTERVAL_MS, pruneEvents, retentionProblem } from './store/retention';
import { LocationAccess } from './subscriptions/locationAccess';
import { subscriptionRoutes } from './subscriptions/route';
import { loadSignatureKeys } from './webhooks/signature';
import { webhookRoutes } from './webhooks/route';

export type { RelaySettings } from './settings';

export interface Relay {
  /** http://host:port the relay listens on. */
  url: string;
  db: Database;
  metrics: Metrics;
  app: Pick<FastifyInstance, 'log'>;
  /** Stops taking requests, finishes the deliveries in flight, stops pg-boss, closes the store. */
  close(): Promise<void>;
}

/** Starts a relay with the environment's settings, overridden by `options`. */
export async function startRelay(options: Partial<RelaySettings> = {}): Promise<Relay> {
  const settings: RelaySettings = { ...settingsFromEnv(), ...options };
  const problem = retentionProblem(settings);
  if (problem) throw new Error(problem);
  const db = await openDatabase(settings);
  const app = Fastify({
    logger: { level: settings.logLevel },
    // The relay logs its own line per event (by webhookId); no line per request.
    logController: new LogController({ disableRequestLogging: true }),
    // Unknown keys are errors (400), not silently dropped; no type coercion.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  const queue = await DeliveryQueue.start(db, settings, (error) =>
    app.log.warn({ err: error }, 'delivery queue (pg-boss) error'),
  ).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const metrics = createMetrics(queue);
  const worker = new DeliveryWorker(db, queue, settings, metrics, app.log);
  const context: RelayContext = {
    settings,
    db,
    metrics,
    worker,
    keys: loadSignatureKeys(settings.webhookPublicKey, settings.webhookRsaPublicKey),
    locationAccess: new LocationAccess({
      apiBaseUrl: settings.highlevelApiBaseUrl,
      cacheSeconds: settings.locationCacheSeconds,
    }),
    queue,
    ingest: new GroupCommit(
      db,
      queue,
      { maxBatch: 256, maxConcurrentBatches: db.engine === 'postgres' ? 4 : 1 },
      (outcomes) => {
        if (outcomes.some((o) => o.outcome === 'stored' && o.deliveries > 0)) worker.wake();
      },
    ),
  };
  if (!context.keys.ed25519 && !context.keys.rsa) {
    app.log.warn('no HighLevel public key is set: every webhook will be refused');
  }

  await app.register(webhookRoutes, { context });
  await app.register(subscriptionRoutes, { context });
  await app.register(operationRoutes, { context });
  await app.listen({ port: settings.port, host: settings.host });
  worker.start();
  const prune = () =>
    pruneEvents(db, settings.eventRetentionSeconds).then(
      (pruned) => pruned > 0 && app.log.info({ pruned }, 'pruned events past their retention'),
      (error: unknown) => app.log.warn({ err: error }, 'pruning old events failed'),
    );
  void prune();
  const pruning = setInterval(() => void prune(), PRUNE_INTERVAL_MS).unref();

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host === '0.0.0.0' || settings.host === '::' ? '127.0.0.1' : settings.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    db,
    metrics,
    app,
    close: () =>
      (closing ??= (async () => {
        clearInterval(pruning);
        await app.close();
        await worker.stop();
        await db.close();
      })()),
  };
}
