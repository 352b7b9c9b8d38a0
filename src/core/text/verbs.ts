import { AUXILIARIES, SUBJECT_PRONOUNS, isAdverb, isContentWord } from './function-words.ts';
import { AMBIGUOUS_IRREGULAR, IRREGULAR_FORMS } from './word-forms.ts';

/**
 * A light, deterministic verb detector. It does not parse; it answers "does this clause say something happens
 * or is so?", which is what separates a statement from a keyword. A word is a verb when it is:
 *  1. an auxiliary, modal or copula (is, are, was, has, can, will, ...);
 *  2. an irregular past form from the table (ran, sent, broke, taken, ...), except ambiguous ones (left, found);
 *  3. a regular "-ed" or "-ing" form (not a noun such as "need", "hundred", "meeting", "billing"), unless it is
 *     attributive: a participle that usually works as an adjective ("failed", "missing", "affected") directly before
 *     a noun, or any participle between a determiner and a noun ("the affected customers");
 *  4. the word after a subject pronoun (we, they, it, ...), past any adverbs: "we reran", "we failed over";
 *  5. a known incident verb after "to" ("approval to notify"); at the start of a clause or after a noun, when
 *     no noun follows it but a determiner, pronoun, particle, preposition or number ("Call the DBA", "Fix
 *     forward", "Kevin and Bill own the investigation", "Pages take 8 seconds"; not "hostname fix", which ends
 *     the clause); or in its "-s" form after a noun ("Bill confirms", "the database now runs");
 *  6. a state word used as a predicate after a noun ("storefront down", "host names wrong"): an implied "is".
 * A clause with none of these is a keyword or a noun phrase, and states nothing.
 */

/** Base forms of verbs common in incident reports, for rule 5. */
export const INCIDENT_VERBS: ReadonlySet<string> = new Set([
  'affect', 'agree', 'appear', 'approve', 'ask', 'assign', 'become', 'begin', 'believe', 'block', 'break', 'bring', 'call',
  'cause', 'change', 'check', 'close', 'come', 'confirm', 'contact', 'continue', 'correct', 'cover', 'crash', 'decide',
  'declare', 'delay', 'deny', 'deploy', 'disable', 'drain', 'drop', 'enable', 'end', 'engage', 'escalate', 'estimate',
  'exceed', 'expect', 'expire', 'fail', 'fall', 'find', 'finish', 'fix', 'follow', 'freeze', 'give', 'go', 'grow', 'hand',
  'handle', 'hang', 'happen', 'help', 'hold', 'hope', 'identify', 'impact', 'improve', 'include', 'increase', 'indicate',
  'inform', 'intend', 'investigate', 'invoke', 'involve', 'isolate', 'join', 'keep', 'kill', 'know', 'lag', 'lead', 'leave',
  'lock', 'look', 'make', 'manage', 'mean', 'monitor', 'move', 'mute', 'need', 'notify', 'occur', 'open', 'own', 'page',
  'patch', 'pay', 'persist', 'plan', 'point', 'post', 'prevent', 'provide', 'publish', 'push', 'raise', 'reach', 'reboot',
  'recover', 'reenable', 'reject', 'remain', 'remove', 'repair', 'replace', 'report', 'request', 'require', 'rerun',
  'reset', 'resolve', 'respond', 'restart', 'restore', 'return', 'revert', 'review', 'rise', 'roll', 'rollback', 'run',
  'say', 'schedule', 'see', 'seem', 'send', 'serve', 'show', 'stabilise', 'stabilize', 'start', 'state', 'stay', 'stop',
  'suggest', 'switch', 'take', 'tell', 'test', 'think', 'track', 'try', 'turn', 'understand', 'update', 'use', 'validate',
  'verify', 'wait', 'want', 'watch', 'work', 'cut', 'hit', 'shut', 'put', 'set', 'split', 'spread', 'load', 'predate',
  'lose', 'win', 'feed', 'sit',
]);

/** Participles that usually work as adjectives: verbs only when not directly before a noun ("the release failed"). */
export const ADJECTIVAL_PARTICIPLES: ReadonlySet<string> = new Set([
  'failed', 'failing', 'broken', 'delayed', 'affected', 'impacted', 'degraded', 'corrupted', 'missing', 'scheduled',
  'planned', 'unplanned', 'related', 'unrelated', 'estimated', 'expected', 'unexpected', 'increased', 'reduced', 'shared',
  'limited', 'dedicated', 'automated', 'distributed', 'existing', 'pending', 'remaining', 'outstanding', 'upcoming',
  'incoming', 'outgoing', 'underlying', 'following', 'leading', 'ongoing', 'detailed', 'advanced', 'extended', 'mixed',
  'repeated', 'elevated', 'locking', 'locked', 'misconfigured', 'updated', 'interrupted', 'intermittent', 'sustained',
]);

