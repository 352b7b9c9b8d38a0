import { hasBidiControl } from '../core/text/bidi.ts';

export const NAME_MAX_LENGTH = 40;

/** Words a name on a classroom wall may not contain; short on purpose, matched as whole words. */
const BLOCKED_WORDS = ['fuck', 'fucker', 'shit', 'cunt', 'bitch', 'bastard', 'asshole', 'dick', 'wanker', 'twat', 'nigger', 'faggot', 'slut', 'whore', 'retard'];
const BLOCKED = new RegExp(`(^|[^\\p{L}])(${BLOCKED_WORDS.join('|')})s?($|[^\\p{L}])`, 'iu');
// C0 and C1 controls, line and paragraph separators, and zero-width characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200d\u2060\ufeff]/u;

export type NameCheck = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly code: 'E_NAME_EMPTY' | 'E_NAME_TOO_LONG' | 'E_NAME_CHARACTERS' | 'E_NAME_NOT_ALLOWED'; readonly message: string };

/** A display name for the class: trimmed, spaces folded, NFC, 1–40 characters, no control or bidi characters, no slurs. */
export function checkTraineeName(raw: unknown): NameCheck {
  if (typeof raw !== 'string') return { ok: false, code: 'E_NAME_EMPTY', message: 'Type the name the class will see.' };
  if (CONTROL.test(raw) || hasBidiControl(raw)) return { ok: false, code: 'E_NAME_CHARACTERS', message: 'The name has invisible or control characters; type it again with letters, digits and spaces.' };
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') return { ok: false, code: 'E_NAME_EMPTY', message: 'Type the name the class will see.' };
  if ([...name].length > NAME_MAX_LENGTH) return { ok: false, code: 'E_NAME_TOO_LONG', message: `Names are at most ${NAME_MAX_LENGTH} characters.` };
  if (BLOCKED.test(name)) return { ok: false, code: 'E_NAME_NOT_ALLOWED', message: 'That name cannot be shown to the class; choose another.' };
  return { ok: true, name };
}
