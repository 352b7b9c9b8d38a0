import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attemptsCsv } from '../../exports/attempts-csv-export.ts';
import { attemptsXlsxStream, ExportAborted } from '../../exports/attempts-xlsx-export.ts';
import { ExportFilterQuery } from '../../attempt-filter-query.ts';
import type { AttemptFilter, ResultsStore, User } from '../../db/store.ts';
import { scopedFilter } from '../attempt-scope.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { parseInput, Problem } from '../problem.ts';
import { renderPdf } from '../../exports/pdf-render.ts';
import { cohortReport, traineeReport } from '../../exports/results-pdf.ts';

type Format = 'csv' | 'xlsx' | 'pdf';

const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** What every export starts with: who asks, their filter, that filter narrowed to what they may see, and an audit entry. */
async function exportRequest(store: ResultsStore, request: FastifyRequest, format: Format, report?: 'trainee' | 'cohort'): Promise<{ user: User; filter: AttemptFilter; scoped: AttemptFilter; exportedAt: Date }> {
  const user = await requireUser(store, request);
  const filter = parseInput(ExportFilterQuery, request.query, 'query');
  const scoped = await scopedFilter(store, user, filter);
  await store.recordAudit({ actorId: user.id, actor: user.email, action: `export.${format}`, detail: { filter, ...(report ? { report } : {}) } });
  return { user, filter, scoped, exportedAt: new Date() };
}

function download(reply: FastifyReply, format: Format, exportedAt: Date, body: Readable | Buffer, name = 'attempts'): FastifyReply {
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="bridge-drill-${name}-${exportedAt.toISOString().slice(0, 10)}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** The HR exports of the attempts a filter matches, each within what the user may see, each written to the audit log. */
export function exportRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.get('/api/exports/attempts.csv', async (request, reply) => {
    const { scoped, exportedAt } = await exportRequest(store, request, 'csv');
    return download(reply, 'csv', exportedAt, Readable.from(attemptsCsv(store, scoped)));
  });

  app.get('/api/exports/attempts.xlsx', async (request, reply) => {
    const { user, filter, scoped, exportedAt } = await exportRequest(store, request, 'xlsx');
    const { bytes, written } = attemptsXlsxStream(store, scoped, { exportedAt, exportedBy: user.email, filter });
    // A download given up closes the connection: the body is destroyed, and the export stops at its next batch.
    request.raw.once('close', () => bytes.writableFinished || bytes.destroy());
    written.catch((error: unknown) => {
      if (error instanceof ExportAborted) request.log.info('a workbook download was given up part way');
      else request.log.error({ err: error }, 'the workbook export failed part way');
    });
    return download(reply, 'xlsx', exportedAt, bytes);
  });

  app.get('/api/exports/trainee.pdf', async (request, reply) => {
    const { scoped, exportedAt } = await exportRequest(store, request, 'pdf', 'trainee');
    if (scoped.trainee === undefined) throw new Problem(400, 'A trainee’s record needs ?trainee=USER_ID.', { errors: [{ field: 'trainee', message: 'required' }] });
    const report = await traineeReport(store, { ...scoped, trainee: scoped.trainee }, exportedAt);
    if (report === null) throw new Problem(404, 'This trainee has no attempt you may see in this filter.');
    return download(reply, 'pdf', exportedAt, await renderPdf(report), 'trainee');
  });

  app.get('/api/exports/cohort.pdf', async (request, reply) => {
    await requireUser(store, request, 'instructor', 'hr', 'admin');
    const { scoped, exportedAt } = await exportRequest(store, request, 'pdf', 'cohort');
    const cohort = scoped.cohort === undefined ? undefined : await store.findCohort(scoped.cohort);
    const report = await cohortReport(store, scoped, cohort?.name ?? 'All trainees', exportedAt);
    return download(reply, 'pdf', exportedAt, await renderPdf(report), 'cohort');
  });

  app.get('/api/audit', async (request) => {
    await requireUser(store, request, 'admin');
    const { limit } = parseInput(z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) }), request.query, 'query');
    return { entries: await store.listAudit(limit) };
  });
}
