import type { AttemptPoint, AttemptProgress, CompetencyChange } from '../../app/attempt-comparison.ts';
import { h } from '../dom.ts';
import { svg } from '../svg.ts';
import { finishedAtIso, finishedAtText } from './format.ts';
import { competencyLabel, modeLabel } from './labels.ts';

const WIDTH = 240;
const HEIGHT = 56;
const PAD = 6;

/** The scores as a line over the pass mark: decoration only, the table below carries the numbers. */
function sparkline(attempts: readonly AttemptPoint[], passPercent: number): SVGSVGElement {
  const x = (index: number) => (attempts.length === 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (attempts.length - 1));
  const y = (percent: number) => HEIGHT - PAD - (Math.max(0, Math.min(100, percent)) / 100) * (HEIGHT - 2 * PAD);
  const points = attempts.map((attempt, index) => `${x(index).toFixed(1)},${y(attempt.percent).toFixed(1)}`).join(' ');
  return svg(
    'svg',
    { class: 'db-spark', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { class: 'db-spark-pass', x1: '0', x2: String(WIDTH), y1: y(passPercent).toFixed(1), y2: y(passPercent).toFixed(1) }),
    svg('polyline', { class: 'db-spark-line', points }),
    ...attempts.map((attempt, index) =>
      svg('circle', { class: `db-spark-dot${attempt.current ? ' is-current' : ''} db-spark-${attempt.passed ? 'passed' : 'failed'}`, cx: x(index).toFixed(1), cy: y(attempt.percent).toFixed(1), r: attempt.current ? '4.5' : '3' }),
    ),
  );
}

function changeText(change: number): { readonly text: string; readonly spoken: string; readonly tone: 'good' | 'bad' | 'same' } {
  if (change === 0) return { text: '±0', spoken: 'no change', tone: 'same' };
  return change > 0 ? { text: `▲ ${change}`, spoken: `up ${change} points`, tone: 'good' } : { text: `▼ ${-change}`, spoken: `down ${-change} points`, tone: 'bad' };
}

function changeCell(change: number | null): HTMLElement {
  if (change === null) return h('td', { class: 'db-progress-change' }, '—');
  const { text, spoken, tone } = changeText(change);
  return h('td', { class: `db-progress-change db-change-${tone}` }, h('span', { attrs: { 'aria-hidden': 'true' } }, text), h('span', { class: 'sr-only' }, spoken));
}

function attemptRow(attempt: AttemptPoint, previous: AttemptPoint | undefined): HTMLElement {
  return h(
    'tr',
    { class: attempt.current ? 'is-current' : '' },
    h(
      'th',
      { attrs: { scope: 'row' } },
      h('time', { attrs: { datetime: finishedAtIso(attempt.finishedAt) } }, finishedAtText(attempt.finishedAt)),
      attempt.current ? h('span', { class: 'db-progress-this' }, 'This attempt') : null,
    ),
    h('td', {}, modeLabel(attempt.mode).replace(' mode', '')),
    h('td', { class: 'db-progress-score' }, `${attempt.percent}%`),
    h('td', { class: `db-progress-result db-tone-${attempt.passed ? 'good' : 'bad'}` }, h('span', { attrs: { 'aria-hidden': 'true' } }, attempt.passed ? '✓ ' : '✕ '), attempt.passed ? 'Passed' : 'Not passed'),
    changeCell(previous ? attempt.percent - previous.percent : null),
  );
}

function competencyChange(change: CompetencyChange): HTMLElement {
  const { text, spoken, tone } = changeText(change.change);
  return h(
    'li',
    { class: `db-change-${tone}` },
    h('span', { class: 'db-progress-competency' }, competencyLabel(change.id)),
    h('span', { class: 'db-progress-from' }, `${change.before}% → ${change.now}%`),
    h('span', { class: 'db-progress-delta' }, h('span', { attrs: { 'aria-hidden': 'true' } }, text), h('span', { class: 'sr-only' }, spoken)),
  );
}

function sincePrevious(progress: AttemptProgress): HTMLElement | null {
  if (progress.earlierCount === 0) return null;
  if (!progress.sincePrevious) {
    return h('p', { class: 'panel-hint' }, 'Your previous attempt was played on another version of this scenario, so its competencies are not compared.');
  }
  return h(
    'div',
    { class: 'db-progress-since' },
    h('h3', { attrs: { id: 'db-progress-since-heading' } }, 'Since your previous attempt'),
    h('ul', { class: 'db-progress-changes', attrs: { 'aria-labelledby': 'db-progress-since-heading' } }, ...progress.sincePrevious.map(competencyChange)),
  );
}

/** This attempt's score against the trainee's earlier attempts of the same scenario, or a word that it is the first. */
export function renderProgress(progress: AttemptProgress, passPercent: number): HTMLElement {
  const heading = h('h2', { attrs: { id: 'db-progress-heading' } }, 'Your attempts at this scenario');
  const panel = h('section', { class: 'panel db-progress', attrs: { id: 'db-progress', 'aria-labelledby': 'db-progress-heading' } }, heading);
  if (progress.earlierCount === 0) {
    panel.append(h('p', { class: 'db-progress-first' }, 'This is your first attempt at this scenario. Play it again to see your progress here.'));
    return panel;
  }
  const shown = progress.attempts.length - 1;
  const hint = progress.earlierCount > shown ? `Your last ${shown} of ${progress.earlierCount} earlier attempts, oldest first.` : `${progress.earlierCount} earlier ${progress.earlierCount === 1 ? 'attempt' : 'attempts'}, oldest first.`;
  panel.append(
    h('p', { class: 'panel-hint' }, hint),
    h(
      'div',
      { class: 'db-progress-body' },
      h(
        'div',
        { class: 'db-progress-table-wrap' },
        h(
          'table',
          { class: 'db-progress-table', attrs: { 'aria-labelledby': 'db-progress-heading' } },
          h(
            'thead',
            {},
            h('tr', {}, ...['Finished', 'Mode', 'Score', 'Result', 'Change'].map((label) => h('th', { attrs: { scope: 'col' } }, label))),
          ),
          h('tbody', {}, ...progress.attempts.map((attempt, index) => attemptRow(attempt, progress.attempts[index - 1]))),
        ),
      ),
      h(
        'div',
        { class: 'db-progress-side' },
        h('figure', { class: 'db-spark-box', attrs: { 'aria-hidden': 'true' } }, h('figcaption', {}, h('span', {}, 'Score by attempt'), h('span', {}, `- - pass mark ${passPercent}%`)), sparkline(progress.attempts, passPercent)),
        sincePrevious(progress),
      ),
    ),
  );
  return panel;
}
