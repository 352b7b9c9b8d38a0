import { attemptStatements } from '../../core/report/xapi-statements.ts';
import type { AttemptFilter, ResultsStore } from '../db/store.ts';

/**
 * The xAPI statements of the attempts a filter matches, as NDJSON (one statement a line), newest attempt first,
 * a batch of attempts per chunk, so an export of any size holds one batch. Made from the attempts' summaries
 * (with each one's account and cohorts), not their records: the summary holds all a statement says, and is a
 * few hundred bytes where a record is tens of kilobytes. Returns how many attempts it wrote.
 */
export async function* xapiNdjson(store: ResultsStore, filter: AttemptFilter, homePage: string): AsyncGenerator<string, number> {
  let count = 0;
  for await (const batch of store.streamStatementInputs(filter, 1000)) {
    yield batch.map((input) => attemptStatements(input, { homePage }).map((statement) => `${JSON.stringify(statement)}\n`).join('')).join('');
    count += batch.length;
  }
  return count;
}
