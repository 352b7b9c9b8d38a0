import type { DebriefState } from '../../app/store.ts';
import { h } from '../dom.ts';
import { outcomeLabel, percentTone, pointsText } from './labels.ts';
import { svg } from '../svg.ts';

const RING_RADIUS = 52;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

/** The total as a ring: decoration only, the same numbers are written out beside it. */
function scoreRing(percent: number, passPercent: number): SVGSVGElement {
  const filled = (Math.max(0, Math.min(100, percent)) / 100) * RING_LENGTH;
  const passAngle = (passPercent / 100) * 2 * Math.PI - Math.PI / 2;
  const tick = (radius: number) => ({ x: 60 + radius * Math.cos(passAngle), y: 60 + radius * Math.sin(passAngle) });
  const inner = tick(RING_RADIUS - 8);
  const outer = tick(RING_RADIUS + 8);
  return svg(
    'svg',
    { class: 'db-ring', viewBox: '0 0 120 120', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { class: 'db-ring-track', cx: '60', cy: '60', r: String(RING_RADIUS) }),
    svg('circle', {
      class: 'db-ring-fill',
      cx: '60',
      cy: '60',
      r: String(RING_RADIUS),
      'stroke-dasharray': `${filled.toFixed(2)} ${RING_LENGTH.toFixed(2)}`,
      transform: 'rotate(-90 60 60)',
    }),
    svg('line', { class: 'db-ring-pass', x1: inner.x.toFixed(2), y1: inner.y.toFixed(2), x2: outer.x.toFixed(2), y2: outer.y.toFixed(2) }),
  );
}

/** The total score, whether it passed, and the ending the attempt reached. */
export function renderScoreCard(debrief: DebriefState): HTMLElement {
  const { report } = debrief;
  const tone = report.passed ? 'good' : percentTone(report.total.percent, report.passPercent);
  return h(
    'section',
    { class: `panel db-score db-tone-${tone}`, attrs: { 'aria-labelledby': 'db-score-heading' } },
    h('h2', { attrs: { id: 'db-score-heading' } }, 'Total score'),
    h(
      'div',
      { class: 'db-score-body' },
      h('div', { class: 'db-ring-wrap' }, scoreRing(report.total.percent, report.passPercent), h('span', { class: 'db-ring-label', attrs: { 'aria-hidden': 'true' } }, `${report.total.percent}%`)),
      h(
        'div',
        { class: 'db-score-text' },
        h('p', { class: 'db-total' }, h('span', { class: 'db-total-percent' }, `${report.total.percent}%`), ' ', h('span', { class: 'db-total-points' }, `${pointsText(report.total.points)} of ${pointsText(report.total.max)} points`)),
        h(
          'p',
          { class: `db-verdict db-tone-${report.passed ? 'good' : 'bad'}` },
          h('span', { class: 'db-verdict-icon', attrs: { 'aria-hidden': 'true' } }, report.passed ? '✓' : '✕'),
          report.passed ? 'Passed' : 'Not passed',
        ),
        h('p', { class: 'db-pass-mark' }, `Pass mark ${report.passPercent}%`),
      ),
    ),
    verdictDetails(report),
  );
}

/** Why the attempt did not pass, in plain words, and any cap its ending put on the grade. */
function verdictDetails(report: DebriefState['report']): HTMLElement | null {
  const verdict = report.verdict;
  if (!verdict) return null;
  const capped = verdict.percent < report.total.percent ? h('p', { class: 'db-cap' }, `The ending caps the grade at ${verdict.percent}%.`) : null;
  if (verdict.reasons.length === 0) return capped;
  return h(
    'div',
    { class: 'db-why' },
    capped,
    h('p', { class: 'db-why-heading' }, 'Why it did not pass'),
    h('ul', { class: 'db-why-list' }, ...verdict.reasons.map((reason) => h('li', {}, reason.message))),
  );
}

export function renderEndingCard(debrief: DebriefState): HTMLElement {
  const reached = debrief.report.ending;
  const ending = reached ? debrief.scenario.endings.find((candidate) => candidate.id === reached.id) : undefined;
  const outcome = ending?.outcome ?? reached?.outcome;
  const tone = outcome === 'success' ? 'good' : outcome === 'failure' ? 'bad' : 'mixed';
  return h(
    'section',
    { class: `panel db-ending db-tone-${tone}`, attrs: { 'aria-labelledby': 'db-ending-heading' } },
    h('h2', { attrs: { id: 'db-ending-heading' } }, 'How it ended'),
    outcome ? h('p', { class: 'db-outcome' }, outcomeLabel(outcome === 'success' || outcome === 'failure' ? outcome : 'partial')) : null,
    h('h3', { class: 'db-ending-title' }, ending?.title ?? reached?.title ?? 'No ending was reached'),
    ending ? h('p', { class: 'db-ending-summary' }, ending.summary) : null,
  );
}
