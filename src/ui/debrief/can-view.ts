import type { ActionLog, ActionOf } from '../../core/actions/action.ts';
import type { CanFactResult, ScoreReport } from '../../core/report/score-report.ts';
import { h } from '../dom.ts';
import { canSectionLabel, pointsText } from './labels.ts';

function where(fact: CanFactResult): string {
  if (fact.foundIn === null) return `Belongs under ${canSectionLabel(fact.section)}`;
  if (fact.foundIn === fact.section) return `Under ${canSectionLabel(fact.section)}`;
  return `Said under ${canSectionLabel(fact.foundIn)}; belongs under ${canSectionLabel(fact.section)}`;
}

function factItem(fact: CanFactResult, found: boolean): HTMLElement {
  return h(
    'li',
    { class: `db-fact db-tone-${found ? (fact.points < fact.max ? 'mixed' : 'good') : 'bad'}` },
    h('span', { class: 'db-fact-icon', attrs: { 'aria-hidden': 'true' } }, found ? '✓' : '✕'),
    h('span', { class: 'db-fact-label' }, fact.label),
    h('span', { class: 'db-fact-where' }, where(fact)),
    h('span', { class: 'db-fact-points' }, `${pointsText(fact.points)} / ${pointsText(fact.max)}`),
  );
}

function factList(title: string, headingId: string, facts: readonly CanFactResult[], found: boolean, empty: string): HTMLElement {
  return h(
    'div',
    { class: `db-facts db-facts-${found ? 'found' : 'missed'}` },
    h('h3', { attrs: { id: headingId } }, `${title} (${facts.length})`),
    facts.length === 0
      ? h('p', { class: 'db-empty' }, empty)
      : h('ul', { class: 'db-fact-list', attrs: { 'aria-labelledby': headingId } }, ...facts.map((fact) => factItem(fact, found))),
  );
}

/** The CAN report the grade was based on, as the trainee wrote it. */
function givenReport(log: ActionLog, submittedAt: string | null): HTMLElement | null {
  if (submittedAt === null) return null;
  const given = log.actions.findLast((action): action is ActionOf<'can-report'> => action.type === 'can-report' && action.at === submittedAt);
  if (!given) return null;
  const part = (label: string, text: string) => [h('dt', {}, label), h('dd', {}, text.trim() === '' ? '(empty)' : text)];
  return h(
    'div',
    { class: 'db-can-given' },
    h('h3', {}, `What you said at ${submittedAt}`),
    h('dl', {}, ...part('Conditions', given.conditions), ...part('Actions', given.actions), ...part('Needs', given.needs)),
  );
}

/** CAN feedback: which facts the report carried, which it missed, and where each belongs. */
export function renderCanFeedback(report: ScoreReport, log: ActionLog): HTMLElement | null {
  const { can } = report;
  if (!can) return null;
  const found = can.facts.filter((fact) => can.found.includes(fact.id));
  const missed = can.facts.filter((fact) => can.missed.includes(fact.id));
  const finding = report.findings.find((candidate) => candidate.competency === 'can-report');
  return h(
    'section',
    { class: 'db-section db-can', attrs: { id: 'db-can', 'aria-labelledby': 'db-can-heading' } },
    h('h2', { attrs: { id: 'db-can-heading' } }, 'CAN report'),
    h(
      'p',
      { class: 'db-section-hint' },
      can.submittedAt === null
        ? 'You did not give a CAN report (Conditions, Actions, Needs). These are the facts it should have carried.'
        : `Graded on your report at ${can.submittedAt}: ${found.length} of ${can.facts.length} facts${finding ? `, ${pointsText(finding.points)} of ${pointsText(finding.max)} points` : ''}.`,
    ),
    h(
      'div',
      { class: 'db-can-grid' },
      factList('Facts you gave', 'db-can-found', found, true, 'None of the expected facts.'),
      factList('Facts you missed', 'db-can-missed', missed, false, 'None: every expected fact was there.'),
    ),
    givenReport(log, can.submittedAt),
  );
}