/** State words that say "is so" when they follow a noun (rule 6). */
export const PREDICATE_STATES: ReadonlySet<string> = new Set([
  'down', 'offline', 'unavailable', 'unreachable', 'unresponsive', 'slow', 'stuck', 'wrong', 'incorrect', 'invalid',
  'open', 'late', 'underway', 'live', 'back',
]);

/** Words ending in "-ed" that are not verb forms. */
const ED_NOT_VERBS = new Set(['hundred', 'kindred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'jagged', 'embed', 'shred', 'infrared', 'sled', 'shed', 'bred', 'speed']);

/** Words ending in "-ing" that are nouns (or prepositions) on a bridge, not verb forms. */
const ING_NOT_VERBS = new Set([
  'thing', 'nothing', 'something', 'anything', 'everything', 'morning', 'evening', 'meeting', 'building', 'ceiling',
  'during', 'string', 'spring', 'bring', 'swing', 'sting', 'sling', 'billing', 'pricing', 'trading', 'hosting',
  'monitoring', 'networking', 'routing', 'caching', 'logging', 'booking', 'banking', 'ticketing', 'messaging',
  'printing', 'parking', 'marketing', 'accounting', 'shipping', 'invoicing', 'onboarding', 'offboarding', 'staging',
  'clustering', 'warning', 'setting', 'settings', 'training', 'funding', 'landing', 'heading', 'briefing', 'engineering',
  'processing', 'learning', 'wiring', 'housing', 'lighting', 'timing', 'listing', 'opening', 'ping', 'king', 'ring', 'wing',
  'sibling', 'pudding', 'wedding', 'ranking', 'rating', 'posting', 'ceiling', 'earning', 'earnings', 'savings', 'tooling',
  'plumbing', 'scheduling', 'sterling', 'darling',
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'its', 'his', 'her', 'my', 'your', 'some', 'any', 'no', 'all', 'each', 'every', 'both', 'several', 'many', 'with', 'of', 'for', 'by', 'from', 'in', 'on', 'at', 'to']);

const SAME_FORM_PAST = new Set(['put', 'set', 'cut', 'hit', 'shut', 'let', 'read', 'spread', 'split', 'cost', 'hurt', 'quit', 'cast', 'bet', 'burst', 'broadcast']);

function isRegularPast(word: string): boolean {
  if (word.length < 4 || !word.endsWith('ed') || ED_NOT_VERBS.has(word)) return false;
  return !word.endsWith('eed') || ['agreed', 'freed', 'guaranteed'].includes(word);
}

function isPresentParticiple(word: string): boolean {
  return word.length >= 5 && word.endsWith('ing') && !ING_NOT_VERBS.has(word);
}

/** The base forms an "-s" word may come from: "confirms" -> confirm, "fixes" -> fix, "notifies" -> notify. */
function sBases(word: string): string[] {
  if (word.length < 3 || !word.endsWith('s') || word.endsWith('ss')) return [];
  const bases = [word.slice(0, -1)];
  if (word.endsWith('es')) bases.push(word.slice(0, -2));
  if (word.endsWith('ies')) bases.push(`${word.slice(0, -3)}y`);
  return bases;
}

function isParticiple(word: string): boolean {
  return isRegularPast(word) || isPresentParticiple(word) || (IRREGULAR_FORMS.has(word) && !AMBIGUOUS_IRREGULAR.has(word));
}

/** Whether the word at `index` is a verb by the rules in the module comment. */
export function isVerbAt(words: readonly string[], index: number): boolean {
  const word = words[index] ?? '';
  if (AUXILIARIES.has(word)) return true;
  const previous = words[index - 1];
  const next = words[index + 1];
  let before = index - 1;
  while (before >= 0 && isAdverb(words[before] ?? '')) before -= 1;
  const subject = words[before];
  const afterPronoun = subject !== undefined && SUBJECT_PRONOUNS.has(subject);
  if (isParticiple(word) && !SAME_FORM_PAST.has(word)) {
    if (afterPronoun || !isContentWord(next)) return true;
    if (ADJECTIVAL_PARTICIPLES.has(word)) return false;
    return previous === undefined || !DETERMINERS.has(previous);
  }
  if (afterPronoun && isContentWord(word)) return true;
  if (INCIDENT_VERBS.has(word)) {
    if (previous === 'to') return true;
    // "Call the DBA", "Fix forward"; "Kevin and Bill own the investigation" (a noun, the verb, then no noun).
    if (next !== undefined && !isContentWord(next) && (index === 0 || isContentWord(subject))) return true;
  }
  if (isContentWord(subject) && sBases(word).some((base) => INCIDENT_VERBS.has(base))) return true;
  if (PREDICATE_STATES.has(word) && isContentWord(previous) && !isContentWord(next)) return true;
  return false;
}

/** Whether any word of a clause is a verb. */
export function hasVerb(words: readonly string[]): boolean {
  for (let index = 0; index < words.length; index += 1) if (isVerbAt(words, index)) return true;
  return false;
}
