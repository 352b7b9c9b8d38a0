import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseAttempt, regradeAttempt, type AttemptRecord } from '../../../core/attempt.ts';
import { ENGINE_VERSION } from '../../../core/engine-version.ts';
import type { AttemptFilter, ResultsStore, User } from '../../db/store.ts';
import type { ContentLibrary } from '../../content-library.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Uuid } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';
import { AttemptFilterQuery } from '../../attempt-filter-query.ts';
import { scopedFilter } from '../attempt-scope.ts';

const AttemptQuery = AttemptFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(500).optional(),
});
const AttemptParam = z.object({ attemptId: Uuid });

/** How far ahead of the server's clock a device's clock may run. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** A record as sent: its shape, then its log against the exact versions it names, regraded here. 422 otherwise. */
export async function checkedAttempt(body: unknown, library: ContentLibrary, user: User, finished: boolean): Promise<AttemptRecord> {
  const parsed = parseAttempt(body);
  if (!parsed.ok) throw new Problem(422, 'This is not a valid attempt record.', { diagnostics: parsed.diagnostics });
  const attempt = parsed.attempt;
  if (finished && attempt.finishedAt === null) throw new Problem(422, 'This attempt is still in progress (finishedAt is null); send it to PUT /api/drafts/{attemptId} until it is finished.');
  if (!finished && attempt.finishedAt !== null) throw new Problem(422, 'This attempt is finished; send it to POST /api/attempts.');
  const latest = Date.now() + CLOCK_SKEW_MS;
  if (Date.parse(attempt.startedAt) > latest || (attempt.finishedAt !== null && Date.parse(attempt.finishedAt) > latest)) {
    throw new Problem(422, 'This attempt says it started or finished in the future; check the device’s clock.', { errors: [{ field: 'finishedAt', message: 'later than the server’s clock' }] });
  }
  const regraded = regradeAttempt(attempt, await library.lookupFor(attempt), { compareWithStored: false });
  if (!regraded.ok && regraded.reason === 'missing-version') {
    throw new Problem(422, `${regraded.message.replace(/;.*$/, '')}. Ask your instructor to publish that scenario file to the server.`, { missing: regraded.missing });
  }
  if (!regraded.ok) throw new Problem(422, regraded.message, { diagnostics: regraded.diagnostics });
  const trainee = { id: user.id, name: user.name };
  // grade()'s report is what the record schema reads back unchanged (tests/core/attempt.test.ts), so it is not parsed again.
  const report = finished ? ({ ...regraded.report, trainee } as AttemptRecord['report']) : null;
  return { ...attempt, trainee, engineVersion: ENGINE_VERSION, report };
}

/** Whether `user` may read an attempt stored for `ownerId`. */
export async function maySee(store: ResultsStore, user: User, ownerId: string | null): Promise<boolean> {
  if (user.role === 'admin' || user.role === 'hr' || ownerId === user.id) return true;
  if (user.role !== 'instructor' || ownerId === null) return false;
  for (const cohort of await store.listCohorts(user)) if (await store.isMember(cohort.id, ownerId)) return true;
  return false;
}

export function attemptRoutes(app: FastifyInstance, { store, library }: ServerContext): void {
  app.post('/api/attempts', async (request, reply) => {
    const user = await requireUser(store, request);
    const attempt = await checkedAttempt(request.body, library, user, true);
    const result = await store.putAttempt(user.id, attempt);
    if (result.stored === 'existed' && (await store.getAttempt(attempt.attemptId))?.userId !== user.id) {
      throw new Problem(409, 'Another account has stored an attempt with this attemptId.');
    }
    return reply.code(result.stored === 'created' ? 201 : 200).send(result.attempt);
  });

  app.get('/api/attempts', async (request) => {
    const user = await requireUser(store, request);
    const query = parseInput(AttemptQuery, request.query, 'query');
    const { limit, after, ...filter } = query;
    const scoped: AttemptFilter = await scopedFilter(store, user, filter);
    return store.listAttempts(scoped, { limit, ...(after === undefined ? {} : { after }) });
  });

  app.get('/api/attempts/:attemptId', async (request) => {
    const user = await requireUser(store, request);
    const { attemptId } = parseInput(AttemptParam, request.params);
    const stored = await store.getAttempt(attemptId);
    if (!stored || !(await maySee(store, user, stored.userId))) throw new Problem(404, 'No such attempt.');
    return stored.attempt;
  });
}
