import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import { ContentLibrary } from './content-library.ts';
import { openStore } from './db/open-store.ts';
import type { ResultsStore } from './db/store.ts';
import { buildApp } from './http/build-app.ts';
import { FailureLimiter } from './http/rate-limit.ts';
import { createLink } from './http/routes/onboarding.ts';
import { startClassroomHost, type ClassroomHost } from './rooms/classroom-host.ts';
import { startRetentionSweeps } from './privacy/retention.ts';
import type { RegradeJob } from './db/regrades.ts';
import { startRegradeRunner } from './regrade/regrade-runner.ts';
import { startXapiSender, xapiSenderOptionsFromEnv, type XapiSenderOptions } from './xapi/sender.ts';

export const DEFAULT_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  /** The embedded database's directory, used when `databaseUrl` is not given. */
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly distDir?: string;
  readonly logger?: FastifyServerOptions['logger'];
  readonly allowedOrigins?: readonly string[];
  readonly trustProxy?: boolean;
  /** Redis, to share classroom rooms with other server processes. */
  readonly redisUrl?: string;
  /** host:port at which other processes' clients reach this one's rooms (with Redis). */
  readonly publicAddress?: string;
  /** The xAPI sender's timing; by default from `BRIDGE_DRILL_XAPI_*` variables, else 1 s doubling to 5 min. */
  readonly xapi?: Partial<XapiSenderOptions>;
}

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:4173`. */
  readonly url: string;
  readonly store: ResultsStore;
  /** A one-time link to create the first admin, when there is no admin yet. */
  readonly setupLink: string | null;
  readonly classrooms: ClassroomHost;
  /** Stops taking requests, finishes those in flight, then closes the database. */
  close(): Promise<void>;
}

/** Starts the app, the API and the database in this process. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore({ dataDir: options.dataDir ?? 'data', ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  try {
    const library = new ContentLibrary(store);
    await library.addBundled();
    let classrooms: ClassroomHost | undefined;
    let logRegradeError: (error: unknown, job: RegradeJob) => void = () => {};
    const regrades = startRegradeRunner(store, library, (error, job) => logRegradeError(error, job));
    const app = await buildApp(
      { store, library, regrades, signInFailures: { byEmail: new FailureLimiter(10, 15 * 60_000), byAddress: new FailureLimiter(100, 15 * 60_000) } },
      {
        distDir: options.distDir ?? DEFAULT_DIST,
        logger: options.logger ?? false,
        allowedOrigins: options.allowedOrigins ?? [],
        trustProxy: options.trustProxy ?? false,
        classrooms: async (httpServer) => (classrooms = await startClassroomHost(httpServer, { store, library, wallClock: Date.now, newUuid: () => randomUUID() }, { ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}), ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}) })),
      },
    );
    const host = options.host ?? '127.0.0.1';
    try {
      await app.listen({ port: options.port, host });
      await restoreClassrooms(store, classrooms!);
    } catch (error) {
      await classrooms?.close();
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const setupLink = (await store.countUsers('admin')) === 0 ? await createLink(store, `${url}/`, { kind: 'setup', email: null, role: 'admin' }) : null;
    // Sends queued xAPI statements to the LRS set in the admin settings, if any, until the server closes.
    logRegradeError = (error, job) => app.log.error({ err: error, job: job.id }, 'a regrade job stopped; it goes on when the server starts again');
    for (const job of await store.listRegradeJobs('running')) regrades.run(job);
    const retention = startRetentionSweeps(store, Date.now, (error) => app.log.error({ err: error }, 'the retention sweep failed; it runs again in an hour'));
    const xapi = startXapiSender(store, {
      ...xapiSenderOptionsFromEnv(process.env),
      ...options.xapi,
      log: { warn: (message) => app.log.warn(message), info: (message) => app.log.info(message) },
    });
    let closing: Promise<void> | undefined;
    return {
      url,
      store,
      setupLink,
      classrooms: classrooms!,
      close: () =>
        (closing ??= (async () => {
          // A keep-alive connection whose request was in flight becomes idle only after its answer; close those as they do.
          const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
          try {
            await classrooms?.close();
            await app.close();
          } finally {
            clearInterval(sweep);
            await xapi.stop();
            await retention.stop();
            await regrades.stop();
          }
          await store.close();
        })()),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Builds again the room of every classroom that had not ended, paused where its clock stood. */
async function restoreClassrooms(store: ResultsStore, classrooms: ClassroomHost): Promise<void> {
  for (const code of await store.openClassrooms()) {
    try {
      await classrooms.ensureRoom(code);
    } catch {
      // A room that cannot be built (its scenario gone) is left stored; asking for it answers why.
    }
  }
}
