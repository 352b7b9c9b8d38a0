import type { CanSection } from '../scenario/schema.ts';

/**
 * Near-duplicate CAN sections: the same text pasted under two headings to catch every fact at home.
 * Two sections are near-duplicates when their token sets overlap by more than NEAR_DUPLICATE_JACCARD
 * (shared tokens / all tokens) and the smaller holds at least NEAR_DUPLICATE_MIN_TOKENS tokens. Repeating
 * a real term in two sections ("the locking bug" under Actions and Needs) overlaps far less than that, and
 * two short sections on one subject ("Rolling back the release." / "Approval to roll back the release.")
 * are too small to judge.
 */
export const NEAR_DUPLICATE_JACCARD = 0.6;
export const NEAR_DUPLICATE_MIN_TOKENS = 6;

/** Shared tokens over all tokens; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The pairs of sections that are near-duplicates, as "a|b" keys in both orders. */
export function nearDuplicatePairs(tokens: ReadonlyMap<CanSection, ReadonlySet<string>>): Set<string> {
  const pairs = new Set<string>();
  const sections = [...tokens.keys()];
  sections.forEach((a, i) => {
    for (const b of sections.slice(i + 1)) {
      const first = tokens.get(a) ?? new Set<string>();
      const second = tokens.get(b) ?? new Set<string>();
      if (Math.min(first.size, second.size) >= NEAR_DUPLICATE_MIN_TOKENS && jaccard(first, second) > NEAR_DUPLICATE_JACCARD) {
        pairs.add(`${a}|${b}`);
        pairs.add(`${b}|${a}`);
      }
    }
  });
  return pairs;
}
