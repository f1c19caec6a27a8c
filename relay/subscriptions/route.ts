// Zapier's REST hooks: POST /subscriptions from a trigger's performSubscribe, DELETE from its
// performUnsubscribe. The caller proves with its HighLevel token that it may see the sub-account.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RelayContext } from '../context';
import {
  createSubscription,
  endSubscription,
  findSubscription,
  type Subscription,
} from '../store/subscriptions';
import { SUBSCRIBABLE_EVENTS } from '../webhooks/eventTypes';
import { FILTER_KEYS, filtersProblem, type Filters } from './filters';
import { targetProblem } from './targets';

interface CreateBody {
  targetUrl: string;
  event: string;
  locationId: string;
  filters?: Filters;
}

const subscriptionSchema = {
  type: 'object',
  required: ['id', 'event', 'locationId', 'filters', 'targetUrl', 'createdAt'],
  properties: {
    id: { type: 'string' },
    event: { type: 'string' },
    locationId: { type: 'string' },
    filters: { type: 'object', additionalProperties: { type: 'string' } },
    targetUrl: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

const createSchema = {
  body: {
    type: 'object',
    required: ['targetUrl', 'event', 'locationId'],
    additionalProperties: false,
    properties: {
      targetUrl: { type: 'string', minLength: 1 },
      event: { type: 'string', enum: SUBSCRIBABLE_EVENTS },
      locationId: { type: 'string', minLength: 1 },
      filters: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          FILTER_KEYS.map((key) => [key, { type: 'string', minLength: 1 }]),
        ),
      },
    },
  },
  response: { 201: subscriptionSchema },
};

const bearerOf = (request: FastifyRequest): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

export const subscriptionRoutes: FastifyPluginAsync<{ context: RelayContext }> = async (
  app,
  { context },
) => {
  const { db, queue, settings, locationAccess } = context;

  /** Answers 401/403/502 and returns false unless the token may see the sub-account. */
  const mayUse = async (request: FastifyRequest, reply: FastifyReply, locationId: string) => {
    const token = bearerOf(request);
    if (!token) {
      await reply
        .code(401)
        .send({ error: 'Send the HighLevel access token as "Authorization: Bearer <token>".' });
      return false;
    }
    const access = await locationAccess.check(token, locationId);
    if (access === 'allowed') return true;
    await reply.code(access === 'denied' ? 403 : 502).send({
      error:
        access === 'denied'
          ? `This HighLevel token cannot see sub-account ${locationId}.`
          : 'HighLevel could not confirm the token just now; try again.',
    });
    return false;
  };

  app.post<{ Body: CreateBody }>(
    '/subscriptions',
    { schema: createSchema },
    async (request, reply) => {
      const { targetUrl, event, locationId, filters = {} } = request.body;
      if (!bearerOf(request)) {
        return reply
          .code(401)
          .send({ error: 'Send the HighLevel access token as "Authorization: Bearer <token>".' });
      }
      const problem = targetProblem(targetUrl, settings) ?? filtersProblem(event, filters);
      if (problem) return reply.code(400).send({ error: problem });
      if (!(await mayUse(request, reply, locationId))) return reply;
      const subscription: Subscription = await createSubscription(db, {
        event,
        locationId,
        filters,
        targetUrl,
      });
      request.log.info({ subscriptionId: subscription.id, event, locationId }, 'subscribed');
      return reply.code(201).send(subscription);
    },
  );

  app.delete<{ Params: { id: string } }>('/subscriptions/:id', async (request, reply) => {
    if (!bearerOf(request)) {
      return reply
        .code(401)
        .send({ error: 'Send the HighLevel access token as "Authorization: Bearer <token>".' });
    }
    const subscription = await findSubscription(db, request.params.id);
    if (!subscription) return reply.code(404).send({ error: 'No such subscription.' });
    if (!(await mayUse(request, reply, subscription.locationId))) return reply;
    await db.transaction((tx) => endSubscription(tx, queue, subscription.id));
    request.log.info({ subscriptionId: subscription.id }, 'unsubscribed');
    return reply.code(200).send({ id: subscription.id, deleted: true });
  });
};
