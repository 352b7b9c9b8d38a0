import type { z } from 'zod';
import type { AttemptRecord } from './attempt.ts';
import type { JsonPath } from './diagnostics.ts';
import { instantMs } from './iso-instant.ts';
import { isRecord, type LogDiagnosticCode } from './session/log-diagnostic.ts';
import { schemaDiagnostics } from './session/log-diagnostic-schema.ts';

export type AttemptDiagnosticCode =
  | 'E_ATTEMPT_SHAPE'
  | 'E_ATTEMPT_MISSING_FIELD'
  | 'E_ATTEMPT_BAD_FIELD'
  | 'E_ATTEMPT_BAD_ID'
  | 'E_ATTEMPT_BAD_INSTANT'
  | 'E_ATTEMPT_BAD_REPORT'
  | 'E_ATTEMPT_MISMATCH';

/** A problem with an attempt record; problems inside its action log keep their `E_LOG_…` codes. */
export interface AttemptDiagnostic {
  readonly code: AttemptDiagnosticCode | LogDiagnosticCode;
  readonly message: string;
  /** Where in the record's JSON, e.g. `['log', 'actions', 3, 'at']`. */
  readonly path: JsonPath;
}

const INSTANT_EXAMPLE = '2026-12-04T15:02:11Z';

/** One line naming where the problem is: `startedAt: "startedAt" must be …`. */
export function attemptDiagnosticText(diagnostic: AttemptDiagnostic): string {
  return diagnostic.path.length === 0 ? diagnostic.message : `${diagnostic.path.join('.')}: ${diagnostic.message}`;
}

/** The diagnostic for a record that is not a JSON object at all. */
export function shapeOfWhole(value: unknown): AttemptDiagnostic {
  return { code: 'E_ATTEMPT_SHAPE', message: `An attempt record must be a JSON object, not ${kindOf(value)}`, path: [] };
}

/** The schema's complaints as diagnostics; those about the log keep the action log's own codes. */
export function shapeDiagnostics(issues: readonly z.core.$ZodIssue[], record: Record<string, unknown>): AttemptDiagnostic[] {
  const inLog = (issue: z.core.$ZodIssue) => issue.path[0] === 'log' && record['log'] !== undefined;
  const logIssues = issues.filter(inLog).map((issue) => ({ ...issue, path: issue.path.slice(1) }));
  const logDiagnostics = schemaDiagnostics(logIssues, record['log']).map((d) => ({ code: d.code, message: d.message, path: ['log', ...d.path] }));
  const inReport = (issue: z.core.$ZodIssue) => issue.path[0] === 'report' && record['report'] !== undefined;
  const reportIssues = issues.filter(inReport);
  const others = issues.filter((issue) => !inLog(issue) && !inReport(issue)).map((issue) => shapeDiagnostic(issue, record));
  return [...others, ...(reportIssues.length > 0 ? [reportDiagnostic(reportIssues, record)] : []), ...logDiagnostics];
}

/** One diagnostic for the whole stored report: it comes from a program, so a few examples tell enough. */
function reportDiagnostic(issues: readonly z.core.$ZodIssue[], record: Record<string, unknown>): AttemptDiagnostic {
  const [first] = issues;
  const named = issues.slice(0, 3).map((issue) => {
    const path = jsonPath(issue).slice(1);
    const name = path.length === 0 ? 'the report' : `"${path.join('.')}"`;
    return valueAt(record['report'], path) === undefined ? `${name} is missing` : `${name} is invalid: ${plain(issue.message)}`;
  });
  const more = issues.length > 3 ? `, and ${issues.length - 3} more` : '';
  return { code: 'E_ATTEMPT_BAD_REPORT', message: `The stored report is not a score report: ${named.join('; ')}${more}`, path: first ? jsonPath(first) : ['report'] };
}

function jsonPath(issue: z.core.$ZodIssue): JsonPath {
  return issue.path.filter((key): key is string | number => typeof key !== 'symbol');
}

function shapeDiagnostic(issue: z.core.$ZodIssue, record: Record<string, unknown>): AttemptDiagnostic {
  const path = jsonPath(issue);
  const [field] = path;
  const name = path.join('.');
  const value = valueAt(record, path);
  if (value === undefined) return { code: 'E_ATTEMPT_MISSING_FIELD', message: `Missing "${name}"`, path };
  const got = `; got ${shown(value)}`;
  if (field === 'attemptId') {
    return { code: 'E_ATTEMPT_BAD_ID', message: `"attemptId" must be a UUID in lowercase, like "7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11"${got}`, path };
  }
  if (field === 'startedAt' || field === 'finishedAt') {
    const message = `"${field}" must be an ISO 8601 date and time with its time zone, like "${INSTANT_EXAMPLE}"${got}`;
    return { code: 'E_ATTEMPT_BAD_INSTANT', message, path };
  }
  return { code: 'E_ATTEMPT_BAD_FIELD', message: `Field "${name}" is invalid: ${plain(issue.message)}${issue.code === 'invalid_type' ? '' : got}`, path };
}

/** What the schema cannot say: the parts of the record must agree on what was played, and time runs forward. */
export function consistencyDiagnostics(attempt: AttemptRecord): AttemptDiagnostic[] {
  const diagnostics: AttemptDiagnostic[] = [];
  const mismatch = (path: JsonPath, message: string) => diagnostics.push({ code: 'E_ATTEMPT_MISMATCH', message, path });
  if (attempt.log.scenario !== attempt.scenario.id) {
    mismatch(['log', 'scenario'], `The log is for scenario "${attempt.log.scenario}", but the attempt is for "${attempt.scenario.id}"`);
  }
  if (attempt.log.playbook !== undefined && attempt.log.playbook !== attempt.playbook.id) {
    mismatch(['log', 'playbook'], `The log was played with playbook "${attempt.log.playbook}", but the attempt names "${attempt.playbook.id}"`);
  }
  for (const kind of ['scenario', 'playbook'] as const) {
    const reported = attempt.report?.[kind];
    const recorded = attempt[kind];
    for (const key of ['id', 'version', 'sha256'] as const) {
      const stated = reported?.[key];
      if (stated !== undefined && stated !== recorded[key]) {
        mismatch(['report', kind, key], `The report's ${kind} ${key} is "${stated}", but the attempt's is "${recorded[key]}"`);
      }
    }
  }
  const started = instantMs(attempt.startedAt) ?? 0;
  if (attempt.finishedAt !== null && (instantMs(attempt.finishedAt) ?? 0) < started) {
    diagnostics.push({ code: 'E_ATTEMPT_BAD_INSTANT', message: `"finishedAt" (${attempt.finishedAt}) is before "startedAt" (${attempt.startedAt})`, path: ['finishedAt'] });
  }
  if (attempt.finishedAt !== null && attempt.report === null) {
    diagnostics.push({ code: 'E_ATTEMPT_BAD_REPORT', message: 'A finished attempt must carry the report it was given', path: ['report'] });
  }
  return diagnostics;
}

/** The schema's words without the "Invalid input:" preamble the sentence already says. */
function plain(message: string): string {
  const text = message.replace(/^Invalid (input|option|string|value): /, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? kindOf(value);
  } catch {
    text = kindOf(value); // a bigint or a cycle, which no JSON file holds
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path) {
    if (typeof key === 'number') value = Array.isArray(value) ? (value[key] as unknown) : undefined;
    else value = isRecord(value) ? value[key] : undefined;
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  return typeof value === 'object' ? 'an object' : String(value);
}
