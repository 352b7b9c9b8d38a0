import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ResultsStore, Role, User } from '../../db/store.ts';
import { hashPassword, passwordProblem } from '../../passwords.ts';
import { newToken, tokenHash } from '../../tokens.ts';
import { startSession } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Email, Password, PersonName, Token } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';

const TokenParam = z.object({ token: Token });
const Setup = z.object({ email: Email, name: PersonName, password: Password });
const Accept = z.object({ name: PersonName.optional(), password: Password });

const LINK_DAYS = { setup: 1, invite: 14, reset: 2 } as const;

/** A one-time link into the app: `?setup=` for the first admin, `?invite=` for an invitation or a reset. */
export async function createLink(
  store: ResultsStore,
  baseUrl: string,
  input: { kind: 'setup' | 'invite' | 'reset'; email: string | null; role: Role; cohortId?: string; userId?: string },
): Promise<string> {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + LINK_DAYS[input.kind] * 86_400_000).toISOString();
  await store.createToken({ tokenHash: hash, kind: input.kind, email: input.email, role: input.role, cohortId: input.cohortId ?? null, userId: input.userId ?? null, expiresAt });
  const url = new URL(baseUrl);
  url.search = new URLSearchParams({ [input.kind === 'setup' ? 'setup' : 'invite']: token }).toString();
  return url.toString();
}

export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/`;
}

function checkedPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new Problem(400, problem, { errors: [{ field: 'password', message: problem }] });
  return password;
}

/** Runs one task at a time, in order. */
class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.last.then(task, task);
    this.last = result.catch(() => {});
    return result;
  }
}

export function onboardingRoutes(app: FastifyInstance, { store }: ServerContext): void {
  const settingUp = new OneAtATime();
  app.get('/api/setup/:token', async (request) => {
    const { token } = parseInput(TokenParam, request.params);
    const found = await store.findToken(tokenHash(token));
    if (found?.kind !== 'setup' || (await store.countUsers('admin')) > 0) throw new Problem(404, 'This setup link is not valid any more. Restart the server for a new one, or sign in.');
    return { kind: 'setup' };
  });

  app.post('/api/setup/:token', async (request, reply) => {
    const { token } = parseInput(TokenParam, request.params);
    const input = parseInput(Setup, request.body);
    const hash = tokenHash(token);
    const found = await store.findToken(hash);
    if (found?.kind !== 'setup' || (await store.countUsers('admin')) > 0) throw new Problem(404, 'This setup link is not valid any more.');
    const passwordHash = await hashPassword(checkedPassword(input.password));
    // Links printed at several starts may all be valid; one at a time, and only while there is no admin.
    const user = await settingUp.run(async () => {
      if ((await store.countUsers('admin')) > 0 || !(await store.useToken(hash))) throw new Problem(409, 'This setup link has just been used.');
      return store.createUser({ email: input.email, name: input.name, role: 'admin', passwordHash });
    });
    await startSession(store, request, reply, user);
    return reply.code(201).send({ user });
  });

  app.get('/api/invites/:token', async (request) => {
    const { token } = parseInput(TokenParam, request.params);
    const found = await store.findToken(tokenHash(token));
    if (!found || found.kind === 'setup') throw new Problem(404, 'This link is not valid: it was used already, it expired, or it was never issued. Ask for a new one.');
    const cohort = found.cohortId ? await store.findCohort(found.cohortId) : undefined;
    const user = found.userId ? await store.findUser(found.userId) : undefined;
    return { kind: found.kind, email: found.email, name: user?.name ?? null, cohort: cohort ? { id: cohort.id, name: cohort.name } : null };
  });

  app.post('/api/invites/:token', async (request, reply) => {
    const { token } = parseInput(TokenParam, request.params);
    const input = parseInput(Accept, request.body);
    const hash = tokenHash(token);
    const found = await store.findToken(hash);
    if (!found || found.kind === 'setup') throw new Problem(404, 'This link is not valid: it was used already, it expired, or it was never issued. Ask for a new one.');
    const passwordHash = await hashPassword(checkedPassword(input.password));
    let user: User | undefined;
    if (found.kind === 'reset') {
      user = found.userId ? await store.findUser(found.userId) : undefined;
      if (!user) throw new Problem(404, 'The account this link was for no longer exists.');
      if (!(await store.useToken(hash))) throw new Problem(409, 'This link has just been used.');
      await store.setPassword(user.id, passwordHash);
    } else {
      const email = found.email ?? '';
      if (await store.findUserByEmail(email)) throw new Problem(409, `An account for ${email} exists already: sign in instead, and ask your instructor to add it to the cohort.`);
      if (!input.name) throw new Problem(400, 'name: a name is needed', { errors: [{ field: 'name', message: 'a name is needed' }] });
      if (!(await store.useToken(hash))) throw new Problem(409, 'This link has just been used.');
      user = await store.createUser({ email, name: input.name, role: 'trainee', passwordHash });
      if (found.cohortId) await store.addMember(found.cohortId, user.id);
    }
    const { passwordHash: _hidden, ...plain } = user as User & { passwordHash?: unknown };
    await startSession(store, request, reply, plain);
    return reply.code(201).send({ user: plain });
  });
}
