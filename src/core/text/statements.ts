import { assignBounded } from './assign.ts';
import { clauseIndex, indicesOf, type ClauseIndex } from './clause-index.ts';
import { EVEN, ODD, clausesOf, type Clause } from './clauses.ts';
import { surface } from './surface.ts';
import { polarTokens, wordsOf } from './tokens.ts';
import { isVerbAt } from './verbs.ts';

/**
 * Which clauses of a text state a fact. A phrasing ("customers cannot log in") is stated by a clause that holds
 * every one of its tokens with the same polarity: for a positive phrasing every token occurs un-negated; for a
 * negative one every token the phrasing negates occurs negated. So "No customer can log in" and "Customers are
 * unable to sign in" state "customers cannot log in", and "Customers are not unable to log in" does not.
 * A phrasing may hold `{time}`: it matches any clock time or duration in the clause ("next update {time}").
 *
 * Cost: a text is split and tokenised once and cached, with an index of its clauses by token; a phrasing is
 * tokenised once and cached; finding the clauses that state a phrasing is one map lookup and one AND per token.
 */

/** Something a text should state, in any of its accepted phrasings. */
export interface Element {
  readonly id: string;
  readonly accept: readonly string[];
}

export interface StatementOptions {
  /** Whether a clause must have a verb to state anything (default true); a subject line may not. */
  readonly requireVerb?: boolean;
  /** How many elements one clause may support (default 2): a keyword soup cannot state everything at once. */
  readonly maxFactsPerClause?: number;
}

export const DEFAULT_MAX_FACTS_PER_CLAUSE = 2;
export const TIME_WILDCARD = '{time}';

interface Phrase {
  readonly tokens: readonly (readonly [string, number])[];
  readonly negative: boolean;
  readonly wildcard: boolean;
}

/** Phrasings come from scenario files (a few thousand at most); texts from reports and messages being graded. */
const PHRASE_CACHE_LIMIT = 5000;
const TEXT_CACHE_LIMIT = 500;
const phraseCache = new Map<string, Phrase>();
const NONE: readonly number[] = Object.freeze([]);
const textCache = new Map<string, readonly Clause[]>();
const tokenSets = new WeakMap<readonly Clause[], ReadonlySet<string>>();

function remember<T>(cache: Map<string, T>, limit: number, key: string, make: () => T): T {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = make();
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}

/** A phrasing's tokens, each with the polarity bit it needs, and whether the phrasing is negative. */
export function phraseOf(phrasing: string): Phrase {
  return remember(phraseCache, PHRASE_CACHE_LIMIT, phrasing, () => {
    const wildcard = phrasing.includes(TIME_WILDCARD);
    const words = wordsOf(surface(phrasing.split(TIME_WILDCARD).join(' ')));
    const polar = polarTokens(words, (index) => isVerbAt(words, index));
    const negative = polar.some((token) => token.parity === 1);
    const tokens = polar.map(({ token, parity }) => [token, parity === -1 ? EVEN | ODD : negative ? (parity === 1 ? ODD : EVEN | ODD) : EVEN] as const);
    return { tokens, negative, wildcard };
  });
}

/** The clauses of a text, computed once per text. */
export function clausesOfText(text: string): readonly Clause[] {
  return remember(textCache, TEXT_CACHE_LIMIT, text, () => clausesOf(surface(text)));
}

/** Whether one clause states a phrasing, by the rule in the module comment (the verb rule aside). */
export function clauseStates(clause: Clause, phrase: Phrase): boolean {
  if (phrase.tokens.length === 0 && !phrase.wildcard) return false;
  if (phrase.wildcard && !clause.hasTime) return false;
  for (const [token, wanted] of phrase.tokens) if (((clause.tokens.get(token) ?? 0) & wanted) === 0) return false;
  return true;
}

/** Reads a text as clauses and says which of them state what. See the module comment. */
export class StatementMatcher {
  readonly clauses: readonly Clause[];
  readonly requireVerb: boolean;
  readonly maxFactsPerClause: number;
  private readonly index: ClauseIndex | null;

  constructor(text: string, options: StatementOptions = {}) {
    this.clauses = clausesOfText(text);
    this.index = clauseIndex(this.clauses);
    this.requireVerb = options.requireVerb ?? true;
    this.maxFactsPerClause = options.maxFactsPerClause ?? DEFAULT_MAX_FACTS_PER_CLAUSE;
  }

  /** Indices of the clauses that state a phrasing; `requireVerb` overrides the matcher's own setting. */
  clausesStating(phrasing: string, requireVerb: boolean = this.requireVerb): readonly number[] {
    const phrase = phraseOf(phrasing);
    if (phrase.tokens.length === 0 && !phrase.wildcard) return NONE;
    const index = this.index;
    if (!index) {
      const found: number[] = [];
      this.clauses.forEach((clause, i) => {
        if ((!requireVerb || clause.hasVerb) && clauseStates(clause, phrase)) found.push(i);
      });
      return found;
    }
    let mask = requireVerb ? index.withVerb : index.all;
    if (phrase.wildcard) mask &= index.withTime;
    for (const [token, wanted] of phrase.tokens) {
      if (mask === 0) break;
      const masks = index.byToken.get(token);
      mask &= masks === undefined ? 0 : (wanted & EVEN ? masks[0] : 0) | (wanted & ODD ? masks[1] : 0);
    }
    return mask === 0 ? NONE : indicesOf(mask);
  }

  /** Whether some clause states the phrasing with the same polarity. */
  states(phrasing: string): boolean {
    return this.clausesStating(phrasing).length > 0;
  }

  /**
   * Which clause states each element (in any accepted phrasing), with no clause supporting more than
   * `maxFactsPerClause` elements; null when an element is not stated. Earlier elements are placed first.
   */
  find(elements: readonly Element[]): Map<string, number | null> {
    const candidates = elements.map((element) => [...new Set(element.accept.flatMap((phrasing) => this.clausesStating(phrasing)))].sort((a, b) => a - b));
    const assigned = assignBounded(candidates, this.maxFactsPerClause);
    return new Map(elements.map((element, index) => [element.id, assigned[index] ?? null]));
  }

  /** Every canonical token of the text, whatever its polarity. */
  tokenSet(): ReadonlySet<string> {
    let all = tokenSets.get(this.clauses);
    if (!all) {
      const tokens = new Set<string>();
      for (const clause of this.clauses) for (const token of clause.tokens.keys()) tokens.add(token);
      tokenSets.set(this.clauses, (all = tokens));
    }
    return all;
  }

  get isEmpty(): boolean {
    return this.clauses.length === 0;
  }
}
