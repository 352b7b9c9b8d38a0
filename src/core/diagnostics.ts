import { printable } from './code-frame.ts';
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
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDistance <= tolerance ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = closestMatch(name, candidates);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
