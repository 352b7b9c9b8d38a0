import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { ActionMatcher, Expr } from '../expr/schema.ts';
import type { JsonDocument } from '../json/source.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Expectation, Scenario } from './schema.ts';

/**
 * Text the trainee reads before or during play must teach the competency, not give the answer:
 * an objective, the briefing, the summary or a phase title that names a value a rubric item
 * expects (the priority, the classification, the option of a decision) is flagged.
 */

/** A value some rubric item expects, the ways text can name it, and the competency wording to use instead. */
interface Answer {
  readonly item: Expectation;
  readonly phrases: readonly (readonly string[])[];
  readonly fallback: string;
}

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /**
   * Whether the text here asks rather than tells: the token is in a question, comes after
   * "whether" in its sentence ("decide whether X or Y" poses the choice, it does not answer it),
   * or comes after a negation in its clause ("not with a political P1" rules a value out).
   */
  readonly posed: boolean;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Words that say nothing about which option was chosen; a clause made only of these is not distinctive. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'it', 'this', 'that', 'of', 'to', 'on', 'in', 'at', 'for', 'and', 'or', 'but', 'is', 'be', 'do',
  'yes', 'no', 'not', 'now', 'later', 'ok', 'okay', 'go', 'keep', 'stay', 'wait', 'let', 'him', 'her', 'them', 'us',
]);

/** Words that, earlier in a clause, turn a value named after them into one ruled out. */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'instead', 'rather', 'without']);

const SENTENCE_END = /[.!?](\s|$)/u;
const CLAUSE_END = /[,;:()\u2013\u2014]|\s-\s/u;

function tokenize(text: string): Token[] {
  const raw: { word: string; start: number; end: number; sentence: number; whether: boolean; negated: boolean }[] = [];
  const questions = new Set<number>();
  let sentence = 0;
  let whether = false;
  let negated = false;
  let previousEnd = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    if (raw.length > 0 && SENTENCE_END.test(gap)) {
      if (gap.includes('?')) questions.add(sentence);
      sentence++;
      whether = false;
    }
    if (SENTENCE_END.test(gap) || CLAUSE_END.test(gap)) negated = false;
    const word = match[0].toLowerCase();
    raw.push({ word, start, end: start + match[0].length, sentence, whether, negated });
    if (word === 'whether') whether = true;
    if (NEGATIONS.has(word)) negated = true;
    previousEnd = start + match[0].length;
  }
  if (text.slice(previousEnd).includes('?')) questions.add(sentence);
  return raw.map(({ word, start, end, sentence: at, whether: afterWhether, negated: ruledOut }) => ({ word, start, end, posed: afterWhether || ruledOut || questions.has(at) }));
}

const words = (text: string): string[] => tokenize(text).map((token) => token.word);

/** "Priority 1 (major incident)" → "Priority 1": the parenthesis explains the level, it is not another name for it. */
const withoutAsides = (name: string) => name.replace(/\([^)]*\)/g, ' ');

/** "P1", "P 1", "P-1", "priority 1", "priority one", "SEV1", "severity 1" and the level's playbook name. */
function levelPhrases(id: string, playbook: Playbook): string[][] {
  const phrases: string[][] = [words(id)];
  const parts = /^([a-z]+)[\s-]?(\d+)$/i.exec(id);
  if (parts) {
    const prefix = parts[1]!.toLowerCase();
    const number = parts[2]!;
    const spelled = NUMBER_WORDS[Number(number)];
    for (const name of new Set([prefix, playbook.levelKind])) {
      phrases.push([name, number], [`${name}${number}`]);
      if (spelled) phrases.push([name, spelled]);
    }
  }
  const level = playbook.levels.find((candidate) => candidate.id === id);
  if (level) phrases.push(words(withoutAsides(level.name)));
  return phrases;
}

function classificationPhrases(id: string, playbook: Playbook): string[][] {
  const classification = playbook.classifications.find((candidate) => candidate.id === id);
  return [words(id), ...(classification ? [words(withoutAsides(classification.name))] : [])];
}

/**
 * The option's whole label, and its first clause when that says something on its own
 * ("Roll back the release", "Stabilize", but not "Yes" or "Now").
 */
function optionPhrases(scenario: Scenario, decisionId: string, choiceId: string): string[][] {
  const option = scenario.decisions?.find((decision) => decision.id === decisionId)?.options.find((candidate) => candidate.id === choiceId);
  if (!option) return [];
  const distinctive = (phrase: string[]) => phrase.some((word) => !GENERIC_WORDS.has(word));
  return [words(option.label), words(option.label.split(/[:;,—–]/u)[0] ?? '')].filter(distinctive);
}

const list = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** The values an expression needs to become true, leaving out what it needs to stay false. */
function expectedValues(expr: Expr, found: (kind: 'level' | 'classification' | 'option', id: string, decision?: string) => void): void {
  if (typeof expr === 'boolean') return;
  if ('all' in expr) expr.all.forEach((part) => expectedValues(part, found));
  else if ('any' in expr) expr.any.forEach((part) => expectedValues(part, found));
  else if ('level' in expr) list(expr.level).forEach((id) => found('level', id));
  else if ('classified' in expr) list(expr.classified).forEach((id) => found('classification', id));
  else if ('decided' in expr) list(expr.choice).forEach((id) => found('option', id, expr.decided));
  else if ('did' in expr) matcherValues(expr.did, found);
}

function matcherValues(matcher: ActionMatcher, found: (kind: 'level' | 'classification' | 'option', id: string, decision?: string) => void): void {
  list(matcher.level).forEach((id) => found('level', id));
  list(matcher.as).forEach((id) => found('classification', id));
  for (const decision of list(matcher.decision)) list(matcher.choice).forEach((id) => found('option', id, decision));
}

