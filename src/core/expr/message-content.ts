import { StatementMatcher } from '../text/normalize.ts';

/** One clause of a message may carry at most this many elements: "login outage next update 03:30" carries one too few. */
const MAX_ELEMENTS_PER_CLAUSE = 2;
const MATCHER_CACHE_LIMIT = 2000;
const matchers = new Map<string, StatementMatcher>();

function matcherFor(text: string): StatementMatcher {
  let matcher = matchers.get(text);
  if (!matcher) {
    if (matchers.size >= MATCHER_CACHE_LIMIT) matchers.clear();
    // "Next update: 02:40" is one statement in a message, not a label and a time.
    const labelled = text.replace(/:\s+(?=\d)/g, ' ');
    matchers.set(text, (matcher = new StatementMatcher(labelled, { requireVerb: false, maxFactsPerClause: MAX_ELEMENTS_PER_CLAUSE })));
  }
  return matcher;
}

/**
 * Whether a message states every element, each in one of its phrasings with the right polarity. A message
 * may be terse ("Storefront down since 02:04"), so no verb is needed, but a clause of one bare keyword
 * states nothing, and no clause carries more than two elements: a comma-separated keyword list fails.
 */
export function statesAll(text: string, elements: readonly (readonly string[])[]): boolean {
  const matcher = matcherFor(text);
  const substantive = (index: number) => {
    const clause = matcher.clauses[index];
    return clause !== undefined && (clause.hasVerb || clause.tokens.size >= 2);
  };
  const candidates = elements.map((phrasings) => [...new Set(phrasings.flatMap((phrasing) => matcher.clausesStating(phrasing, false)))].filter(substantive));
  const load = new Map<number, number>();
  const place = (element: number): boolean => {
    if (element === candidates.length) return true;
    for (const clause of candidates[element] ?? []) {
      const used = load.get(clause) ?? 0;
      if (used >= MAX_ELEMENTS_PER_CLAUSE) continue;
      load.set(clause, used + 1);
      if (place(element + 1)) return true;
      load.set(clause, used);
    }
    return false;
  };
  return place(0);
}
