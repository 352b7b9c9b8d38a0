import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MissingBuild, readBuild, scormPackage } from '../../exports/scorm-package.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { parseInput, Problem } from '../problem.ts';

const ScormParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}\.zip$/, 'a scenario id followed by .zip') });

/**
 * `GET /api/exports/scorm/ID.zip`: the SCORM 1.2 package of a bundled scenario (the built app this server serves,
 * and a manifest launching that scenario), for admins and instructors, written to the audit log.
 */
export function scormRoutes(app: FastifyInstance, { store, library }: ServerContext, distDir: string): void {
  app.get('/api/exports/scorm/:file', async (request, reply) => {
    const user = await requireUser(store, request, 'admin', 'instructor');
    const scenarioId = parseInput(ScormParams, request.params).file.slice(0, -'.zip'.length);
    // The package is the built app, which bundles the scenarios folder: a scenario published here later is not in it.
    const playable = library.bundledIds().includes(scenarioId) ? await library.playable(scenarioId) : undefined;
    if (!playable) throw new Problem(404, `There is no bundled scenario ${scenarioId}; a SCORM package can launch only the scenarios built into the app.`);
    let files;
    try {
      files = readBuild(distDir);
    } catch (error) {
      if (error instanceof MissingBuild) throw new Problem(503, 'The app is not built on this server, and the SCORM package is the built app: run `npm run build`.');
      throw error;
    }
    await store.recordAudit({ actorId: user.id, actor: user.email, action: 'export.scorm', detail: { scenario: scenarioId } });
    const bytes = scormPackage({ id: playable.scenario.id, title: playable.scenario.title }, files);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="bridge-drill-scorm-${scenarioId}.zip"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
