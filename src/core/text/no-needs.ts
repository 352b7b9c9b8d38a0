import { segmentsOf } from './clauses.ts';
import { surface } from './surface.ts';
import { hasVerb } from './verbs.ts';

/**
 * Whether a needs section says nothing more is needed, judged clause by clause (comma and colon pieces).
 *
 * A piece says "no needs" when it holds a word of refusal (none, nothing, no, not, nil, nope, zero; "n/a" arrives
 * as "none") and every other word is filler: need words, "further", "additional", "else", "right now", "at this
 * time", "from us", "thanks"... So "Nothing further needed right now", "Needs: none", "None at this time", "No
 * additional needs" and "We don't need anything else" all count, and "None of the customers can log in" does not.
 *
 * The text says "no needs" when some piece does and no other piece asks for something: a piece with other words
 * that either has no verb (a request written as a noun phrase: "Approval to move the mailboxes" has one, "A review
 * meeting" has none) or holds a need word ("we need approval"). A remark with a verb and no need word ("we expect
 * the carrier's estimate soon") asks for nothing.
 */

const REFUSALS = new Set(['none', 'nothing', 'no', 'not', 'nil', 'nope', 'zero', 'nada']);
const NEED_WORDS = new Set([
  'need', 'needs', 'needed', 'require', 'requires', 'required', 'requirement', 'requirements', 'request', 'requests',
  'requested', 'ask', 'asks', 'want', 'wants', 'approval', 'approve', 'decision', 'decide', 'help', 'please',
]);
const FILLER = new Set([
  ...NEED_WORDS, 'additional', 'further', 'other', 'others', 'more', 'else', 'new', 'outstanding', 'extra', 'right', 'now',
  'at', 'this', 'that', 'the', 'time', 'moment', 'present', 'point', 'stage', 'for', 'from', 'us', 'we', 'i', 'our',
  'side', 'any', 'anything', 'have', 'has', 'do', 'does', 'did', 'is', 'are', 'there', 'of', 'currently', 'yet', 'so',
  'far', 'thanks', 'thank', 'you', 'just', 'all', 'good', 'ok', 'okay', 'fine', 'today', 'here', 'to', 'be', 'a', 'an',
  'it', 'in', 'on', 'item', 'items', 'action', 'actions', 'as', 'bridge', 'team', 'immediate', 'immediately', 'and', 'or',
  'really', 'anymore',
]);

function isNoNeedsPiece(words: readonly string[]): boolean {
  return words.some((word) => REFUSALS.has(word)) && words.every((word) => REFUSALS.has(word) || FILLER.has(word));
}

function asksForSomething(words: readonly string[]): boolean {
  if (words.every((word) => REFUSALS.has(word) || FILLER.has(word))) return false;
  if (words.some((word) => REFUSALS.has(word))) return false;
  return !hasVerb(words) || words.some((word) => NEED_WORDS.has(word));
}

const CACHE_LIMIT = 500;
const answers = new Map<string, boolean>();

/** Whether a text says there is nothing more to ask for; see the module comment. */
export function saysNoNeeds(text: string): boolean {
  const cached = answers.get(text);
  if (cached !== undefined) return cached;
  const pieces = segmentsOf(surface(text));
  const answer = pieces.some(isNoNeedsPiece) && !pieces.some(asksForSomething);
  if (answers.size >= CACHE_LIMIT) answers.clear();
  answers.set(text, answer);
  return answer;
}
