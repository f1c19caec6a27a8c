// POST /webhooks/highlevel: verify, store durably, answer. HighLevel retries only a 429 (6 times,
// 10 minutes apart); any other answer is final, so 200 comes only after the commit and 429 when
// the event could not be stored.
import type { FastifyPluginAsync } from 'fastify';
import type { RelayContext } from '../context';
import type { RejectReason } from '../metrics';
import type { IncomingEvent } from '../store/ingest';
import { INSTALL, UNINSTALL } from './eventTypes';
import { checkSignature } from './signature';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

const FUTURE_SKEW_MS = 5 * 60 * 1000;

export const webhookRoutes: FastifyPluginAsync<{ context: RelayContext }> = async (
  app,
  { context },
) => {
  const { settings, metrics, ingest } = context;
  // The signature covers the raw bytes: keep them, parse afterwards.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async () => metrics.received.inc());
  // Fastify answers 413 itself for a body over bodyLimit; count it.
  app.addHook('onError', async (_request, reply, error) => {
    if ((error as { statusCode?: number }).statusCode === 413) reject(reply.log, 'too_large');
  });

  /** `webhookId` once the signature verified: before that the body's id is anyone's claim. */
  const reject = (
    log: { info(o: object, m: string): void },
    reason: RejectReason,
    webhookId?: string,
  ) => {
    metrics.rejected.inc({ reason });
    log.info({ reason, webhookId }, 'webhook refused');
  };

  app.post('/webhooks/highlevel', { bodyLimit: MAX_WEBHOOK_BYTES }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = checkSignature(raw, request.headers, context.keys);
    if (signature !== 'valid') {
      reject(request.log, signature === 'unsigned' ? 'unsigned' : 'bad_signature');
      return reply
        .code(401)
        .send({ error: 'The webhook signature is missing or does not verify.' });
    }

    const event = parseEvent(raw);
    if (!event) {
      reject(request.log, 'malformed');
      return reply.code(400).send({
        error: 'The webhook body must be a JSON object with type, webhookId and timestamp.',
      });
    }
    const age = Date.now() - Date.parse(String(event.body.timestamp));
    if (!(age <= settings.webhookMaxAgeSeconds * 1000 && age >= -FUTURE_SKEW_MS)) {
      reject(request.log, 'stale', event.webhookId);
      return reply.code(401).send({ error: 'The webhook timestamp is missing or too old.' });
    }

    let result;
    try {
      result = await ingest.submit(event);
    } catch (error) {
      reject(request.log, 'store_unavailable', event.webhookId);
      request.log.error({ err: error, webhookId: event.webhookId }, 'could not store an event');
      return reply.code(429).header('retry-after', '60').send({ error: 'Try again later.' });
    }
    if (result.outcome === 'not-installed') {
      // 403, final on purpose: HighLevel retries only 429, and an event for a sub-account that
      // never installed the app (or has uninstalled it) has nobody to go to. Subscriptions can only
      // exist after an install, so no later retry could ever be delivered either.
      reject(request.log, 'not_installed', event.webhookId);
      return reply.code(403).send({ error: 'The app is not installed in this sub-account.' });
    }
    if (result.outcome === 'duplicate') {
      metrics.duplicates.inc();
      request.log.info({ webhookId: event.webhookId }, 'webhook already stored');
      return reply.code(200).send({ ok: true, duplicate: true });
    }
    metrics.stored.inc();
    request.log.info(
      { webhookId: event.webhookId, type: event.type, deliveries: result.deliveries },
      'webhook stored',
    );
    return reply.code(200).send({ ok: true });
  });
};

function parseEvent(raw: Buffer): IncomingEvent | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const { type, webhookId, locationId } = record;
  if (typeof type !== 'string' || typeof webhookId !== 'string' || webhookId === '') {
    return undefined;
  }
  if (typeof locationId !== 'string' && type !== INSTALL && type !== UNINSTALL) return undefined;
  return {
    webhookId,
    type,
    locationId: typeof locationId === 'string' ? locationId : undefined,
    raw: raw.toString('utf8'),
    body: record,
  };
}
