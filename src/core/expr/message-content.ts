import { PhraseMatcher } from '../text/normalize.ts';

const matchers = new Map<string, PhraseMatcher>();
const MATCHER_CACHE_LIMIT = 2000;

function matcherFor(text: string): PhraseMatcher {
  let matcher = matchers.get(text);
  if (!matcher) {
    if (matchers.size >= MATCHER_CACHE_LIMIT) matchers.clear();
    matchers.set(text, (matcher = new PhraseMatcher(text)));
  }
  return matcher;
}

/** Whether a message states every element, each in one of its accepted phrasings, with the right polarity. */
export function statesAll(text: string, elements: readonly (readonly string[])[]): boolean {
  const matcher = matcherFor(text);
  return elements.every((phrasings) => phrasings.some((phrasing) => matcher.matches(phrasing)));
}
