import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashPassword, passwordProblem } from '../../passwords.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Email, IdParam, Password, PersonName, RoleName } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';
import { baseUrlOf, createLink } from './onboarding.ts';

const NewUser = z.object({ email: Email, name: PersonName, role: RoleName, password: Password.optional() });

export function userRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.post('/api/users', async (request, reply) => {
    await requireUser(store, request, 'admin');
    const input = parseInput(NewUser, request.body);
    const problem = input.password === undefined ? null : passwordProblem(input.password);
    if (problem) throw new Problem(400, problem, { errors: [{ field: 'password', message: problem }] });
    if (await store.findUserByEmail(input.email)) throw new Problem(409, `An account for ${input.email} exists already.`);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const user = await store.createUser({ email: input.email, name: input.name, role: input.role, passwordHash });
    const link = passwordHash === null ? await createLink(store, baseUrlOf(request), { kind: 'reset', email: user.email, role: user.role, userId: user.id }) : undefined;
    return reply.code(201).send({ user, ...(link ? { link } : {}) });
  });

  app.get('/api/users', async (request) => {
    await requireUser(store, request, 'admin', 'hr');
    return { users: await store.listUsers() };
  });

  app.post('/api/users/:id/reset', async (request, reply) => {
    await requireUser(store, request, 'admin');
    const { id } = parseInput(IdParam, request.params);
    const user = await store.findUser(id);
    if (!user) throw new Problem(404, 'No such user.');
    const link = await createLink(store, baseUrlOf(request), { kind: 'reset', email: user.email, role: user.role, userId: user.id });
    return reply.code(201).send({ link });
  });
}
