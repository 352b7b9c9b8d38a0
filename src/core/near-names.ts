/** What a search returns when it ran out of steps before it could answer. */
export const OUT_OF_STEPS = Symbol('out of steps');
export type Found = string | undefined | typeof OUT_OF_STEPS;
/** Asked before each piece of work, with its cost in steps; false stops the search. */
export type Afford = (steps: number) => boolean;
const always: Afford = () => true;

/** How far in spelling a suggestion may be from a name: a third of the longer, at least 2. */
export const tolerance = (nameLength: number, candidateLength: number) => Math.max(2, Math.floor(Math.max(nameLength, candidateLength) / 3));

/** The Levenshtein distance of `a` and `b` when it is at most `limit`, else `limit + 1`; at most (a.length + 1) × (2 × limit + 1) cells. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let previous = new Int32Array(b.length + 2);
  let current = new Int32Array(b.length + 2);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? i : over;
    let rowMin = current[from - 1]!;
    const char = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1]! + (char === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[to + 1] = over;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

interface Entry {
  readonly name: string;
  readonly lower: string;
  readonly digits: string;
}

/** Names to suggest from, lower-cased once for many lookups. */
export class NameIndex {
  private readonly entries: readonly Entry[];
  private readonly longest: number;

  constructor(names: Iterable<string>) {
    this.entries = [...names].map((name) => {
      const lower = name.toLowerCase();
      return { name, lower, digits: digitsOf(lower) };
    });
    this.longest = this.entries.reduce((most, entry) => Math.max(most, entry.name.length), 0);
  }

  /** The name nearest in spelling (case aside), if near enough to suggest; of equally near names, the first. */
  closest(name: string, afford: Afford = always): Found {
    const lower = name.toLowerCase();
    // Nothing farther than the widest tolerance can be suggested, so no comparison looks farther.
    let bestDistance = tolerance(name.length, this.longest) + 1;
    let best: Entry | undefined;
    for (const entry of this.entries) {
      if (entry.name === name) continue;
      const limit = bestDistance - 1;
      const compared = Math.abs(lower.length - entry.lower.length) <= limit;
      if (!afford(compared ? 1 + (lower.length + 1) * (2 * limit + 1) : 1)) return OUT_OF_STEPS;
      if (!compared) continue;
      const distance = boundedEditDistance(lower, entry.lower, limit);
      if (distance < bestDistance) {
        best = entry;
        bestDistance = distance;
        if (distance === 0) break;
      }
    }
    return best !== undefined && bestDistance <= tolerance(name.length, best.name.length) ? best.name : undefined;
  }

  /**
   * The one name that `name` spells out in full, as "Priority1" spells "P1" or "Severity-2" "SEV2":
   * same first letter, same digits, and every letter of the short name in order in the long one.
   */
  spelledOut(name: string, afford: Afford = always): Found {
    const long = name.toLowerCase();
    const digits = digitsOf(long);
    let match: string | undefined;
    for (const entry of this.entries) {
      const likely = entry.lower !== long && entry.lower[0] === long[0] && entry.digits === digits;
      if (!afford(likely ? 1 + long.length : 1)) return OUT_OF_STEPS;
      if (!likely || !isSubsequence(entry.lower, long)) continue;
      if (match !== undefined) return undefined;
      match = entry.name;
    }
    return match;
  }
}
