import type { ScoreReport } from '../../core/report/score-report.ts';
import { h } from '../dom.ts';
import { competencyLabel, percentTone, pointsText } from './labels.ts';

/**
 * Each competency's score as a bar chart that is also a real table: screen readers and print get the
 * numbers as text, and the bars are decoration beside them.
 */
export function renderCompetencyChart(report: ScoreReport): HTMLElement {
  const passMark = h('span', { class: 'db-bar-pass', attrs: { 'aria-hidden': 'true' } });
  passMark.style.setProperty('--pass', `${report.passPercent}%`);
  return h(
    'section',
    { class: 'panel db-competencies', attrs: { 'aria-labelledby': 'db-competencies-heading' } },
    h('h2', { attrs: { id: 'db-competencies-heading' } }, 'Score by competency'),
    h('p', { class: 'panel-hint' }, `The line on each bar marks the ${report.passPercent}% pass mark.`),
    h(
      'table',
      { class: 'db-chart', attrs: { 'aria-labelledby': 'db-competencies-heading' } },
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Competency'), h('th', { attrs: { scope: 'col' } }, 'Points'), h('th', { attrs: { scope: 'col' } }, 'Score'))),
      h(
        'tbody',
        {},
        ...report.competencies.map((score) => {
          const tone = percentTone(score.percent, report.passPercent);
          const fill = h('span', { class: `db-bar-fill db-tone-${tone}` });
          fill.style.setProperty('--value', `${score.percent}%`);
          const mark = passMark.cloneNode(true);
          return h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' } }, h('a', { attrs: { href: `#db-group-${score.id}` } }, competencyLabel(score.id))),
            h('td', { class: 'db-chart-points' }, `${pointsText(score.points)} / ${pointsText(score.max)}`),
            h(
              'td',
              { class: 'db-chart-score' },
              h('span', { class: 'db-chart-score-inner' }, h('span', { class: 'db-bar', attrs: { 'aria-hidden': 'true' } }, fill, mark), h('span', { class: 'db-chart-percent' }, `${score.percent}%`)),
            ),
          );
        }),
      ),
    ),
  );
}
