import { StoreConflict, StoreInvalidInput, StoreUnavailable } from './store.ts';

/** Node's codes for a database that cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOENT']);

/** What the drivers say when the connection, the pool or the embedded database is gone. */
const GONE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Cannot use a pool after calling end|not queryable|Client was closed|PGlite is closed|driver has already been destroyed|terminating connection|not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P shutdown, 28 authorization, 3D no such database. */
const UNAVAILABLE_STATES = /^(08|53|57P0|28|3D)/;

/**
 * The store's own error for a driver's error: a unique or foreign key violation is a conflict, a value the
 * database cannot hold is invalid input, a connection that is gone is unavailability. Anything else is a bug
 * and is passed on as it is.
 */
export function storeError(error: unknown): unknown {
  if (error instanceof StoreConflict || error instanceof StoreUnavailable || error instanceof StoreInvalidInput) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === '23505') return new StoreConflict(detailOf(error) ?? 'That is stored already.', { cause: error });
  if (code === '23503') return new StoreConflict(detailOf(error) ?? 'That refers to something that is not stored.', { cause: error });
  if (code !== undefined && code.startsWith('22')) return new StoreInvalidInput(`The database cannot hold that value: ${message}`, { cause: error });
  if ((code !== undefined && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) || GONE.test(message)) {
    return new StoreUnavailable(`The database is unavailable: ${message}${code && !message.includes(code) ? ` (${code})` : ''}`, { cause: error });
  }
  if (error instanceof AggregateError && error.errors.length > 0 && error.errors.every((inner) => storeError(inner) instanceof StoreUnavailable)) {
    return new StoreUnavailable(`The database is unavailable: ${error.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner))).join('; ')}`, { cause: error });
  }
  return error;
}

/** Runs a database call, turning driver errors into the store's own. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function detailOf(error: unknown): string | undefined {
  const detail = (error as { detail?: unknown } | null | undefined)?.detail;
  return typeof detail === 'string' && detail !== '' ? detail : undefined;
}
