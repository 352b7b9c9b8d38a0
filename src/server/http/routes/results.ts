import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AttemptFilterQuery } from '../../attempt-filter-query.ts';
import { ATTEMPT_SORTS } from '../../db/store.ts';
import { scopedFilter } from '../attempt-scope.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { parseInput } from '../problem.ts';

const FilterOnly = z.strictObject(AttemptFilterQuery.shape);

const TableQuery = z.strictObject({
  ...AttemptFilterQuery.shape,
  sort: z.enum(ATTEMPT_SORTS).default('finished'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const MissedQuery = z.strictObject({ ...AttemptFilterQuery.shape, limit: z.coerce.number().int().min(1).max(100).default(20) });

/** The results area: attempts as a sorted, paged table, and the trainees, scenarios and competencies summed up; each within what the caller may see. */
export function resultRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.get('/api/results/attempts', async (request) => {
    const user = await requireUser(store, request);
    const { sort, order, page, pageSize, ...filter } = parseInput(TableQuery, request.query, 'query');
    const shown = await store.attemptsTable(await scopedFilter(store, user, filter), { sort, order, page, pageSize });
    return { ...shown, page, pageSize };
  });

  app.get('/api/results/missed', async (request) => {
    const user = await requireUser(store, request);
    const { limit, ...filter } = parseInput(MissedQuery, request.query, 'query');
    return store.missedFindings(await scopedFilter(store, user, filter), limit);
  });

  app.get('/api/results/overview', async (request) => {
    const user = await requireUser(store, request);
    const filter = parseInput(FilterOnly, request.query, 'query');
    return store.resultsOverview(await scopedFilter(store, user, filter));
  });
}
