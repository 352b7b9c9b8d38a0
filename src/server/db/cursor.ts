import { StoreInvalidInput } from './store.ts';
import { isUuid } from './rows.ts';

/** Where a page of attempts ended: the last attempt's finish (epoch ms) and id. Opaque to callers. */
export interface PagePosition {
  readonly finishedMs: number;
  readonly attemptId: string;
}

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.finishedMs, position.attemptId]), 'utf8').toString('base64url');
}

/** Throws `StoreInvalidInput` for a cursor this store did not make. */
export function decodeCursor(cursor: string): PagePosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 2) {
    const [finishedMs, attemptId] = value as [unknown, unknown];
    if (Number.isSafeInteger(finishedMs) && typeof attemptId === 'string' && isUuid(attemptId)) return { finishedMs: finishedMs as number, attemptId: attemptId.toLowerCase() };
  }
  throw new StoreInvalidInput('That page cursor is not one this server gave out.');
}
