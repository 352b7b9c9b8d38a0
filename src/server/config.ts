/** The server's settings, read from the environment, with the reason when one is wrong. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  /** The built app to serve; the default is the build `npm start` makes. */
  readonly distDir: string | undefined;
  /** Redis, when classroom rooms are shared by several server processes. */
  readonly redisUrl: string | undefined;
  /** host:port at which clients reach this process's classroom rooms, when several processes share them. */
  readonly publicAddress: string | undefined;
}

export const DEFAULT_PORT = 4173;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv): { ok: true; config: ServerConfig } | { ok: false; problem: string } {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? DEFAULT_PORT : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, problem: `PORT must be a port number (0-65535); it is "${env['PORT']}".` };
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!LOG_LEVELS.includes(logLevel)) return { ok: false, problem: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel}".` };
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) return { ok: false, problem: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/bridge_drill.' };
  const redisUrl = env['REDIS_URL'] || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) return { ok: false, problem: 'REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379.' };
  const allowedOrigins = (env['BRIDGE_DRILL_ORIGINS'] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  return {
    ok: true,
    config: {
      port,
      host: env['HOST'] || '127.0.0.1',
      dataDir: env['BRIDGE_DRILL_DATA'] || 'data',
      databaseUrl,
      logLevel,
      allowedOrigins,
      trustProxy: env['TRUST_PROXY'] === '1' || env['TRUST_PROXY'] === 'true',
      distDir: env['BRIDGE_DRILL_DIST'] || undefined,
      redisUrl,
      publicAddress: env['BRIDGE_DRILL_PUBLIC_ADDRESS'] || undefined,
    },
  };
}
