import type { z } from 'zod';
import { ACTION_TYPES, MAX_ACTIONS } from '../actions/action.ts';
import { didYouMean, type JsonPath } from '../diagnostics.ts';
import { isRecord, logDiagnostic, type LogDiagnostic, type LogDiagnosticCode } from './log-diagnostic.ts';

/** Turns the schema's complaints about a log into log diagnostics that name the offending entry. */
export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], log: unknown): LogDiagnostic[] {
  return issues.map((issue) => schemaDiagnostic(issue, log));
}

function schemaDiagnostic(issue: z.core.$ZodIssue, log: unknown): LogDiagnostic {
  const path: JsonPath = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const [first, index, field] = path;
  const value = valueAt(log, path);
  const make = (code: LogDiagnosticCode, message: string) => logDiagnostic(log, code, message, path);

  if (path.length === 0) return make('E_LOG_SHAPE', `The log must be a JSON object with "scenario" and "actions", not ${kindOf(value)}`);
  if (first === 'actions' && index === undefined) {
    if (issue.code === 'too_big') return make('E_LOG_TOO_MANY_ACTIONS', `The log has ${countOf(value)} actions; a log holds at most ${MAX_ACTIONS}`);
    if (value === undefined) return make('E_LOG_SHAPE', 'The log has no "actions" list');
    return make('E_LOG_SHAPE', `"actions" must be a list, not ${kindOf(value)}`);
  }
  if (first === 'actions' && typeof index === 'number') {
    if (field === undefined && issue.code === 'invalid_type') return make('E_LOG_SHAPE', `The action must be a JSON object, not ${kindOf(value)}`);
    if (field === 'type' || (field === undefined && issue.code === 'invalid_union')) {
      const type = isRecord(valueAt(log, ['actions', index])) ? valueAt(log, ['actions', index, 'type']) : undefined;
      if (type === undefined) return logDiagnostic(log, 'E_LOG_MISSING_FIELD', 'Missing "type"', ['actions', index, 'type']);
      const suggestion = typeof type === 'string' ? didYouMean(type, ACTION_TYPES) : '';
      return logDiagnostic(log, 'E_LOG_UNKNOWN_TYPE', `Unknown action type ${JSON.stringify(type)}${suggestion}`, ['actions', index, 'type']);
    }
  }
  const name = (first === 'actions' && typeof index === 'number' ? path.slice(2) : path).join('.');
  if (value === undefined) return make('E_LOG_MISSING_FIELD', `Missing "${name}"`);
  return make('E_LOG_BAD_FIELD', `Field "${name}" is invalid: ${plainSchemaMessage(issue.message)}`);
}

/** The schema's own words without its "Invalid input:" preamble, which the sentence already says. */
function plainSchemaMessage(message: string): string {
  const plain = message.replace(/^Invalid (input|option): /, '');
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(value) : !isRecord(value)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return `${value}`;
    case 'undefined':
      return 'nothing';
    default:
      return 'an object';
  }
}

function countOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : 'too many';
}
