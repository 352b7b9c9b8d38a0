import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { IdParam, Uuid } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';
import { maySee } from './attempts.ts';

const RegradeRequest = z.strictObject({ scenarioSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the sha256 of a stored scenario version (GET /api/scenario-versions)') });
const AttemptParam = z.object({ attemptId: Uuid });

/** Regrading attempts to a new version of their scenario, in the background, with progress; the original reports stay. */
export function regradeRoutes(app: FastifyInstance, { store, library, regrades }: ServerContext): void {
  app.post('/api/regrades', async (request, reply) => {
    const user = await requireUser(store, request, 'hr', 'admin');
    const { scenarioSha256 } = parseInput(RegradeRequest, request.body);
    const target = await library.playable(scenarioSha256);
    if (!target) throw new Problem(404, 'No stored scenario version has this sha256.', { errors: [{ field: 'scenarioSha256', message: 'not a stored scenario version' }] });
    const job = await store.createRegradeJob(
      { scenarioId: target.scenario.id, scenarioVersion: target.scenario.version, scenarioSha256: target.scenarioVersion.sha256, playbookSha256: target.playbookVersion.sha256 },
      user.id,
    );
    await store.recordAudit({ actorId: user.id, actor: user.email, action: 'regrade.start', detail: { job: job.id, scenario: job.scenarioId, version: job.scenarioVersion, attempts: job.total } });
    regrades.run(job);
    return reply.code(202).send({ job });
  });

  app.get('/api/regrades', async (request) => {
    await requireUser(store, request, 'hr', 'admin');
    return { jobs: await store.listRegradeJobs() };
  });

  app.get('/api/regrades/:id', async (request) => {
    await requireUser(store, request, 'hr', 'admin');
    const { id } = parseInput(IdParam, request.params);
    const job = await store.findRegradeJob(id);
    if (!job) throw new Problem(404, 'No such regrade job.');
    return { job };
  });

  app.get('/api/attempts/:attemptId/regrades', async (request) => {
    const user = await requireUser(store, request);
    const { attemptId } = parseInput(AttemptParam, request.params);
    const stored = await store.getAttempt(attemptId);
    if (!stored || !(await maySee(store, user, stored.userId))) throw new Problem(404, 'No such attempt.');
    return { original: { scenarioVersion: stored.attempt.scenario.version, engineVersion: stored.attempt.engineVersion, report: stored.attempt.report }, regrades: await store.regradesOf(attemptId) };
  });
}
