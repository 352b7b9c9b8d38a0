import { printable } from './code-frame.ts';
import { NameIndex } from './near-names.ts';
export type Severity = 'error' | 'warning';
export type JsonPath = readonly (string | number)[];

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** 1-based line and column of the offending text. */
  readonly line: number;
  readonly column: number;
  readonly path: JsonPath;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Compiler-style line: `file:12:7: error E_UNKNOWN_TARGET: message`. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return printable(`${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** The closest candidate to a misspelt name, if one is close enough to suggest. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const found = new NameIndex(candidates).closest(name);
  return typeof found === 'string' ? found : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = closestMatch(name, candidates);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
