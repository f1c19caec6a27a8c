// GET /health and GET /metrics (Prometheus text format).
import type { FastifyPluginAsync } from 'fastify';
import type { RelayContext } from './context';

export const operationRoutes: FastifyPluginAsync<{ context: RelayContext }> = async (
  app,
  { context },
) => {
  app.get('/health', async (_request, reply) => {
    try {
      await context.db.query('SELECT 1');
      return { ok: true, store: context.db.engine };
    } catch {
      return reply.code(503).send({ ok: false, store: context.db.engine });
    }
  });

  app.get('/metrics', async (_request, reply) =>
    reply
      .header('content-type', context.metrics.registry.contentType)
      .send(await context.metrics.registry.metrics()),
  );
};
