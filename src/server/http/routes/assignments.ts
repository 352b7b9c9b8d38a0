import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';

export function assignmentRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.get('/api/assignments', async (request) => {
    const user = await requireUser(store, request);
    const assignments = await store.assignmentsFor(user.id);
    const withState = [];
    for (const assignment of assignments) {
      const page = await store.listAttempts({ trainee: user.id, scenario: assignment.scenario.id }, { limit: 200 });
      withState.push({ ...assignment, done: page.attempts.some((attempt) => attempt.scenario.sha256 === assignment.scenario.sha256) });
    }
    return { assignments: withState };
  });
}