function answersOf(scenario: Scenario, playbook: Playbook, rubric: readonly Expectation[]): Answer[] {
  const answers = new Map<string, Answer>();
  const levelWording = playbook.matrix ? `set the ${playbook.levelKind} from the impact × urgency matrix` : `agree the ${playbook.levelKind} from the impact on the service`;
  for (const item of rubric) {
    if (item.kind !== 'achieve') continue;
    expectedValues(item.expect, (kind, id, decision) => {
      const key = decision === undefined ? `${kind}:${id}` : `${kind}:${decision}/${id}`;
      if (answers.has(key)) return;
      if (kind === 'level') answers.set(key, { item, phrases: levelPhrases(id, playbook), fallback: levelWording });
      else if (kind === 'classification') answers.set(key, { item, phrases: classificationPhrases(id, playbook), fallback: 'classify the impact by what users can still do' });
      else if (decision !== undefined) answers.set(key, { item, phrases: optionPhrases(scenario, decision, id), fallback: 'make the call from the evidence' });
    });
  }
  return [...answers.values()].filter((answer) => answer.phrases.some((phrase) => phrase.length > 0));
}

/**
 * Naming a process the trainee escalates to ("the urgent response", "major incident") is the
 * vocabulary of the competency, so words inside an escalation's name never count as an answer,
 * even where the same word also names a classification.
 */
function escalationPhrases(playbook: Playbook): string[][] {
  return (playbook.escalations ?? []).flatMap((escalation) => {
    const name = words(withoutAsides(escalation.name));
    const short = name.at(-1) === 'process' ? [name.slice(0, -1)] : [];
    return [name, ...short].filter((phrase) => phrase.length > 1);
  });
}

const startsAt = (tokens: readonly Token[], at: number, phrase: readonly string[]) => phrase.length > 0 && phrase.every((word, k) => tokens[at + k]?.word === word);

/** The first place the text names the answer: where it starts, and the words as written there. */
function firstMention(text: string, tokens: readonly Token[], masked: ReadonlySet<number>, answer: Answer): { readonly at: number; readonly words: string } | undefined {
  for (let at = 0; at < tokens.length; at++) {
    for (const phrase of answer.phrases) {
      if (!startsAt(tokens, at, phrase)) continue;
      const span = phrase.map((_, k) => at + k);
      if (tokens[at]?.posed || span.some((index) => masked.has(index))) continue;
      return { at, words: text.slice(tokens[at]!.start, tokens[at + phrase.length - 1]!.end) };
    }
  }
  return undefined;
}

function maskedTokens(tokens: readonly Token[], phrases: readonly (readonly string[])[]): Set<number> {
  const masked = new Set<number>();
  for (let at = 0; at < tokens.length; at++) {
    for (const phrase of phrases) if (startsAt(tokens, at, phrase)) phrase.forEach((_, k) => masked.add(at + k));
  }
  return masked;
}

/** The competency wording to suggest: the playbook rule the item grades, unless its title names an answer too. */
function competencyWording(answer: Answer, playbook: Playbook, answers: readonly Answer[], escalations: readonly (readonly string[])[]): string {
  const title = playbook.rules.find((rule) => rule.id === answer.item.rule)?.title;
  if (!title) return answer.fallback;
  // The suggestion itself must not name an answer, not even one it rules out ("Not everything is a P1").
  const tokens = tokenize(title).map((token) => ({ ...token, posed: false }));
  const masked = maskedTokens(tokens, escalations);
  if (answers.some((other) => firstMention(title, tokens, masked, other) !== undefined)) return answer.fallback;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/**
 * W_GIVES_ANSWER: the summary, the briefing, an objective or a phase title names a value that an
 * `achieve` rubric item expects. `rubric` is the scenario's rubric with templates filled in.
 * Beats are not checked: a character may well push for an answer ("this should be a P1!").
 */
export function answerLeakDiagnostics(doc: JsonDocument, scenario: Scenario, playbook: Playbook, rubric: readonly Expectation[]): Diagnostic[] {
  const answers = answersOf(scenario, playbook, rubric);
  if (answers.length === 0) return [];
  const escalations = escalationPhrases(playbook);
  const fields: { readonly text: string; readonly path: JsonPath; readonly label: string }[] = [
    { text: scenario.summary, path: ['summary'], label: 'the summary' },
    { text: scenario.briefing, path: ['briefing'], label: 'the briefing' },
    ...scenario.objectives.map((text, i) => ({ text, path: ['objectives', i], label: `objective ${i + 1}` })),
    ...scenario.phases.map((phase, i) => ({ text: phase.title, path: ['phases', i, 'title'], label: `the title of phase "${phase.id}"` })),
  ];
  const diagnostics: Diagnostic[] = [];
  for (const field of fields) {
    const tokens = tokenize(field.text);
    const masked = maskedTokens(tokens, escalations);
    const reported = new Set<number>();
    for (const answer of answers) {
      const mention = firstMention(field.text, tokens, masked, answer);
      if (mention === undefined || reported.has(mention.at)) continue;
      reported.add(mention.at);
      const wording = competencyWording(answer, playbook, answers, escalations);
      diagnostics.push(
        doc.diagnostic(
          'warning',
          'W_GIVES_ANSWER',
          `${field.label} names "${mention.words}", the value rubric item "${answer.item.id}" expects; name the competency instead ("${wording}")`,
          field.path,
        ),
      );
    }
  }
  return diagnostics;
}
