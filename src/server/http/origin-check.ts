import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request whose Origin header is missing or names another site, so a page
 * elsewhere cannot act with a signed-in user's cookie. `allowed` adds origins (a dev server in front, say).
 */
export function addOriginCheck(app: FastifyInstance, allowed: readonly string[]): void {
  app.addHook('onRequest', async (request) => {
    // Every unsafe method, whatever the path: a percent-encoded path reaches the same routes.
    if (SAFE_METHODS.has(request.method)) return;
    // Joining a classroom from a program (no cookie, so no signed-in user to act for) needs no Origin.
    if (request.url.startsWith('/matchmake/') && request.headers.cookie === undefined) return;
    const origin = request.headers.origin;
    if (origin === undefined) throw new Problem(403, 'A state-changing request needs an Origin header naming this site.');
    const own = `${request.protocol}://${request.host}`;
    if (origin !== own && !allowed.includes(origin)) throw new Problem(403, `Requests from ${origin} are not accepted here.`);
  });
}
