import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cohort, ResultsStore, User } from '../../db/store.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Email, IdParam, Sha256 } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';
import { baseUrlOf, createLink } from './onboarding.ts';

const NewCohort = z.object({ name: z.string().trim().min(1, 'a name is needed').max(200) });
const Invites = z.object({ emails: z.array(Email).min(1, 'at least one email').max(500) });
const NewAssignment = z.object({ scenarioSha256: Sha256, dueAt: z.iso.datetime({ offset: true }).nullable().default(null) });

/** The cohort when `user` may see it (admin, HR, its instructor); 404 otherwise, so ids of others' cohorts are not confirmed. */
export async function visibleCohort(store: ResultsStore, user: User, id: string): Promise<Cohort> {
  const cohort = await store.findCohort(id);
  if (!cohort || (user.role !== 'admin' && user.role !== 'hr' && cohort.instructorId !== user.id)) throw new Problem(404, 'No such cohort.');
  return cohort;
}

/** The cohort when `user` may change it (admin, its instructor). */
export async function ownedCohort(store: ResultsStore, user: User, id: string): Promise<Cohort> {
  const cohort = await visibleCohort(store, user, id);
  if (user.role !== 'admin' && cohort.instructorId !== user.id) throw new Problem(403, 'Only the cohort’s instructor or an admin can change it.');
  return cohort;
}

export function cohortRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.post('/api/cohorts', async (request, reply) => {
    const user = await requireUser(store, request, 'instructor', 'admin');
    const { name } = parseInput(NewCohort, request.body);
    return reply.code(201).send({ cohort: await store.createCohort({ name, instructorId: user.id }) });
  });

  app.get('/api/cohorts', async (request) => {
    const user = await requireUser(store, request);
    return { cohorts: await store.listCohorts(user) };
  });

  app.get('/api/cohorts/:id', async (request) => {
    const user = await requireUser(store, request, 'instructor', 'admin', 'hr');
    const { id } = parseInput(IdParam, request.params);
    const cohort = await visibleCohort(store, user, id);
    const [members, assignments] = await Promise.all([store.listMembers(id), store.assignmentsOfCohort(id)]);
    return { cohort, members, assignments };
  });

  app.post('/api/cohorts/:id/invites', async (request, reply) => {
    const user = await requireUser(store, request, 'instructor', 'admin');
    const { id } = parseInput(IdParam, request.params);
    const cohort = await ownedCohort(store, user, id);
    const { emails } = parseInput(Invites, request.body);
    // An invitation creates a new trainee account; it never touches an existing account, and only trainees are enrolled by their instructor.
    const invites: { email: string; link?: string; added?: true; refused?: string }[] = [];
    for (const email of new Set(emails)) {
      const existing = await store.findUserByEmail(email);
      if (existing?.role === 'trainee') {
        await store.addMember(cohort.id, existing.id);
        invites.push({ email, added: true });
      } else if (existing) {
        invites.push({ email, refused: 'This address belongs to a staff account; only trainee accounts join a cohort.' });
      } else {
        invites.push({ email, link: await createLink(store, baseUrlOf(request), { kind: 'invite', email, role: 'trainee', cohortId: cohort.id }) });
      }
    }
    return reply.code(201).send({ invites });
  });

  app.post('/api/cohorts/:id/assignments', async (request, reply) => {
    const user = await requireUser(store, request, 'instructor', 'admin');
    const { id } = parseInput(IdParam, request.params);
    const cohort = await ownedCohort(store, user, id);
    const input = parseInput(NewAssignment, request.body);
    if (!(await store.getVersion('scenario', input.scenarioSha256))) throw new Problem(422, 'scenarioSha256: no scenario version with that hash is stored; publish the file first.', { errors: [{ field: 'scenarioSha256', message: 'unknown scenario version' }] });
    await store.publishScenario(cohort.id, input.scenarioSha256);
    const assignment = await store.createAssignment({ cohortId: cohort.id, scenarioSha256: input.scenarioSha256, dueAt: input.dueAt === null ? null : new Date(input.dueAt).toISOString() });
    return reply.code(201).send({ assignment });
  });
}
