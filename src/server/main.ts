/** `npm start`: the app, the API and the database in one process, on $PORT. */
import { readConfig } from './config.ts';
import { loggedRequest } from './http/log-redaction.ts';
import { describeStartFailure } from './start-failure.ts';
import { startServer } from './start.ts';

const read = readConfig(process.env);
if (!read.ok) {
  process.stderr.write(`bridge-drill server: ${read.problem}\n`);
  process.exit(2);
}
const { config } = read;

try {
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    logger: { level: config.logLevel, serializers: { req: loggedRequest } },
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    ...(config.distDir ? { distDir: config.distDir } : {}),
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
  });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  process.stdout.write(`\nBridge Drill is serving on ${server.url}/ with ${where}.\n`);
  if (server.setupLink) process.stdout.write(`\nNo admin account yet. Open this one-time link to create it:\n\n    ${server.setupLink}\n\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`${signal}: finishing requests in flight, then stopping.\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`bridge-drill server: could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  process.stderr.write(`bridge-drill server: ${describeStartFailure(error, config)}\n`);
  process.exit(1);
}
