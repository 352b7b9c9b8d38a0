import type { AttemptSummary } from './attempt-summary.ts';
import { quotedCsvLine, UTF8_BOM, type Cell } from './csv.ts';
import { ATTEMPT_FIELDS, type ColumnType, type RawValue } from './result-columns.ts';

/**
 * The HR export of attempts as CSV for Excel: a BOM, then one quoted line per attempt with the header first.
 * Built a line at a time, so a caller can stream any number of attempts.
 */

export const ATTEMPT_COLUMNS: readonly string[] = ATTEMPT_FIELDS.map((column) => column.csv);

/** The BOM and the header line: the whole file when no attempt matches. */
export const attemptsCsvHead = (): string => UTF8_BOM + quotedCsvLine(ATTEMPT_COLUMNS);

/** A raw value as a CSV cell: an instant as its ISO text, a duration in whole seconds, the rest as they are. */
function csvCell(type: ColumnType, raw: RawValue): Cell {
  if (type === 'duration') return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? Math.round(raw / 1000) : null;
  return raw;
}

export const attemptCsvLine = (summary: AttemptSummary): string => quotedCsvLine(ATTEMPT_FIELDS.map((column) => csvCell(column.type, column.value(summary))));
