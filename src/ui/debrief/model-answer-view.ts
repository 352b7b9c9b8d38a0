import type { ActionOf } from '../../core/actions/action.ts';
import { ScenarioClock } from '../../core/time.ts';
import { h } from '../dom.ts';
import { controlPath } from './control-hint-view.ts';
import { compareWithModelAnswer, deltaText, type CanReportAt, type ExpertStep, type ModelComparison, type ModelRow, type ModelSource, type YourAction } from './model-answer-model.ts';

/** A trainee's step this much later than the expert's still counts as keeping pace. */
const IN_STEP_MS = 5 * 60_000;

function time(at: number, clock: ScenarioClock): HTMLElement {
  const text = clock.format(at);
  return h('time', { class: 'db-ma-time', attrs: { datetime: text } }, text);
}

function who(label: string): HTMLElement {
  return h('span', { class: 'db-ma-who' }, label);
}

function yourSide(step: ExpertStep, clock: ScenarioClock): HTMLElement {
  const { yours } = step;
  if (!yours) {
    return h(
      'div',
      { class: 'db-ma-you db-tone-bad db-ma-not-done' },
      who('You'),
      h('p', { class: 'db-ma-state' }, h('span', { attrs: { 'aria-hidden': 'true' } }, '✕ '), 'Not done'),
      h('p', { class: 'db-ma-where' }, h('span', { class: 'db-ma-where-label' }, 'On the call: '), controlPath(step.control.path)),
    );
  }
  const inStep = yours.deltaMs <= IN_STEP_MS && yours.differs === null;
  return h(
    'div',
    { class: `db-ma-you db-tone-${inStep ? 'good' : 'mixed'}` },
    who('You'),
    h(
      'p',
      { class: 'db-ma-state' },
      h('span', { attrs: { 'aria-hidden': 'true' } }, inStep ? '✓ ' : '◷ '),
      `At ${clock.format(yours.at)}, ${deltaText(yours.deltaMs)}`,
    ),
    h('p', { class: 'db-ma-action' }, yours.text),
    yours.differs ? h('p', { class: 'db-ma-differs' }, yours.differs) : null,
  );
}

/** The reason, with the playbook rule it ends on ("Rule: …") on a line of its own. */
function why(text: string): HTMLElement[] {
  const rule = /\s(Rules?: .+)$/.exec(text);
  const reason = rule ? text.slice(0, rule.index) : text;
  return [
    h('p', { class: 'db-ma-why' }, h('span', { class: 'db-ma-why-label' }, 'Why: '), reason),
    rule?.[1] ? h('p', { class: 'db-ma-rule' }, rule[1]) : null,
  ].filter((element): element is HTMLParagraphElement => element !== null);
}

function stepRow(step: ExpertStep, clock: ScenarioClock): HTMLElement {
  return h(
    'li',
    { class: 'db-ma-row db-ma-step' },
    time(step.at, clock),
    h(
      'div',
      { class: 'db-ma-expert' },
      who('Expert'),
      h('p', { class: 'db-ma-action' }, step.text),
      ...why(step.why),
    ),
    yourSide(step, clock),
  );
}

function yourRow(action: YourAction, clock: ScenarioClock): HTMLElement {
  return h(
    'li',
    { class: 'db-ma-row db-ma-yours' },
    time(action.at, clock),
    h('div', { class: 'db-ma-you db-ma-extra' }, who('You, not in the model answer'), h('p', { class: 'db-ma-action' }, action.text)),
  );
}

function row(item: ModelRow, clock: ScenarioClock): HTMLElement {
  return item.kind === 'step' ? stepRow(item.step, clock) : yourRow(item.action, clock);
}

function canList(report: ActionOf<'can-report'>): HTMLElement {
  const part = (label: string, text: string) => [h('dt', {}, label), h('dd', {}, text.trim() === '' ? '(empty)' : text)];
  return h('dl', {}, ...part('Conditions', report.conditions), ...part('Actions', report.actions), ...part('Needs', report.needs));
}

function canCard(title: string, given: CanReportAt | null, clock: ScenarioClock, tone: 'expert' | 'you', missing: string): HTMLElement {
  return h(
    'div',
    { class: `db-ma-can-card db-ma-can-${tone}` },
    h('h4', {}, given ? `${title} at ${clock.format(given.at)}` : title),
    given ? canList(given.report) : h('p', { class: 'db-empty' }, missing),
  );
}

function canComparison(comparison: ModelComparison, clock: ScenarioClock): HTMLElement | null {
  if (!comparison.expertCan) return null;
  return h(
    'section',
    { class: 'db-ma-can', attrs: { 'aria-labelledby': 'db-ma-can-heading' } },
    h('h3', { attrs: { id: 'db-ma-can-heading' } }, 'An expert’s CAN report'),
    h('p', { class: 'db-section-hint' }, 'The report from the model answer beside yours. ', h('a', { attrs: { href: '#db-can' } }, 'Which facts yours carried'), ' is under CAN report.'),
    h(
      'div',
      { class: 'db-ma-can-grid' },
      canCard('Expert', comparison.expertCan, clock, 'expert', ''),
      canCard('You', comparison.yourCan, clock, 'you', 'You gave no CAN report.'),
    ),
  );
}

function stats(comparison: ModelComparison): string {
  const verdict = comparison.expert.passed ? 'passes' : 'does not pass';
  return `You took ${comparison.matched} of the expert’s ${comparison.steps} steps. Played as an attempt, the model answer scores ${comparison.expert.percent}% and ${verdict}.`;
}

function section(...content: readonly (HTMLElement | null)[]): HTMLElement {
  return h('section', { class: 'db-section db-model', attrs: { id: 'db-model', 'aria-labelledby': 'db-model-heading' } }, h('h2', { attrs: { id: 'db-model-heading' } }, 'Model answer'), ...content);
}

/** How an expert plays the scenario, step by step and why, beside what the trainee did at about the same time. */
export function renderModelAnswer(source: ModelSource): HTMLElement {
  const comparison = compareWithModelAnswer(source);
  if (!comparison) return section(h('p', { class: 'db-section-hint' }, 'This scenario has no model answer yet.'));
  const clock = new ScenarioClock(source.scenario.clock);
  return section(
    h('p', { class: 'db-section-hint' }, 'What an experienced incident manager does, when, and why, beside what you did at about the same time.'),
    h('div', { class: 'db-ma-intro' }, comparison.summary ? h('p', { class: 'db-ma-summary' }, comparison.summary) : null, h('p', { class: 'db-ma-stats' }, stats(comparison))),
    h('ol', { class: 'db-ma-list', attrs: { 'aria-label': 'Expert steps beside yours, in time order' } }, ...comparison.rows.map((item) => row(item, clock))),
    canComparison(comparison, clock),
  );
}
