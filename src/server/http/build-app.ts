import type { Server as HttpServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerContext } from './context.ts';
import { addStrictJsonBodies } from './json-body.ts';
import { addOriginCheck } from './origin-check.ts';
import { problemFromError, sendProblem } from './problem.ts';
import { assignmentRoutes } from './routes/assignments.ts';
import { attemptRoutes } from './routes/attempts.ts';
import type { ClassroomHost } from '../rooms/classroom-host.ts';
import { classroomRoutes } from './routes/classrooms.ts';
import { cohortRoutes } from './routes/cohorts.ts';
import { draftRoutes } from './routes/drafts.ts';
import { exportRoutes } from './routes/exports.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { regradeRoutes } from './routes/regrades.ts';
import { resultRoutes } from './routes/results.ts';
import { healthRoutes } from './routes/health.ts';
import { onboardingRoutes } from './routes/onboarding.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { scormRoutes } from './routes/scorm.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';
import { xapiRoutes } from './routes/xapi.ts';
import { addHeaders, addSecurityHeaders } from './security-headers.ts';
import { serveApp } from './static-app.ts';

/** Large enough for a 2 MB scenario file sent as a JSON string, and for the longest attempt. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export interface AppOptions {
  readonly distDir: string;
  readonly logger: FastifyServerOptions['logger'];
  /** Origins besides the server's own that may send state-changing requests. */
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  /** Starts the classroom rooms on the app's HTTP server; without it the app has no classrooms. */
  readonly classrooms?: (httpServer: HttpServer) => Promise<ClassroomHost>;
}

export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy,
    return503OnClosing: true,
    // A malformed address (`/api/%`) is answered as a problem too, with the same headers as every answer.
    frameworkErrors: (error, request, reply) => {
      addHeaders(request, reply);
      void sendProblem(reply, problemFromError(error, request));
    },
  });
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFromError(error, request)));
  addStrictJsonBodies(app);
  addSecurityHeaders(app);
  addOriginCheck(app, options.allowedOrigins);
  for (const routes of [healthRoutes, sessionRoutes, onboardingRoutes, userRoutes, cohortRoutes, scenarioRoutes, assignmentRoutes, attemptRoutes, draftRoutes, exportRoutes, resultRoutes, xapiRoutes, privacyRoutes, regradeRoutes]) routes(app, ctx);
  scormRoutes(app, ctx, options.distDir);
  if (options.classrooms) classroomRoutes(app, ctx, await options.classrooms(app.server));
  await serveApp(app, options.distDir);
  return app;
}
