import { isTimeToken } from './surface.ts';
import { polarTokens, wordsOf, type PolarToken } from './tokens.ts';
import { isVerbAt } from './verbs.ts';

/**
 * Splits a text into clauses, the unit a fact must be stated in.
 *
 * 1. Sentences end at ". ! ?" before a space, ";", a line break, or a bullet ("-", "*", "•", "1.", "a)").
 *    Times and numbers were rewritten first (`surface`), so "03:15" and "1,000" never split.
 * 2. A colon splits a sentence into parts. A short label before it (at most six words) works as "is":
 *    "P1 service disruption: customers cannot log in" and "Cause: Azure storage incident" both state
 *    something, so the label, and a single-phrase part after it, count as having a verb.
 * 3. Commas split a part into pieces, and a piece is cut before a conjunction (and, but, because, since, after,
 *    ...) when the words on both sides of it have a verb: "The storefront is down since 02:04 because hall B lost
 *    power" is two statements; "cannot log in and place orders" is one. These are the segments.
 * 4. Segments are grouped into clauses. A part with three or more segments of which more than half have no
 *    verb is a list: every segment stands alone, and a segment without a verb states nothing. Otherwise a
 *    segment without a verb belongs to the next segment with one ("Since 03:00, customers cannot log in"),
 *    or to the one before it when none follows ("Customers cannot log in, since about 03:00").
 */

export interface Clause {
  /** The clause's words after `surface`, for reading and debugging. */
  readonly text: string;
  readonly hasVerb: boolean;
  /** Canonical token -> which polarities it occurs with: bit 1 even (stated), bit 2 odd (negated). */
  readonly tokens: ReadonlyMap<string, number>;
  /** Whether the clause holds a clock time or a duration. */
  readonly hasTime: boolean;
}

export const EVEN = 1;
export const ODD = 2;
const LABEL_MAX_WORDS = 6;
const SENTENCE_BREAK = /[.!?]+(?=\s|$)|;|\n|\s(?:[-*\u2022]+|\d{1,2}\))(?=\s)/g;
const BULLET = /^\s*(?:[-*\u2022]+|\d{1,2}[.)]|[a-z][.)])\s+/gm;

interface Segment {
  readonly words: readonly string[];
  readonly verb: boolean;
  readonly tokens: readonly PolarToken[];
}

/** Words that join two statements; a comma piece is cut before one when both sides have a verb. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'but', 'because', 'since', 'while', 'although', 'though', 'whereas', 'so', 'after', 'before', 'when', 'once']);

/** One comma piece as segments: cut before a conjunction when the words on both sides, up to the next conjunction, have a verb. */
function segmentsOfPiece(words: readonly string[], copula: boolean, out: Segment[]): void {
  const verbs: boolean[] = [];
  const joints: number[] = [];
  for (let i = 0; i < words.length; i += 1) {
    verbs.push(isVerbAt(words, i));
    if (i > 0 && CONJUNCTIONS.has(words[i] ?? '')) joints.push(i);
  }
  let start = 0;
  for (let j = 0; j < joints.length; j += 1) {
    const joint = joints[j] ?? 0;
    if (anyVerb(verbs, start, joint) && anyVerb(verbs, joint + 1, joints[j + 1] ?? words.length)) {
      out.push(segment(words, verbs, start, joint, copula));
      start = joint;
    }
  }
  out.push(segment(words, verbs, start, words.length, copula));
}

function anyVerb(verbs: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (verbs[i]) return true;
  return false;
}

function segment(words: readonly string[], verbs: readonly boolean[], from: number, to: number, copula: boolean): Segment {
  const part = words.slice(from, to);
  const partVerbs = verbs.slice(from, to);
  return { words: part, verb: copula || anyVerb(partVerbs, 0, partVerbs.length), tokens: polarTokens(part, (index) => partVerbs[index] ?? false) };
}

function clauseOf(segments: readonly Segment[]): Clause {
  const tokens = new Map<string, number>();
  let hasTime = false;
  let hasVerb = false;
  const texts: string[] = [];
  for (const segment of segments) {
    hasVerb ||= segment.verb;
    texts.push(segment.words.join(' '));
    for (const { token, parity } of segment.tokens) {
      tokens.set(token, (tokens.get(token) ?? 0) | (parity === -1 ? EVEN | ODD : parity === 0 ? EVEN : ODD));
      if (parity === -1 && isTimeToken(token)) hasTime = true;
    }
  }
  return { text: texts.join(', '), hasVerb, tokens, hasTime };
}

/** Groups one colon part's segments into clauses (rule 4). */
function groupSegments(segments: readonly Segment[], out: Clause[]): void {
  let verbless = 0;
  for (const segment of segments) if (!segment.verb) verbless += 1;
  if ((segments.length >= 3 && verbless * 2 > segments.length) || verbless === segments.length) {
    for (const segment of segments) out.push(clauseOf([segment]));
    return;
  }
  let pending: Segment[] = [];
  let last: Segment[] | undefined;
  const groups: Segment[][] = [];
  for (const segment of segments) {
    pending.push(segment);
    if (segment.verb) {
      groups.push((last = pending));
      pending = [];
    }
  }
  if (last) last.push(...pending);
  for (const group of groups) out.push(clauseOf(group));
}

function splitSentence(sentence: string, out: Clause[]): void {
  const parts = sentence.split(':');
  let previousIsLabel = false;
  for (let index = 0; index < parts.length; index += 1) {
    const pieces = (parts[index] ?? '').split(',');
    const pieceWords: string[][] = [];
    for (const piece of pieces) {
      const words = wordsOf(piece);
      if (words.length > 0) pieceWords.push(words);
    }
    if (pieceWords.length === 0) continue;
    const single = pieceWords.length === 1;
    const isLabel = single && index < parts.length - 1 && (pieceWords[0]?.length ?? 0) <= LABEL_MAX_WORDS;
    const copula = isLabel || (previousIsLabel && single);
    const segments: Segment[] = [];
    for (const words of pieceWords) segmentsOfPiece(words, copula, segments);
    groupSegments(segments, out);
    previousIsLabel = isLabel;
  }
}

/** The sentences of a surface text (rule 1), trimmed, without empty ones. */
export function sentencesOf(surfaceText: string): string[] {
  return surfaceText
    .replace(BULLET, '\n')
    .split(SENTENCE_BREAK)
    .map((part) => part.trim())
    .filter((part) => /[a-z0-9]/.test(part));
}

/** The raw comma segments of a surface text, each as words: what "no needs" is judged on. */
export function segmentsOf(surfaceText: string): string[][] {
  return sentencesOf(surfaceText).flatMap((sentence) => sentence.split(/[,:]/).map(wordsOf)).filter((words) => words.length > 0);
}

/** The clauses of a surface text, by the rules in the module comment. */
export function clausesOf(surfaceText: string): Clause[] {
  const clauses: Clause[] = [];
  for (const sentence of sentencesOf(surfaceText)) splitSentence(sentence, clauses);
  return clauses;
}
