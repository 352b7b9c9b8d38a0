/**
 * Closed word classes shared by the tokeniser, the verb detector and the negation scopes.
 * Words are in the form the surface rewrite leaves them (lower case, contractions expanded).
 */

/** Words that carry no meaning for matching a fact. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'to', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'we', 'our', 'us', 'has', 'have',
  'had', 'having', 'for', 'and', 'or', 'in', 'at', 'by', 'with', 'that', 'this', 'these', 'those', 'it', 'its', 'they',
  'their', 'them', 'there', 'from', 'as', 'so', 'some', 'all', 'any', 'about', 'into', 'onto', 'on', 'i', 'you', 'your',
  'he', 'she', 'his', 'her', 'him', 'me', 'my', 'currently', 'now', 'also', 'still', 'just', 'very', 'do', 'does', 'did',
  'will', 'would', 'should', 'may', 'might', 'must', 'shall', 'can', 'could', 'able', 'please', 'per', 'up', 'out',
  'get', 'got', 'gets', 'getting', 'which', 'who', 'whom', 'what', 'whether', 'since', 'until', 'till', 'around',
  'approximately', 'approx', 'roughly', 'ca', 'multiple', 'several', 'many', 'then', 'than', 'if', 'but', 'because',
  'while', 'although', 'though', 'whereas', 'however', 'therefore', 'thus', 'yet', 'likely', 'probably', 'possibly',
  'eg', 'ie', 'etc', 'via',
]);

/** Words that negate what follows them in their clause. "n't", "cannot" and "unable to" arrive as "not". */
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor', 'without', 'nowhere']);

/** Words that end a negation's reach: what follows them is a new statement ("not A, but B"; "not A because B"). */
export const SCOPE_ENDS: ReadonlySet<string> = new Set([
  'but', 'because', 'since', 'while', 'although', 'though', 'whereas', 'however', 'so', 'therefore', 'after', 'before', 'when', 'once',
]);

/** Auxiliaries, modals and copulas: each is a verb on its own. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'will',
  'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'get', 'gets', 'got', 'getting', 'gotten',
]);

/** Pronouns that are the subject of a clause: the next word that is not an adverb is its verb ("we reran"). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'they', 'you', 'he', 'she', 'it']);

/** Words that cannot be the head of a noun phrase: determiners, prepositions, particles, pronouns, conjunctions. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...STOPWORDS, ...NEGATORS, ...SCOPE_ENDS,
  'back', 'down', 'forward', 'over', 'off', 'along', 'past', 'through', 'across', 'under', 'above', 'below', 'between', 'against', 'during', 'within', 'without',
  'again', 'away', 'ahead', 'here', 'each', 'every', 'both', 'either', 'another', 'other', 'such', 'whose', 'where', 'how',
  'why', 'more', 'most', 'less', 'least', 'only', 'too', 'not', 'also', 'already', 'soon', 'later', 'today', 'tonight',
]);

/** Whether a word is an adverb the verb detector looks past: "-ly" words and a few others. */
const ADVERBS: ReadonlySet<string> = new Set(['now', 'still', 'also', 'already', 'just', 'then', 'again', 'not', 'never', 'all']);

export function isAdverb(word: string): boolean {
  return (word.length > 4 && word.endsWith('ly')) || ADVERBS.has(word);
}

/** A word that can head a phrase: letters, and not a function word or an adverb. Numbers and times are not. */
export function isContentWord(word: string | undefined): boolean {
  return word !== undefined && /^[a-z]+$/.test(word) && !FUNCTION_WORDS.has(word) && !isAdverb(word);
}
