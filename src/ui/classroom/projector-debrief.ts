import type { ClassAttempt, ClassResults } from '../../app/classroom/host-state.ts';
import type { FindingStatus } from '../../core/report/score-report.ts';
import { COMPETENCIES, type Competency } from '../../core/schema-primitives.ts';
import { competencyLabel, statusLabel, statusTone } from '../debrief/labels.ts';
import { bdi, h } from '../dom.ts';

const STATUSES: readonly FindingStatus[] = ['on-time', 'avoided', 'late', 'partial', 'missed', 'violated'];

export interface ClassDebriefOptions {
  /** Names stay off the wall: rows are numbered, and there is no podium. */
  readonly anonymous: boolean;
  /** Show the top three. */
  readonly podium: boolean;
}

/** A row's label: the trainee's name, or a number when the class is anonymous. */
function rowsOf(results: ClassResults, anonymous: boolean): { attempt: ClassAttempt; label: string }[] {
  const attempts = anonymous ? [...results.attempts].sort((a, b) => b.percent - a.percent) : [...results.attempts].sort((a, b) => a.name.localeCompare(b.name));
  return attempts.map((attempt, index) => ({ attempt, label: anonymous ? `Trainee ${index + 1}` : attempt.name }));
}

/**
 * The class debrief on the wall: the podium (unless anonymous), a heat map of each trainee's competencies with
 * the ending they reached, and how the class did on each finding of the rubric.
 */
export function renderClassDebrief(results: ClassResults, options: ClassDebriefOptions): HTMLElement {
  const rows = rowsOf(results, options.anonymous);
  const count = results.attempts.length;
  const average = count === 0 ? 0 : Math.round(results.attempts.reduce((sum, attempt) => sum + attempt.percent, 0) / count);
  const passed = results.attempts.filter((attempt) => attempt.passed).length;
  return h(
    'section',
    { class: 'pj-debrief', attrs: { 'aria-labelledby': 'pj-debrief-heading' } },
    h('h2', { attrs: { id: 'pj-debrief-heading' } }, 'Class debrief'),
    h('p', { class: 'pj-summary' }, h('strong', {}, `${count}`), count === 1 ? ' attempt · ' : ' attempts · ', 'class average ', h('strong', {}, `${average}%`), ' · ', h('strong', {}, `${passed}`), ' passed'),
    options.podium && !options.anonymous && count > 0 ? podium(results.attempts) : null,
    h('div', { class: 'pj-debrief-grid' }, heatMap(rows), findingsView(results, count)),
    endings(results.attempts),
    h('p', { class: 'pj-hr-note' }, 'Every trainee’s attempt is stored with this classroom’s code, complete with its action log, for the instructor’s results and HR’s exports.'),
  );
}

function podium(attempts: readonly ClassAttempt[]): HTMLElement {
  const top = [...attempts].sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name)).slice(0, 3);
  const places = ['1st', '2nd', '3rd'];
  return h(
    'ol',
    { class: 'pj-podium', attrs: { 'aria-label': 'Top three' } },
    ...top.map((attempt, index) => h('li', { class: `pj-place pj-place-${index + 1}` }, h('span', { class: 'pj-place-rank' }, places[index]), h('span', { class: 'pj-place-name' }, bdi(attempt.name)), h('span', { class: 'pj-place-score' }, `${attempt.percent}%`))),
  );
}

function heatMap(rows: readonly { attempt: ClassAttempt; label: string }[]): HTMLElement {
  const competencies = COMPETENCIES.filter((id) => rows.some(({ attempt }) => attempt.competencies[id] !== undefined));
  return h(
    'table',
    { class: 'pj-heat' },
    h('caption', {}, 'Competencies, trainee by trainee'),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Trainee'), ...competencies.map((id) => h('th', { attrs: { scope: 'col' } }, competencyLabel(id))), h('th', { attrs: { scope: 'col' } }, 'Score'), h('th', { attrs: { scope: 'col' } }, 'Ending'))),
    h(
      'tbody',
      {},
      ...rows.map(({ attempt, label }) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, bdi(label)),
          ...competencies.map((id) => heatCell(attempt.competencies[id], id)),
          h('td', { class: `pj-score${attempt.passed ? ' is-pass' : ''}` }, `${attempt.percent}%`, attempt.passed ? ' ✓' : ''),
          h('td', { class: 'pj-ending' }, attempt.ending === null ? '—' : bdi(attempt.ending)),
        ),
      ),
    ),
  );
}

function heatCell(percent: number | undefined, competency: Competency): HTMLElement {
  if (percent === undefined) return h('td', { class: 'pj-heat-cell is-none', attrs: { title: `${competencyLabel(competency)}: not graded` } }, '—');
  const band = percent >= 80 ? 'high' : percent >= 50 ? 'mid' : 'low';
  return h('td', { class: `pj-heat-cell is-${band}` }, `${Math.round(percent)}%`);
}

function findingsView(results: ClassResults, count: number): HTMLElement {
  return h(
    'section',
    { class: 'pj-findings', attrs: { 'aria-labelledby': 'pj-findings-heading' } },
    h('h3', { attrs: { id: 'pj-findings-heading' } }, 'Finding by finding'),
    h(
      'ul',
      {},
      ...results.findings.map((finding) => {
        const bar = h('span', { class: 'pj-stack', attrs: { 'aria-hidden': 'true' } });
        const words: string[] = [];
        for (const status of STATUSES) {
          const n = finding.statuses[status] ?? 0;
          if (n === 0) continue;
          const part = h('span', { class: `pj-stack-part tone-${statusTone(status)}` });
          part.style.flexGrow = String(n);
          bar.append(part);
          words.push(`${n} ${statusLabel(status).toLowerCase()}`);
        }
        return h('li', { class: 'pj-finding' }, h('span', { class: 'pj-finding-title' }, bdi(finding.title)), bar, h('span', { class: 'pj-finding-counts' }, words.join(' · ') || `0 of ${count}`));
      }),
    ),
  );
}

function endings(attempts: readonly ClassAttempt[]): HTMLElement | null {
  const byEnding = new Map<string, number>();
  for (const attempt of attempts) byEnding.set(attempt.ending ?? 'No ending reached', (byEnding.get(attempt.ending ?? 'No ending reached') ?? 0) + 1);
  if (byEnding.size === 0) return null;
  return h(
    'p',
    { class: 'pj-endings' },
    h('strong', {}, 'Endings reached: '),
    ...[...byEnding].flatMap(([ending, n], index) => [index > 0 ? ' · ' : null, bdi(ending), ` (${n})`]),
  );
}
