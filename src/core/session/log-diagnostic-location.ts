import type { Diagnostic } from '../diagnostics.ts';
import { parseJson } from '../json/source.ts';
import { logDiagnosticText, type LogDiagnostic } from './log-diagnostic.ts';

/**
 * Places log diagnostics at a line and column of the log file's text, so that they print
 * compiler style (`formatDiagnostic`) with a code frame, like a scenario's. The message names the
 * entry: `action 2 "roll-call" at 02:59:00: out of order; …`. A path the text lacks (a missing
 * field) points at the nearest enclosing value, such as the action's opening brace.
 */
export function locateLogDiagnostics(text: string, diagnostics: readonly LogDiagnostic[]): Diagnostic[] {
  const source = parseJson(text).document;
  return diagnostics.map((diagnostic) => source.diagnostic(diagnostic.severity, diagnostic.code, logDiagnosticText(diagnostic), diagnostic.path));
}
