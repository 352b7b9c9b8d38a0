import { didYouMean } from '../diagnostics.ts';

const digitsOf = (text: string) => text.replace(/\D/g, '');

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/**
 * The one candidate the name spells out in full, as "Priority1" spells "P1" or "Severity-2" "SEV2":
 * same first letter, same digits, and every letter of the candidate in order in the name.
 */
export function abbreviationIn(name: string, candidates: Iterable<string>): string | undefined {
  const long = name.toLowerCase();
  const matches = [...candidates].filter((candidate) => {
    const short = candidate.toLowerCase();
    return short !== long && short[0] === long[0] && digitsOf(short) === digitsOf(long) && isSubsequence(short, long);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** "; did you mean …?" for a near spelling, or for the short id a long name spells out; else nothing. */
export function suggestion(name: string, candidates: ReadonlySet<string>): string {
  const near = didYouMean(name, candidates);
  if (near !== '') return near;
  const short = abbreviationIn(name, candidates);
  return short === undefined ? '' : `; did you mean "${short}"?`;
}
