import type { ScoreReport } from './score-report.ts';

/**
 * Score reports as RFC 4180 CSV: CRLF line ends, every row the same width, fields quoted when they hold
 * a comma, a quote or a line break. One table per file, so a spreadsheet opens it without questions.
 */

export type Cell = string | number | boolean | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"), also in
 * their fullwidth and small forms, and also after spaces, line breaks, no-break or zero-width spaces and
 * other invisible characters that some spreadsheets skip. A tab, CR or NUL among those leading characters
 * is defused too, as OWASP asks.
 */
const INVISIBLE_THEN_FORMULA = /^[\p{White_Space}\p{Cf}\p{Cc}]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212]/u;
const INVISIBLE_WITH_CONTROL = /^[\p{White_Space}\p{Cf}\p{Cc}]*?[\t\r\0]/u;
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return INVISIBLE_THEN_FORMULA.test(cell) || INVISIBLE_WITH_CONTROL.test(cell) ? `'${cell}` : cell;
}

/** One field, made safe to open in a spreadsheet and quoted only when it must be. */
export function csvField(cell: Cell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with every field quoted and made safe, ending in CRLF: what Excel reads without guessing. */
export function quotedCsvLine(cells: readonly Cell[]): string {
  return cells.map((cell) => `"${cellText(cell).replaceAll('"', '""')}"`).join(',') + '\r\n';
}

/** Written first, so Excel reads the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** A table with a header row; each row lists its cells in the header's order. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const FINDING_COLUMNS = [
  'scenario_id',
  'scenario_version',
  'playbook_id',
  'playbook_version',
  'trainee_id',
  'trainee_name',
  'finding_id',
  'title',
  'competency',
  'rule',
  'status',
  'met',
  'due',
  'at',
  'points',
  'max',
  'message',
  'expected',
  'observed',
  'reference',
] as const;

/** One row per finding, with the attempt's identity repeated on each row so rows can be pooled across files. */
export function reportToCsv(report: ScoreReport): string {
  const rows = report.findings.map((finding) => [
    report.scenario.id,
    report.scenario.version,
    report.playbook.id,
    report.playbook.version,
    report.trainee?.id,
    report.trainee?.name,
    finding.id,
    finding.title,
    finding.competency,
    finding.rule,
    finding.status,
    finding.met,
    finding.due,
    finding.at,
    finding.points,
    finding.max,
    finding.message,
    finding.expected,
    finding.observed,
    finding.reference,
  ]);
  return toCsv(FINDING_COLUMNS, rows);
}

export const COMPETENCY_COLUMNS = [
  'scenario_id',
  'scenario_version',
  'playbook_id',
  'trainee_id',
  'trainee_name',
  'competency',
  'points',
  'max',
  'percent',
  'passed',
  'grade_percent',
] as const;

/** One row per competency, then a `total` row that also says whether the attempt passed and its grade after an ending's cap. */
export function competenciesToCsv(report: ScoreReport): string {
  const identity = [report.scenario.id, report.scenario.version, report.playbook.id, report.trainee?.id, report.trainee?.name];
  const rows: Cell[][] = report.competencies.map((score) => [...identity, score.id, score.points, score.max, score.percent, null, null]);
  rows.push([...identity, 'total', report.total.points, report.total.max, report.total.percent, report.passed, report.verdict?.percent ?? report.total.percent]);
  return toCsv(COMPETENCY_COLUMNS, rows);
}
