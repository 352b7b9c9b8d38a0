import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attemptsCsv } from '../../exports/attempts-csv-export.ts';
import { ExportAborted, writeAttemptsXlsx } from '../../exports/attempts-xlsx-export.ts';
import { ExportFilterQuery } from '../../attempt-filter-query.ts';
import { scopedFilter } from '../attempt-scope.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { parseInput } from '../problem.ts';

/** The HR exports of the attempts a filter matches, each within what the user may see, each written to the audit log. */
export function exportRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.get('/api/exports/attempts.csv', async (request, reply) => {
    const user = await requireUser(store, request);
    const filter = parseInput(ExportFilterQuery, request.query, 'query');
    const scoped = await scopedFilter(store, user, filter);
    await store.recordAudit({ actorId: user.id, actor: user.email, action: 'export.csv', detail: { filter } });
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bridge-drill-attempts-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(attemptsCsv(store, scoped)));
  });

  app.get('/api/exports/attempts.xlsx', async (request, reply) => {
    const user = await requireUser(store, request);
    const filter = parseInput(ExportFilterQuery, request.query, 'query');
    const scoped = await scopedFilter(store, user, filter);
    await store.recordAudit({ actorId: user.id, actor: user.email, action: 'export.xlsx', detail: { filter } });
    const exportedAt = new Date();
    const body = new PassThrough();
    // A download given up closes the connection: the body is destroyed, and the export stops at its next batch.
    request.raw.once('close', () => body.writableFinished || body.destroy());
    writeAttemptsXlsx(store, scoped, body, { exportedAt, exportedBy: user.email, filter }).catch((error: unknown) => {
      if (error instanceof ExportAborted) request.log.info('a workbook download was given up part way');
      else request.log.error({ err: error }, 'the workbook export failed part way');
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bridge-drill-attempts-${exportedAt.toISOString().slice(0, 10)}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(body);
  });

  app.get('/api/audit', async (request) => {
    await requireUser(store, request, 'admin');
    const { limit } = parseInput(z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) }), request.query, 'query');
    return { entries: await store.listAudit(limit) };
  });
}
