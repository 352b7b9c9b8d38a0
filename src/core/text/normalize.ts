import { stemmer } from 'stemmer';

/**
 * Normalises free text so that paraphrases compare equal: case, punctuation, word forms,
 * synonyms, numbers written as words, and times and durations written differently.
 */

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};

/** Groups of words that mean the same thing on an incident bridge; the first is the canonical form. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['customer', 'client', 'user', 'consumer', 'end-user', 'enduser'],
  ['login', 'logon', 'signin', 'sign-in', 'authenticate', 'authentication', 'access'],
  ['order', 'purchase', 'checkout'],
  ['notify', 'notification', 'inform', 'tell', 'alert', 'update', 'advise', 'message', 'communicate', 'communication'],
  ['executive', 'exec', 'leadership', 'management', 'vp', 'director', 'cio', 'cto', 'senior'],
  ['release', 'deployment', 'deploy', 'rollout', 'change'],
  ['rollback', 'roll-back', 'revert', 'backout', 'back-out'],
  ['hostname', 'host'],
  ['fail', 'failure', 'broken', 'break', 'bad', 'botched'],
  ['email', 'e-mail', 'mail', 'exchange'],
  ['server', 'box', 'machine', 'node'],
  ['bridge', 'call', 'conference', 'line'],
  ['disruption', 'outage', 'down', 'unavailable', 'disrupt'],
  ['degradation', 'degrade', 'slow', 'slowness', 'sluggish'],
  ['priority', 'p'],
  ['mute', 'silence', 'quiet'],
  ['need', 'require', 'request', 'want', 'ask'],
  ['decision', 'decide', 'approve', 'approval', 'call'],
  ['investigate', 'investigation', 'look', 'check', 'review', 'examine', 'troubleshoot', 'diagnose'],
  ['fix', 'correct', 'repair', 'resolve', 'remediate'],
  ['team', 'group', 'crew'],
  ['big', 'large', 'major', 'key', 'important'],
  ['separate', 'second', 'another', 'additional', 'new'],
  ['open', 'start', 'set', 'launch', 'create', 'spin'],
  ['script', 'scripts'],
  ['analytics', 'metrics', 'monitoring', 'dashboard', 'telemetry'],
  ['incident', 'issue', 'problem', 'event'],
  ['sme', 'expert', 'engineer', 'specialist'],
  ['unable', 'cannot'],
];

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'we', 'our', 'us', 'has', 'have', 'had',
  'for', 'and', 'or', 'in', 'at', 'by', 'with', 'that', 'this', 'it', 'its', 'they', 'their', 'them', 'there', 'from',
  'as', 'so', 'some', 'all', 'any', 'about', 'into', 'onto', 'on', 'i', 'you', 'your', 'he', 'she', 'his', 'her',
  'currently', 'now', 'also', 'still', 'just', 'very', 'been', 'do', 'does', 'did', 'will', 'would', 'should', 'may',
  'might', 'must', 'shall', 'please', 'per', 'up', 'out', 'get', 'got', 'being', 'which', 'who', 'what', 'whether',
  'since', 'until', 'till', 'around', 'approximately', 'approx', 'roughly', 'about', 'ca', 'multiple', 'several', 'many',
]);

const NEGATIONS = new Set(['not', 'no', 'never']);

const canonicalByStem = buildSynonymIndex();

function buildSynonymIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const canonical = stemmer(group[0] ?? '');
    for (const word of group) index.set(stemmer(word), canonical);
  }
  index.set(stemmer('notification'), stemmer('notify'));
  return index;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function timeToken(hours: number, minutes: number): string {
  return `t${twoDigits(hours % 24)}${twoDigits(minutes)}`;
}

/** Rewrites the surface forms of times, durations, numbers and contractions before tokenising. */
function rewrite(text: string): string {
  let s = text.toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/[\u201c\u201d]/g, '"');
  s = s
    .replace(/\bcan'?t\b|\bcannot\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/\bunable to\b/g, 'can not')
    .replace(/\bnot able to\b/g, 'can not')
    .replace(/\b(log|sign)[\s-]?(in|on)s?\b/g, 'login')
    .replace(/\blogins\b/g, 'login')
    .replace(/\bhost[\s-]?names?\b/g, 'hostname')
    .replace(/\broll(?:s|ed|ing)?[\s-]?back\b/g, 'rollback')
    .replace(/\bback(?:s|ed|ing)?[\s-]?out\b/g, 'rollback')
    .replace(/\be-?mail\b/g, 'email')
    .replace(/\bp\s?([1-4])\b/g, 'priority $1')
    .replace(/\bsev(?:erity)?\s?([1-4])\b/g, 'severity $1')
    .replace(/\bpriority (one|two|three|four)\b/g, (_, w: string) => `priority ${NUMBER_WORDS[w]}`)
    .replace(/\bhalf an? hour\b|\bhalf hour\b/g, '30 minute')
    .replace(/\ba couple of\b|\ba couple\b/g, '2')
    .replace(/\ban hour\b/g, '1 hour');
  s = s.replace(/\b([a-z]+)(?:[\s-]([a-z]+))?\b/g, (match, first: string, second: string | undefined) => {
    const a = NUMBER_WORDS[first];
    const b = second === undefined ? undefined : NUMBER_WORDS[second];
    if (a !== undefined && b !== undefined && a >= 20 && b < 10) return String(a + b);
    if (a !== undefined) return second === undefined ? String(a) : `${a} ${second}`;
    return match;
  });
  s = s.replace(/\b(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)/g, (_, h: string, m: string | undefined, half: string) => {
    let hours = Number(h) % 12;
    if (half.startsWith('p')) hours += 12;
    return ` ${timeToken(hours, Number(m ?? 0))} `;
  });
  s = s.replace(/\b(\d{1,2}):(\d{2})(?::\d{2})?\b/g, (_, h: string, m: string) => ` ${timeToken(Number(h), Number(m))} `);
  s = s.replace(/\b([01]\d|2[0-3])([0-5]\d)\s*(?:h|hrs|hours)\b/g, (_, h: string, m: string) => ` ${timeToken(Number(h), Number(m))} `);
  s = s.replace(/\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b/g, (_, n: string) => `${Math.round(Number(n) * 60)} minute`);
  s = s.replace(/\b(\d+)\s*(?:minutes?|mins?|m)\b/g, '$1 minute');
  return s;
}

