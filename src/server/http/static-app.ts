import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { Problem, sendProblem } from './problem.ts';

/**
 * Serves the built app: hashed bundles cached for good, everything else revalidated, and the page itself
 * for any other GET that asks for HTML, so deep links work. Without a build, says how to make one.
 */
export async function serveApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders(reply, path) {
        void reply.header('Cache-Control', /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.\w+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return sendProblem(reply, new Problem(404, `No API request ${request.method} ${request.url.split('?')[0]}.`));
    if (request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) {
      if (!built) return reply.code(503).type('text/plain; charset=utf-8').send('The app is not built yet: run `npm run build`, or start with `npm start`, which builds it first.');
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });
}
