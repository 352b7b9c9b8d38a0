import type { ServerConfig } from './config.ts';
import { StoreUnavailable } from './db/store.ts';

/** One plain sentence for why the server could not start, instead of a stack trace. */
export function describeStartFailure(error: unknown, config: Pick<ServerConfig, 'port' | 'host' | 'databaseUrl' | 'dataDir'>): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return `port ${config.port} on ${config.host} is in use. Stop what is using it, or set PORT to another port.`;
  if (code === 'EACCES') return `not allowed to listen on port ${config.port}. Use a port above 1023.`;
  if (error instanceof StoreUnavailable) return `${error.message.replace(/\.?$/, '.')}${config.databaseUrl ? ' Is PostgreSQL running, and is DATABASE_URL right?' : ''}`;
  const message = error instanceof Error ? error.message : String(error);
  return `could not start: ${message}`;
}
