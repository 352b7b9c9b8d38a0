import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { passwordMatches } from '../../passwords.ts';
import { currentUser, endSession, requireUser, startSession } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Email, Password } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';

const SignIn = z.object({ email: Email, password: Password });

export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, signInFailures } = ctx;

  app.post('/api/session', async (request, reply) => {
    const { email, password } = parseInput(SignIn, request.body);
    const counters = [
      { limiter: signInFailures.byEmail, key: email },
      { limiter: signInFailures.byAddress, key: request.ip },
    ];
    const wait = Math.max(...counters.map(({ limiter, key }) => limiter.retryAfter(key)));
    if (wait > 0) throw new Problem(429, `Too many failed sign-ins; try again in ${wait} seconds.`, {}, { 'Retry-After': String(wait) });
    const found = await store.findUserByEmail(email);
    // The hash is checked even for an unknown email, so the answer takes as long either way.
    if (!(await passwordMatches(found?.passwordHash ?? null, password)) || !found) {
      for (const { limiter, key } of counters) limiter.fail(key);
      throw new Problem(401, 'That email and password do not match an account.');
    }
    signInFailures.byEmail.succeed(email);
    const { passwordHash: _hidden, ...user } = found;
    await startSession(store, request, reply, user);
    return { user };
  });

  app.delete('/api/session', async (request, reply) => {
    await endSession(store, request, reply);
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => {
    const user = await requireUser(store, request);
    return { user, cohorts: await store.listCohorts(user) };
  });

  app.get('/api/session', async (request) => ({ user: (await currentUser(store, request)) ?? null }));
}
