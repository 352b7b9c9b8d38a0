import type { Playbook } from '../../core/playbook/schema.ts';
import type { Finding, FindingStatus, ScoreReport } from '../../core/report/score-report.ts';
import { h } from '../dom.ts';
import type { ControlHint } from './control-hints.ts';
import { renderControlHint } from './control-hint-view.ts';
import { competencyLabel, pointsText, statusIcon, statusLabel, statusTone } from './labels.ts';

export const findingAnchor = (finding: Finding) => `db-finding-${finding.id}`;

/** A status as a badge: an icon and a word, in the status's colour, so colour is never the only signal. */
export function statusBadge(status: FindingStatus): HTMLElement {
  return h(
    'span',
    { class: `db-status db-tone-${statusTone(status)}` },
    h('span', { class: 'db-status-icon', attrs: { 'aria-hidden': 'true' } }, statusIcon(status)),
    statusLabel(status),
  );
}

function reference(finding: Finding, playbook: Playbook): HTMLElement {
  const rule = playbook.rules.find((candidate) => candidate.id === finding.rule);
  return h(
    'div',
    { class: 'db-reference' },
    h('p', {}, h('span', { class: 'db-reference-id' }, finding.reference), rule ? h('span', { class: 'db-reference-title' }, ` · ${rule.title}`) : null),
    rule ? h('p', { class: 'db-rule-text' }, rule.text) : null,
    rule
      ? h(
          'figure',
          { class: 'db-citation' },
          h('blockquote', {}, h('p', {}, rule.cites.quote)),
          h('figcaption', {}, `${rule.cites.source}, ${rule.cites.section}`),
        )
      : null,
  );
}

function timing(finding: Finding): HTMLElement | null {
  const parts = [finding.due === null ? null : `Due ${finding.due}`, finding.at === null ? null : `${finding.status === 'violated' ? 'Happened' : 'Done'} ${finding.at}`].filter((part) => part !== null);
  return parts.length === 0 ? null : h('p', { class: 'db-timing' }, parts.join(' · '));
}

function renderFinding(finding: Finding, playbook: Playbook, hint: ControlHint | undefined): HTMLElement {
  const headingId = `${findingAnchor(finding)}-title`;
  const explainsItself = finding.message.includes(finding.observed);
  return h(
    'li',
    {},
    h(
      'article',
      { class: `db-finding db-tone-${statusTone(finding.status)}`, attrs: { id: findingAnchor(finding), 'aria-labelledby': headingId, tabindex: '-1' } },
      h(
        'header',
        { class: 'db-finding-head' },
        statusBadge(finding.status),
        h('h4', { attrs: { id: headingId } }, finding.title),
        h('p', { class: 'db-finding-points' }, h('strong', {}, pointsText(finding.points)), ` / ${pointsText(finding.max)} points`),
      ),
      h(
        'div',
        { class: 'db-finding-body' },
        h(
          'div',
          { class: 'db-finding-main' },
          finding.critical ? h('p', { class: 'db-critical' }, 'Critical: earning under half of its points fails the attempt.') : null,
          timing(finding),
          h('p', { class: 'db-message' }, finding.message),
          h(
            'dl',
            { class: 'db-details' },
            h('dt', {}, 'Expected'),
            h('dd', {}, finding.expected),
            explainsItself ? null : h('dt', {}, 'What happened'),
            explainsItself ? null : h('dd', {}, finding.observed),
          ),
          hint ? renderControlHint(hint) : null,
        ),
        reference(finding, playbook),
      ),
    ),
  );
}

/** Every finding, grouped under its competency with the competency's score; a missed or late one with the control that does it. */
export function renderFindings(report: ScoreReport, playbook: Playbook, hints: ReadonlyMap<string, ControlHint> = new Map()): HTMLElement {
  return h(
    'section',
    { class: 'db-section db-findings', attrs: { id: 'db-findings', 'aria-labelledby': 'db-findings-heading' } },
    h('h2', { attrs: { id: 'db-findings-heading' } }, 'Findings'),
    h('p', { class: 'db-section-hint' }, 'Each expectation of the playbook, what you did about it, and the points it earned.'),
    ...report.competencies.map((competency) => {
      const findings = report.findings.filter((finding) => finding.competency === competency.id);
      return h(
        'section',
        { class: 'db-group', attrs: { id: `db-group-${competency.id}`, 'aria-labelledby': `db-group-${competency.id}-heading` } },
        h(
          'h3',
          { class: 'db-group-head', attrs: { id: `db-group-${competency.id}-heading` } },
          h('span', {}, competencyLabel(competency.id)),
          h('span', { class: 'db-group-score' }, `${pointsText(competency.points)} / ${pointsText(competency.max)} points · ${competency.percent}%`),
        ),
        h('ul', { class: 'db-finding-list' }, ...findings.map((finding) => renderFinding(finding, playbook, hints.get(finding.id)))),
      );
    }),
  );
}

/** The findings that cost the most points: where to start next time. */
export function renderFocus(report: ScoreReport): HTMLElement | null {
  const costly = report.findings
    .map((finding, index) => ({ finding, index, lost: finding.max - finding.points }))
    .filter(({ lost }) => lost > 0)
    .sort((a, b) => b.lost - a.lost || a.index - b.index)
    .slice(0, 3);
  if (costly.length === 0) return null;
  return h(
    'section',
    { class: 'panel db-focus', attrs: { 'aria-labelledby': 'db-focus-heading' } },
    h('h2', { attrs: { id: 'db-focus-heading' } }, 'Where the points went'),
    h('p', { class: 'panel-hint' }, 'The expectations that cost you the most. Start here next time.'),
    h(
      'ol',
      { class: 'db-focus-list' },
      ...costly.map(({ finding, lost }) =>
        h(
          'li',
          {},
          statusBadge(finding.status),
          h('a', { attrs: { href: `#${findingAnchor(finding)}` } }, finding.title),
          h('span', { class: 'db-focus-lost' }, `−${pointsText(lost)} points`),
        ),
      ),
    ),
  );
}
