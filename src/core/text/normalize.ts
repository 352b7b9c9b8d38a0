import { StatementMatcher } from './statements.ts';
import { surface } from './surface.ts';
import { canonicalSequence, wordsOf } from './tokens.ts';

/**
 * Normalises free text so that paraphrases compare equal: case, punctuation, word forms (irregular verbs
 * too), synonyms, numbers written as words, and times and durations written differently. The pieces:
 * surface.ts (rewrites), word-forms.ts, synonyms.ts, tokens.ts (tokens and negation), verbs.ts (verb
 * detection), clauses.ts (clause splitting), statements.ts (which clause states what), no-needs.ts.
 */

export { StatementMatcher, DEFAULT_MAX_FACTS_PER_CLAUSE, TIME_WILDCARD, type Element, type StatementOptions } from './statements.ts';
export { saysNoNeeds } from './no-needs.ts';

const TOKEN_CACHE_LIMIT = 5000;
const tokenCache = new Map<string, string[]>();

/** Canonical tokens of a text, in order, with stopwords removed, synonyms folded together and negators as "not". */
export function canonicalTokens(text: string): string[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const tokens = canonicalSequence(wordsOf(surface(text)));
  if (text.length <= 200) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

/**
 * A phrasing matches a text when one clause of it states the phrasing with the same polarity; no verb is
 * needed and there is no bound per clause. Kept for callers that test one phrasing at a time; new code
 * should use StatementMatcher.
 */
export class PhraseMatcher {
  private readonly matcher: StatementMatcher;

  constructor(text: string) {
    this.matcher = new StatementMatcher(text, { requireVerb: false });
  }

  matches(phrasing: string): boolean {
    return this.matcher.states(phrasing);
  }

  get isEmpty(): boolean {
    return this.matcher.isEmpty;
  }
}
