import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';

export function healthRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.get('/api/health', async (_request, reply) => {
    const ok = await store.ping().catch(() => false);
    return reply.code(ok ? 200 : 503).send({ ok, database: store.kind });
  });
}
