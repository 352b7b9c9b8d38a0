import { stemmer } from 'stemmer';

/**
 * Word forms: irregular past forms back to their base verb, then the Porter stemmer, so that
 * "ran", "runs" and "running" compare equal, and "re-ran", "reran" and "re-run" all read "rerun".
 */

/** Irregular past tenses and participles (and "goes", which the stemmer leaves as "goe"), and the base verb each comes from. */
/** A map, not an object: a word such as "constructor" must not find Object.prototype's members. */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(Object.entries({
  ran: 'run', went: 'go', gone: 'go', goes: 'go', sent: 'send', began: 'begin', begun: 'begin', brought: 'bring', told: 'tell',
  made: 'make', took: 'take', taken: 'take', gave: 'give', given: 'give', found: 'find', paid: 'pay', got: 'get',
  gotten: 'get', came: 'come', did: 'do', done: 'do', had: 'have', said: 'say', saw: 'see', seen: 'see', knew: 'know',
  known: 'know', thought: 'think', left: 'leave', lost: 'lose', kept: 'keep', held: 'hold', built: 'build',
  broke: 'break', broken: 'break', wrote: 'write', written: 'write', spoke: 'speak', spoken: 'speak', rang: 'ring',
  rung: 'ring', stood: 'stand', understood: 'understand', fell: 'fall', fallen: 'fall', felt: 'feel', led: 'lead',
  met: 'meet', sold: 'sell', bought: 'buy', caught: 'catch', taught: 'teach', sought: 'seek', fought: 'fight',
  spent: 'spend', lent: 'lend', meant: 'mean', chose: 'choose', chosen: 'choose', froze: 'freeze', frozen: 'freeze',
  woke: 'wake', woken: 'wake', drove: 'drive', driven: 'drive', hung: 'hang', shown: 'show', grew: 'grow',
  grown: 'grow', threw: 'throw', thrown: 'throw', blew: 'blow', blown: 'blow', drew: 'draw', drawn: 'draw',
  flew: 'fly', flown: 'fly', forgot: 'forget', forgotten: 'forget', hid: 'hide', hidden: 'hide', became: 'become',
  dealt: 'deal', dug: 'dig', fed: 'feed', fled: 'flee', slept: 'sleep', sped: 'speed', spun: 'spin', swung: 'swing',
  wore: 'wear', worn: 'wear', tore: 'tear', torn: 'tear', struck: 'strike', stuck: 'stick', heard: 'hear',
  sat: 'sit', won: 'win', withdrew: 'withdraw', withdrawn: 'withdraw', undid: 'undo', undone: 'undo',
  overran: 'overrun', upheld: 'uphold', arose: 'arise', arisen: 'arise', bent: 'bend', bound: 'bind',
  // Prefixed forms written as one word. "re-ran" becomes "reran" before it gets here.
  reran: 'rerun', resent: 'resend', rebuilt: 'rebuild', redid: 'redo', redone: 'redo', remade: 'remake',
  rewrote: 'rewrite', rewritten: 'rewrite', retook: 'retake', retaken: 'retake', repaid: 'repay', retold: 'retell',
  rewound: 'rewind',
}));

/**
 * Irregular forms that are not reliable signs of a verb: they are spelled like a base form or a common noun
 * ("found" a company, "left" side, "bound", "stuck" reads as an adjective). The verb detector skips them.
 */
export const AMBIGUOUS_IRREGULAR = new Set(['left', 'found', 'bound', 'stuck', 'fell', 'saw', 'led', 'fed', 'won', 'sat', 'bent']);

const WORD_CACHE_LIMIT = 20000;
const lemmaCache = new Map<string, string>();

/** The base form of an irregular verb form, else the word itself. */
export function baseForm(word: string): string {
  return IRREGULAR_FORMS.get(word) ?? word;
}

/** A word's stem after undoing irregular forms: "ran" -> "run", "reran" -> "rerun", "notified" -> "notifi". */
export function lemma(word: string): string {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached;
  const stem = stemmer(baseForm(word));
  if (lemmaCache.size >= WORD_CACHE_LIMIT) lemmaCache.clear();
  lemmaCache.set(word, stem);
  return stem;
}
