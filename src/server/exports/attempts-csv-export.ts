import { attemptCsvLine, attemptsCsvHead } from '../../core/report/attempts-csv.ts';
import type { AttemptFilter, ResultsStore } from '../db/store.ts';

/** Attempts per query and per write: a few hundred kilobytes of CSV at a time. */
const BATCH = 1000;

/**
 * The CSV export of the attempts a filter matches, newest first, as chunks of text: the BOM and header first,
 * so a filter matching nothing still gives a valid file. One batch is held at a time, whatever the total.
 */
export async function* attemptsCsv(store: ResultsStore, filter: AttemptFilter): AsyncGenerator<string, number> {
  yield attemptsCsvHead();
  let count = 0;
  for await (const batch of store.streamSummaries(filter, BATCH)) {
    yield batch.map(attemptCsvLine).join('');
    count += batch.length;
  }
  return count;
}
