import { NEGATORS, SCOPE_ENDS, STOPWORDS } from './function-words.ts';
import { isTimeToken } from './surface.ts';
import { canonicalStem } from './synonyms.ts';
import { lemma } from './word-forms.ts';

/**
 * Turns the words of one clause (already through `surface`) into canonical tokens, each with the parity of
 * the negations over it.
 *
 * Negation: a negator (not, no, never, nobody, none, nothing, neither, nor, without; "n't", "cannot",
 * "unable to", "instead of" and "rather than" arrive as "not") flips the polarity of every word after it in
 * the clause, until a word that starts a new statement (but, because, since, after, ...; "and" when a verb
 * follows it). Two negations cancel: "not unable to log in" is "able to log in". "nor" after "neither"
 * continues the same negation. Numbers, times and durations have no polarity. "No customer can log in"
 * negates the customers too: it states "customers cannot log in" (a negative phrasing needs only its own
 * negated words negated), and "No mail server is down" does not state "mail server".
 */

/** Pairs of words written apart that mean one thing: the first word's forms, the second word, the joined word. */
const COMPOUNDS: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>, string])[] = [
  [new Set(['log', 'logged', 'logging', 'sign', 'signed', 'signing']), new Set(['in', 'on']), 'login'],
  [new Set(['roll', 'rolled', 'rolling', 'rolls']), new Set(['back']), 'rollback'],
  [new Set(['back', 'backed', 'backing', 'backs']), new Set(['out']), 'rollback'],
  [new Set(['host', 'server', 'machine', 'dns', 'node']), new Set(['name', 'names']), 'hostname'],
  [new Set(['e']), new Set(['mail', 'mails']), 'email'],
  [new Set(['sign', 'signed', 'signing']), new Set(['off']), 'signoff'],
  [new Set(['end']), new Set(['user', 'users']), 'enduser'],
];

/** A token and its polarity: even (0) or odd (1) number of negations over it; numbers are neutral (-1). */
export interface PolarToken {
  readonly token: string;
  readonly parity: 0 | 1 | -1;
}

/** Splits a surface text into words: letters and digits; "t0315", "m30" and "4" stay whole. */
export function wordsOf(surfaceText: string): string[] {
  return surfaceText.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}

/** First word -> [second words, joined word]. */
const COMPOUND_INDEX = new Map<string, (readonly [ReadonlySet<string>, string])[]>();
for (const [firsts, seconds, joined] of COMPOUNDS) {
  for (const first of firsts) COMPOUND_INDEX.set(first, [...(COMPOUND_INDEX.get(first) ?? []), [seconds, joined]]);
}

function compoundOf(word: string, next: string | undefined): string | undefined {
  if (next === undefined) return undefined;
  for (const [seconds, joined] of COMPOUND_INDEX.get(word) ?? []) if (seconds.has(next)) return joined;
  return undefined;
}

/** Joins compounds: returns the words with "log in" -> "login", and for each output word the input index it starts at. */
function joinCompounds(words: readonly string[]): { words: string[]; starts: number[] } {
  const out: string[] = [];
  const starts: number[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const compound = compoundOf(word, words[i + 1]);
    starts.push(i);
    if (compound !== undefined) {
      out.push(compound);
      i += 1;
    } else out.push(word);
  }
  return { words: out, starts };
}

/** The canonical token of one word: numbers and times as they are, else synonym group of its stem; null for a stopword. */
export function canonicalWord(word: string): string | null {
  if (/^\d/.test(word) || isTimeToken(word)) return word;
  if (STOPWORDS.has(word)) return null;
  return canonicalStem(lemma(word));
}

/**
 * Tokens of a clause's words with their polarity. `verbAt(i)` says whether input word i is a verb; it decides
 * whether an "and" starts a new statement (a verb follows it in the clause) or joins two things under one negation.
 */
export function polarTokens(words: readonly string[], verbAt: (index: number) => boolean = () => false): PolarToken[] {
  const joined = joinCompounds(words);
  const tokens: PolarToken[] = [];
  let parity: 0 | 1 = 0;
  joined.words.forEach((word, index) => {
    if (SCOPE_ENDS.has(word) || (word === 'and' && parity === 1 && verbFollows(joined.starts[index] ?? 0, words.length, verbAt))) parity = 0;
    if (NEGATORS.has(word)) {
      if (!(word === 'nor' && parity === 1)) parity = parity === 0 ? 1 : 0;
      return;
    }
    const token = canonicalWord(word);
    if (token === null) return;
    tokens.push({ token, parity: /^\d/.test(token) || isTimeToken(token) ? -1 : parity });
  });
  return tokens;
}

function verbFollows(from: number, length: number, verbAt: (index: number) => boolean): boolean {
  for (let i = from + 1; i < length; i += 1) if (verbAt(i)) return true;
  return false;
}

/** The canonical tokens of some words in order, with every negator as "not" and no polarity. */
export function canonicalSequence(words: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const word of joinCompounds(words).words) {
    const token = NEGATORS.has(word) ? 'not' : canonicalWord(word);
    if (token !== null) tokens.push(token);
  }
  return tokens;
}
