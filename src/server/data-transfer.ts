import { attemptDiagnosticText, parseAttempt, type AttemptRecord } from '../core/attempt.ts';
import { StoreConflict, StoreInvalidInput, type ResultsStore } from './db/store.ts';

/** Attempts in and out as NDJSON: one attempt record (CONTRACTS.md §6) per line. */

/** Records per import transaction. */
const BATCH = 500;
/** Records per write when exporting: a few megabytes at most. */
const EXPORT_BATCH = 200;

/** Writes every stored attempt, oldest first, one JSON object per line; returns how many. */
export async function exportAttempts(store: ResultsStore, write: (chunk: string) => Promise<void> | void): Promise<number> {
  let count = 0;
  for await (const batch of store.streamAttempts(EXPORT_BATCH)) {
    await write(batch.map((attempt) => `${JSON.stringify(attempt)}\n`).join(''));
    count += batch.length;
  }
  return count;
}

export interface ImportReport {
  readonly created: number;
  readonly existed: number;
  /** One per line that could not be imported: `file:line: error CODE: message`. */
  readonly errors: string[];
}

interface NumberedAttempt {
  readonly line: number;
  readonly attempt: AttemptRecord;
}

/**
 * Reads NDJSON attempt records and stores the valid ones, in batches, idempotently by attemptId. A line that
 * is not a finished attempt record is reported with its position and skipped; its neighbours are imported.
 * Blank lines are skipped. A record whose trainee id is a user's id is stored as that user's.
 */
export async function importAttempts(store: ResultsStore, lines: AsyncIterable<string> | Iterable<string>, fileName: string): Promise<ImportReport> {
  const errors: string[] = [];
  let created = 0;
  let existed = 0;
  let batch: NumberedAttempt[] = [];
  const flush = async () => {
    const result = await importBatch(store, batch, fileName, errors);
    created += result.created;
    existed += result.existed;
    batch = [];
  };
  let number = 0;
  for await (const raw of lines) {
    number++;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const read = readLine(text);
    if ('error' in read) {
      errors.push(`${fileName}:${number}: error ${read.error}`);
      continue;
    }
    batch.push({ line: number, attempt: read.attempt });
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { created, existed, errors };
}

function readLine(text: string): { readonly attempt: AttemptRecord } | { readonly error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `E_SYNTAX: not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseAttempt(value);
  if (!parsed.ok) {
    const [first, ...more] = parsed.diagnostics;
    if (first === undefined) return { error: 'E_ATTEMPT_SHAPE: not an attempt record' };
    return { error: `${first.code}: ${attemptDiagnosticText(first)}${more.length > 0 ? ` (and ${more.length} more ${more.length === 1 ? 'problem' : 'problems'})` : ''}` };
  }
  if (parsed.attempt.finishedAt === null) {
    return { error: `E_ATTEMPT_MISSING_FIELD: finishedAt: attempt ${parsed.attempt.attemptId} is still in progress; only finished attempts are imported` };
  }
  return { attempt: parsed.attempt };
}

/** One transaction for the batch; if the database refuses it, one at a time, so only the record it refuses is left out. */
async function importBatch(store: ResultsStore, batch: readonly NumberedAttempt[], fileName: string, errors: string[]): Promise<{ created: number; existed: number }> {
  try {
    return await store.importAttempts(batch.map((entry) => entry.attempt));
  } catch (error) {
    if (!refused(error)) throw error;
    const [only] = batch;
    if (batch.length === 1 && only) {
      errors.push(`${fileName}:${only.line}: error E_ATTEMPT_BAD_FIELD: the database could not store this attempt: ${(error as Error).message}`);
      return { created: 0, existed: 0 };
    }
  }
  let created = 0;
  let existed = 0;
  for (const entry of batch) {
    const result = await importBatch(store, [entry], fileName, errors);
    created += result.created;
    existed += result.existed;
  }
  return { created, existed };
}

/** The database would not take a record, as opposed to being out of reach. */
const refused = (error: unknown): boolean => error instanceof StoreInvalidInput || error instanceof StoreConflict;
