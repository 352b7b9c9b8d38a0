/**
 * Rewrites the surface of a text before it is split or tokenised: case, quotes, contractions, "unable to",
 * numbers written as words, thousands separators, abbreviations with dots, clock times (-> "t0315") and
 * durations (-> "m30", in minutes). After this the only colons and commas left are punctuation, so the
 * clause splitter can cut on them without breaking "03:15" or "1,000".
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};

const NUMBER_WORD = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'g');

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** The token for a clock time: "t0315". */
export function timeToken(hours: number, minutes: number): string {
  return `t${twoDigits(hours % 24)}${twoDigits(minutes)}`;
}

/** The token for a duration in minutes: "m30". */
export function durationToken(minutes: number): string {
  return `m${Math.round(minutes)}`;
}

/** Whether a token is a clock time or a duration. */
export function isTimeToken(token: string): boolean {
  return /^[tm]\d+$/.test(token);
}

function contractions(s: string): string {
  return s
    .replace(/\bcan'?t\b|\bcannot\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/\bshan'?t\b/g, 'shall not')
    .replace(/n't\b/g, ' not')
    .replace(/\b(it|that|there|here|what|who|he|she|where|how)'s\b/g, '$1 is')
    .replace(/'s\b/g, '')
    .replace(/'re\b/g, ' are')
    .replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will')
    .replace(/'d\b/g, ' would')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\b(?:have |has |had )?(?:not been|not be|not) able to\b/g, 'can not')
    .replace(/\bunable to\b/g, 'can not')
    .replace(/\bno[\s-]one\b/g, 'nobody')
    .replace(/\binstead of\b|\brather than\b/g, 'not')
    .replace(/(^|[^a-z0-9/])n\/a(?![a-z0-9/])/g, '$1none')
    .replace(/\bre-(?=[a-z])/g, 're');
}

function numbers(s: string): string {
  let out = s
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\b(?:e\.g|i\.e|etc|approx|incl|est|vs|ca)\./g, (match) => match.replace(/\./g, ''))
    .replace(/\bp\s?([1-5])\b/g, 'priority $1')
    .replace(/\bsev(?:erity)?[\s-]?([1-5])\b/g, 'severity $1')
    .replace(/\b(priority|severity) (one|two|three|four|five)\b/g, (_, kind: string, w: string) => `${kind} ${NUMBER_WORDS[w]}`)
    .replace(/\bhalf an? hour\b|\bhalf hour\b/g, '30 minutes')
    .replace(/\ba couple of\b|\ba couple\b/g, '2')
    .replace(/\ban hour\b/g, '1 hour');
  out = out.replace(/\b(twenty|thirty|forty|fifty|sixty|ninety)[\s-](one|two|three|four|five|six|seven|eight|nine)\b/g, (_, tens: string, unit: string) =>
    String((NUMBER_WORDS[tens] ?? 0) + (NUMBER_WORDS[unit] ?? 0)),
  );
  out = out.replace(NUMBER_WORD, (word: string) => String(NUMBER_WORDS[word] ?? word));
  return out;
}

function times(s: string): string {
  let out = s.replace(/\b(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)/g, (_, h: string, m: string | undefined, half: string) => {
    let hours = Number(h) % 12;
    if (half.startsWith('p')) hours += 12;
    return ` ${timeToken(hours, Number(m ?? 0))} `;
  });
  out = out.replace(/\b(\d{1,2}):(\d{2})(?::\d{2})?\b/g, (_, h: string, m: string) => ` ${timeToken(Number(h), Number(m))} `);
  out = out.replace(/\b([01]\d|2[0-3])([0-5]\d)\s*(?:h|hrs|hours)\b/g, (_, h: string, m: string) => ` ${timeToken(Number(h), Number(m))} `);
  out = out.replace(/\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b/g, (_, n: string) => ` ${durationToken(Number(n) * 60)} `);
  out = out.replace(/\b(\d+)\s*(?:minutes?|mins?|m)\b/g, (_, n: string) => ` ${durationToken(Number(n))} `);
  return out;
}

/** The rewritten surface of a text, lower case; see the module comment. */
export function surface(text: string): string {
  const s = text.toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, ' - ');
  return times(numbers(contractions(s)));
}