const PHRASE_CACHE_LIMIT = 5000;
const phraseCache = new Map<string, string[]>();

/** Canonical tokens of a text, with stopwords removed and synonyms folded together. */
export function canonicalTokens(text: string): string[] {
  const cached = phraseCache.get(text);
  if (cached) return cached;
  const tokens = tokensOf(text);
  if (text.length <= 200) {
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phraseCache.set(text, tokens);
  }
  return tokens;
}

function tokensOf(text: string): string[] {
  const words = rewrite(text).split(/[^a-z0-9]+/).filter((word) => word.length > 0 && !STOPWORDS.has(word));
  return words.map((word) => {
    if (/^\d/.test(word) || /^t\d{4}$/.test(word)) return word;
    const stem = stemmer(word);
    return canonicalByStem.get(stem) ?? stem;
  });
}

/** Splits a report section into sentences or bullet items. */
export function sentences(text: string): string[] {
  return text
    .split(/(?:[.;!?]+(?=\s|$))|\n+|(?:^|\s)[-*•]\s/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

interface TokenizedSentence {
  readonly tokens: ReadonlySet<string>;
  readonly negated: ReadonlySet<string>;
}

const NEGATION_REACH = 3;

/** Tokens of a sentence, and which of them fall under a "not", "no" or "never" just before them. */
function tokenize(sentence: string): TokenizedSentence {
  const ordered = canonicalTokens(sentence);
  const negated = new Set<string>();
  ordered.forEach((token, index) => {
    if (!NEGATIONS.has(token)) return;
    for (const next of ordered.slice(index + 1, index + 1 + NEGATION_REACH)) if (!NEGATIONS.has(next) && !/^t?\d/.test(next)) negated.add(next);
  });
  return { tokens: new Set(ordered.filter((token) => !NEGATIONS.has(token))), negated };
}

/**
 * A phrasing matches a text when all its canonical tokens occur in one of the text's sentences
 * with the same polarity: "customers can log in" never matches "customers cannot log in", and
 * "no customer can log in" does match "customers cannot log in".
 */
export class PhraseMatcher {
  private readonly sentences: TokenizedSentence[];

  constructor(text: string) {
    this.sentences = sentences(text).map(tokenize);
  }

  matches(phrasing: string): boolean {
    const wanted = tokenize(phrasing);
    if (wanted.tokens.size === 0) return false;
    const tokens = [...wanted.tokens];
    const negative = wanted.negated.size > 0;
    return this.sentences.some(
      (sentence) => tokens.every((token) => sentence.tokens.has(token)) && tokens.some((token) => sentence.negated.has(token)) === negative,
    );
  }

  get isEmpty(): boolean {
    return this.sentences.length === 0;
  }
}

/** Whether a text says there is nothing more to ask for ("none", "no additional needs", "nothing further"). */
export function saysNoNeeds(text: string): boolean {
  const cleaned = text.toLowerCase().replace(/[^a-z/ ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return /^(?:none|n\/a|nothing|nil|no(?:ne)?(?: additional| further| other| new| outstanding)? (?:needs?|requests?|asks?)(?: at this (?:time|point))?|nothing (?:else|further|more)(?: needed| required)?|no needs at this time)$/.test(cleaned);
}
