import { EVEN, ODD, type Clause } from './clauses.ts';

/**
 * An index of a text's clauses by token, as bit masks (bit i = clause i), so that finding the clauses that
 * state a phrasing is one AND per token instead of a scan of every clause. Texts of more than MAX_INDEXED
 * clauses are not indexed; callers scan those.
 */
export const MAX_INDEXED = 30;

export interface ClauseIndex {
  /** Token -> clauses where it occurs stated (EVEN) and negated (ODD). */
  readonly byToken: ReadonlyMap<string, readonly [number, number]>;
  readonly all: number;
  readonly withVerb: number;
  readonly withTime: number;
}

const indexes = new WeakMap<readonly Clause[], ClauseIndex | null>();

/** The index of a clause list, built once per list; null when the list is too long to index. */
export function clauseIndex(clauses: readonly Clause[]): ClauseIndex | null {
  const known = indexes.get(clauses);
  if (known !== undefined) return known;
  let index: ClauseIndex | null = null;
  if (clauses.length <= MAX_INDEXED) {
    const byToken = new Map<string, [number, number]>();
    let withVerb = 0;
    let withTime = 0;
    clauses.forEach((clause, i) => {
      const bit = 1 << i;
      if (clause.hasVerb) withVerb |= bit;
      if (clause.hasTime) withTime |= bit;
      for (const [token, bits] of clause.tokens) {
        let masks = byToken.get(token);
        if (!masks) byToken.set(token, (masks = [0, 0]));
        if (bits & EVEN) masks[0] |= bit;
        if (bits & ODD) masks[1] |= bit;
      }
    });
    index = { byToken, all: clauses.length === 0 ? 0 : 2 ** clauses.length - 1, withVerb, withTime };
  }
  indexes.set(clauses, index);
  return index;
}

/** The clause indices in a mask, in order. */
export function indicesOf(mask: number): number[] {
  const found: number[] = [];
  for (let i = 0; mask !== 0; i += 1, mask >>>= 1) if (mask & 1) found.push(i);
  return found;
}
