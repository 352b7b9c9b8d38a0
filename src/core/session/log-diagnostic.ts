import type { DiagnosticCode } from '../diagnostic-codes.ts';
import type { JsonPath } from '../diagnostics.ts';

export type LogDiagnosticCode = Extract<DiagnosticCode, `E_LOG_${string}`>;

/** One problem with an action log (CONTRACTS.md §2 and §6), in a form every shell can show its own way. */
export interface LogDiagnostic {
  readonly severity: 'error';
  readonly code: LogDiagnosticCode;
  /** Plain and capitalised, with no "action N" prefix: what a trainee can be shown as it is. */
  readonly message: string;
  /** The action's index from 0, or null for a problem with the log as a whole. */
  readonly index: number | null;
  /** Where in the log's JSON the problem is, e.g. `['actions', 3, 'participant']`. */
  readonly path: JsonPath;
  /** How the offending action is named for people, e.g. `action 4 "mute" at 02:50:00`; null for the log as a whole. */
  readonly entry: string | null;
}

/** Names action `index` of a log that may not have passed the schema, by whatever type and time it has. */
export function actionEntry(log: unknown, index: number): string {
  const actions = isRecord(log) ? log['actions'] : undefined;
  const action: unknown = Array.isArray(actions) ? actions[index] : undefined;
  const at = isRecord(action) && typeof action['at'] === 'string' ? ` at ${action['at']}` : '';
  const type = isRecord(action) && typeof action['type'] === 'string' ? ` "${action['type']}"` : '';
  return `action ${index + 1}${type}${at}`;
}

export function logDiagnostic(log: unknown, code: LogDiagnosticCode, message: string, path: JsonPath): LogDiagnostic {
  const [first, index] = path;
  const forAction = first === 'actions' && typeof index === 'number';
  return {
    severity: 'error',
    code,
    message,
    index: forAction ? index : null,
    path,
    entry: forAction ? actionEntry(log, index) : null,
  };
}

/** The one-line form that names the entry: `action 2 "roll-call" at 02:59:00: out of order; …`. */
export function logDiagnosticText(diagnostic: LogDiagnostic): string {
  const message = diagnostic.message.charAt(0).toLowerCase() + diagnostic.message.slice(1);
  return diagnostic.entry === null ? message : `${diagnostic.entry}: ${message}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
