import { gatedScreen, type GatedScreen } from '../gated-screen.ts';
import type { CohortSummary } from '../../app/account-types.ts';
import { exportHref, pdfHref, type Missed, type Overview, type TraineeRow } from '../../app/results/results-api.ts';
import type { ResultsIntents } from '../../app/results/results-controller.ts';
import {
  ATTEMPTS_PAGE_SIZE,
  DEFAULT_QUERY,
  HEAT_PAGE_SIZE,
  NO_FILTER,
  RESULT_MODES,
  filterOf,
  isFiltered,
  pageCount,
  pagingText,
  withFilter,
  withSort,
  type ResultMode,
  type ResultSort,
  type ResultsFilter,
  type ResultsQuery,
} from '../../app/results/results-query.ts';
import { canSeeResults, type Loaded, type ResultsState } from '../../app/results/results-state.ts';
import type { AppState, AppStore } from '../../app/store.ts';
import type { AttemptRow, AttemptSummary } from '../../core/report/attempt-summary.ts';
import { COMPETENCIES, type Competency } from '../../core/schema-primitives.ts';
import { competencyLabel } from '../debrief/labels.ts';
import { finishedAtIso, finishedAtText } from '../debrief/format.ts';
import { h, replaceChildren, type Child } from '../dom.ts';
import { liveSection, type LiveSection } from '../live.ts';
import { navigateOnClick } from '../router.ts';
import { HEAT_SCALE, heatStep, percentText } from '../../core/report/heat-scale.ts';
import '../account.css';
import '../instructor.css';
import './results.css';

/** One trainee's progression, as the chart draws it: x in epoch seconds, one series per competency (null where not graded). */
export interface ProgressionSeries {
  readonly x: readonly number[];
  readonly series: readonly { readonly id: Competency; readonly label: string; readonly values: readonly (number | null)[] }[];
}

/** Draws a progression chart into `container`; resolves to a function that removes it. */
export type ChartDrawer = (container: HTMLElement, data: ProgressionSeries) => Promise<() => void>;

export interface ResultsHandlers {
  /** Goes to a results view: a new address, which the router hands to the controller. */
  go(query: ResultsQuery): void;
  /** The address of a results view, for real links. */
  href(query: ResultsQuery): string;
  /** The scenarios the filter offers, from the app's catalog. */
  readonly scenarios: readonly { readonly id: string; readonly title: string }[];
  /** Where the results API lives (for downloads); `/api` unless the app is served under another base. */
  readonly apiBase?: string;
  /** Draws the progression chart; without one, the numbers show as a table only. */
  readonly drawChart?: ChartDrawer;
}

const SHORT_COMPETENCY: Record<Competency, string> = {
  priority: 'Priority',
  notification: 'Notification',
  'bridge-control': 'Bridge control',
  escalation: 'Escalation',
  'can-report': 'CAN report',
};

const MODE_LABELS: Record<ResultMode, string> = { solo: 'Solo', classroom: 'Classroom', coach: 'Coach', exam: 'Exam' };

const count = (value: number) => value.toLocaleString('en');

/**
 * The results area: a filter bar, the attempts table (sorted and paged by the server), and the cohort view (a
 * competency heat map, pass rate per scenario, the most missed findings); with a trainee chosen, that trainee's
 * page (progression, attempts, what they keep missing). It renders the store and sends intents; the filter bar
 * is built once, so focus stays in it while the answers arrive, and only the parts whose answer changed are drawn.
 */
export function renderResultsScreen(store: AppStore, intents: ResultsIntents, handlers: ResultsHandlers): GatedScreen {
  const element = h('section', { class: 'results instructor', attrs: { 'aria-labelledby': 'results-title' } });
  return gatedScreen(element, store, { allowed: canSeeResults, ready: (state) => state.results !== null, body: () => mainScreen(store, intents, handlers), gate });
}

function heading(title: Child | readonly Child[], intro: string | null, eyebrow = 'Results'): HTMLElement {
  return h(
    'header',
    { class: 'hero instructor-head results-head' },
    h('p', { class: 'eyebrow' }, eyebrow),
    h('h1', { attrs: { id: 'results-title', tabindex: '-1', 'data-focus': 'title' } }, ...(Array.isArray(title) ? title : [title])),
    intro ? h('p', { class: 'lede' }, intro) : null,
  );
}

function gate(state: AppState): HTMLElement {
  const account = state.account;
  if (account.status === 'unknown' || (canSeeResults(account) && !state.results)) return h('div', { attrs: { 'aria-busy': 'true' } }, heading('Results', 'Checking your account…'));
  if (account.status === 'signed-out') return heading('Results', 'Sign in with an HR, administrator or instructor account (Sign in, at the top of the page) to see the results.');
  if (account.status === 'signed-in') return heading('Results', 'This area is for HR, administrators and instructors. Your own attempts are under “My attempts” on the scenarios page.');
  return heading('Results', 'The results server cannot be reached, so the results cannot be shown. Try again in a moment.');
}

/** Whether the chosen cohort was refused (403 or 404): then only that is said, in place of empty tables. */
function cohortRefused(results: ResultsState): boolean {
  return results.query.cohort !== null && [results.attempts, results.overview].some((part) => part.status === 'failed' && (part.httpStatus === 403 || part.httpStatus === 404));
}

function mainScreen(store: AppStore, intents: ResultsIntents, handlers: ResultsHandlers): { children: HTMLElement[]; dispose(): void } {
  const lives: LiveSection[] = [];
  const live = (element: HTMLElement, select: (state: ResultsState) => readonly unknown[], render: (state: ResultsState) => Child | readonly Child[]): HTMLElement => {
    const section = liveSection(
      store,
      element,
      (state) => (state.results ? [...select(state.results), cohortRefused(state.results)] : []),
      (state) => {
        if (!state.results) return [];
        const refused = cohortRefused(state.results);
        const children = element.dataset.keep === undefined && refused ? [] : render(state.results);
        // A part with nothing to show here (the heat map on a trainee's page) takes no room.
        element.hidden = element.dataset.keep === undefined && Array.isArray(children) && children.length === 0;
        return children;
      },
    );
    lives.push(section);
    return section.element;
  };
  const titles = scenarioTitles(handlers.scenarios);
  const link = (query: ResultsQuery, ...children: Child[]) => navigateOnClick(h('a', { attrs: { href: handlers.href(query) } }, ...children), () => handlers.go(query));

  const head = live(h('div', { attrs: { 'data-keep': '' } }), (r) => [r.query.trainee, r.query.cohort, r.overview.value, r.attempts.value, r.cohorts.value], (r) => headerOf(r, link));
  const filters = filterBar(store, handlers, titles);
  lives.push(filters);
  const notices = live(h('div', { class: 'results-notices', attrs: { 'data-keep': '' } }), (r) => [r.opening, r.query, r.attempts, r.overview], (r) => noticesOf(r, handlers, intents, link));
  const summary = live(h('section', { class: 'results-summary', attrs: { 'aria-label': 'Summary' } }), (r) => [r.overview, r.query], (r) => summaryOf(r, handlers));
  const regrade = live(h('section', { class: 'panel results-part results-regrade', attrs: { 'aria-labelledby': 'results-regrade-heading' } }), (r) => [r.regrade], (r) => regradePanel(r, intents, titles));
  const progression = progressionPart(store, handlers, titles, lives);
  const attempts = live(h('section', { class: 'panel results-part', attrs: { 'aria-labelledby': 'results-attempts-heading', id: 'results-attempts' } }), (r) => [r.attempts, r.query], (r) => attemptsTable(r, handlers, titles, link));
  const heat = live(h('section', { class: 'panel results-part', attrs: { 'aria-labelledby': 'results-heat-heading', id: 'results-heat' } }), (r) => [r.overview, r.query.heatPage, r.query.trainee], (r) => heatMap(r, handlers, link));
  const passRates = live(h('section', { class: 'panel results-part', attrs: { 'aria-labelledby': 'results-pass-heading', id: 'results-pass' } }), (r) => [r.overview, r.query.trainee], (r) => passRateTable(r, titles));
  const missed = live(h('section', { class: 'panel results-part', attrs: { 'aria-labelledby': 'results-missed-heading', id: 'results-missed' } }), (r) => [r.missed, r.query.trainee], (r) => missedTable(r, titles));
  return {
    children: [head, filters.element, notices, summary, regrade, progression, attempts, heat, passRates, missed],
    dispose() {
      for (const section of lives) section.dispose();
    },
  };
}

type LinkMaker = (query: ResultsQuery, ...children: Child[]) => HTMLAnchorElement;

function scenarioTitles(scenarios: ResultsHandlers['scenarios']): Map<string, string> {
  return new Map(scenarios.map((scenario) => [scenario.id, scenario.title]));
}

function traineeNameOf(results: ResultsState): string | null {
  const id = results.query.trainee;
  const row = results.overview.value?.trainees.find((trainee) => trainee.traineeId === id);
  const attempt = results.attempts.value?.attempts.find((summary) => summary.traineeId === id);
  return row?.traineeName ?? attempt?.traineeName ?? null;
}

function cohortName(results: ResultsState): string | null {
  const id = results.query.cohort;
  return id === null ? null : (results.cohorts.value?.find((cohort) => cohort.id === id)?.name ?? null);
}

function headerOf(results: ResultsState, link: LinkMaker): Child[] {
  const { query } = results;
  if (query.trainee !== null) {
    const name = traineeNameOf(results);
    const back = link({ ...query, trainee: null, page: 1, attempt: null }, '← All results');
    back.className = 'results-back';
    return [h('nav', { class: 'results-crumbs', attrs: { 'aria-label': 'Results' } }, back), heading(name ?? 'Trainee', 'Their progression in each competency, every attempt they made within the filter, and the findings they miss most.', 'Results · Trainee')];
  }
  const cohort = cohortName(results);
  return [
    heading(
      cohort === null ? 'Results' : ['Results: ', cohort],
      cohort === null ? 'Every finished attempt you may see: filter them, sort them, download them, and see where each trainee stands in each competency.' : 'This cohort’s finished attempts, where each trainee stands in each competency, and what the cohort misses most.',
    ),
  ];
}

/** The filter bar: built once; its controls follow the address, and each change goes to a new address at once. */
function filterBar(store: AppStore, handlers: ResultsHandlers, titles: ReadonlyMap<string, string>): LiveSection {
  const field = (id: string, label: string, control: HTMLElement) => h('div', { class: 'field results-field' }, h('label', { attrs: { for: id } }, label), control);
  const cohort = h('select', { attrs: { id: 'results-cohort', name: 'cohort' } });
  const scenario = h('select', { attrs: { id: 'results-scenario', name: 'scenario' } });
  const from = h('input', { attrs: { id: 'results-from', name: 'from', type: 'date' } });
  const to = h('input', { attrs: { id: 'results-to', name: 'to', type: 'date' } });
  const passed = h('select', { attrs: { id: 'results-passed', name: 'passed' } }, h('option', { attrs: { value: '' } }, 'Any result'), h('option', { attrs: { value: 'true' } }, 'Passed'), h('option', { attrs: { value: 'false' } }, 'Failed'));
  const mode = h('select', { attrs: { id: 'results-mode', name: 'mode' } }, h('option', { attrs: { value: '' } }, 'Any mode'), ...RESULT_MODES.map((value) => h('option', { attrs: { value } }, MODE_LABELS[value])));
  const reset = h('button', { class: 'button subtle small results-reset', attrs: { type: 'button' } }, 'Reset');
  const form = h(
    'form',
    { class: 'results-filters panel', attrs: { role: 'search', 'aria-label': 'Filter the results' } },
    field('results-cohort', 'Cohort', cohort),
    field('results-scenario', 'Scenario', scenario),
    field('results-from', 'Finished from', from),
    field('results-to', 'Finished until', to),
    field('results-passed', 'Result', passed),
    field('results-mode', 'Mode', mode),
    h('div', { class: 'results-reset-slot' }, reset),
  );
  const query = () => store.getState().results?.query ?? DEFAULT_QUERY;
  const change = (patch: Partial<ResultsFilter>) => handlers.go(withFilter(query(), patch));
  const text = (value: string) => (value === '' ? null : value);
  cohort.addEventListener('change', () => change({ cohort: text(cohort.value) }));
  scenario.addEventListener('change', () => change({ scenario: text(scenario.value) }));
  from.addEventListener('change', () => change({ from: text(from.value) }));
  to.addEventListener('change', () => change({ to: text(to.value) }));
  passed.addEventListener('change', () => change({ passed: passed.value === '' ? null : passed.value === 'true' }));
  mode.addEventListener('change', () => change({ mode: text(mode.value) as ResultMode | null }));
  reset.addEventListener('click', () => change(NO_FILTER));
  form.addEventListener('submit', (event) => event.preventDefault());

  const cohortOptions = (list: readonly CohortSummary[] | null, chosen: string | null) => {
    const known = [...(list ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const options = [h('option', { attrs: { value: '' } }, 'All cohorts'), ...known.map((item) => h('option', { attrs: { value: item.id } }, item.name))];
    if (chosen !== null && !known.some((item) => item.id === chosen)) options.push(h('option', { attrs: { value: chosen } }, list === null ? 'Loading the cohort…' : 'A cohort you may not see'));
    replaceChildren(cohort, ...options);
  };
  const scenarioOptions = (overview: Overview | null, chosen: string | null) => {
    const ids = new Set([...titles.keys(), ...(overview?.scenarios.map((item) => item.scenarioId) ?? []), ...(chosen === null ? [] : [chosen])]);
    const sorted = [...ids].map((id) => ({ id, title: titles.get(id) ?? id })).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    replaceChildren(scenario, h('option', { attrs: { value: '' } }, 'All scenarios'), ...sorted.map((item) => h('option', { attrs: { value: item.id } }, item.title)));
  };

  const section = liveSection(
    store,
    h('div', { class: 'results-filter-slot' }),
    (state) => [state.results?.query, state.results?.cohorts.value, state.results?.overview.value],
    (state) => {
      const results = state.results;
      if (!results) return form;
      const q = results.query;
      cohortOptions(results.cohorts.value, q.cohort);
      scenarioOptions(results.overview.value, q.scenario);
      cohort.value = q.cohort ?? '';
      scenario.value = q.scenario ?? '';
      from.value = q.from ?? '';
      to.value = q.to ?? '';
      from.max = q.to ?? '';
      to.min = q.from ?? '';
      passed.value = q.passed === null ? '' : String(q.passed);
      mode.value = q.mode ?? '';
      reset.disabled = !isFiltered(q);
      return form;
    },
  );
  return section;
}

function noticesOf(results: ResultsState, handlers: ResultsHandlers, intents: ResultsIntents, link: LinkMaker): Child[] {
  const { query } = results;
  const out: Child[] = [];
  if (cohortRefused(results)) {
    const all = h('button', { class: 'button small', attrs: { type: 'button' } }, 'Show everyone you may see');
    all.addEventListener('click', () => handlers.go(withFilter({ ...query, trainee: null }, { cohort: null })));
    out.push(h('div', { class: 'results-alert', attrs: { role: 'alert' } }, h('p', {}, h('strong', {}, 'This cohort cannot be shown. '), 'It does not exist, or your account may not see it. Choose another cohort, or show everyone.'), all));
  }
  const opening = results.opening;
  if (opening && query.attempt !== null) {
    if (opening.error === null) out.push(h('p', { class: 'list-loading', attrs: { role: 'status' } }, 'Opening the debrief…'));
    else out.push(h('div', { class: 'results-alert', attrs: { role: 'alert' } }, h('p', {}, opening.error), link({ ...query, attempt: null }, 'Back to the results')));
  }
  const failed = [results.attempts, results.overview].find((part) => part.status === 'failed' && !(part.httpStatus === 403 || part.httpStatus === 404));
  if (failed && !cohortRefused(results)) {
    const retry = h('button', { class: 'button small', attrs: { type: 'button', 'data-focus': 'retry' } }, 'Try again');
    retry.addEventListener('click', () => intents.reload());
    out.push(h('div', { class: 'results-alert', attrs: { role: 'alert' } }, h('p', {}, failed.error ?? 'The results could not be loaded.'), retry));
  }
  return out;
}

function summaryOf(results: ResultsState, handlers: ResultsHandlers): Child[] {
  const overview = results.overview.value;
  const filter = { ...filterOf(results.query), trainee: results.query.trainee };
  const download = (format: 'csv' | 'xlsx', label: string) =>
    h('a', { class: 'button small subtle', attrs: { href: exportHref(format, filter, handlers.apiBase), download: '', 'data-focus': `download-${format}` } }, label);
  const pdf = h('a', { class: 'button small subtle', attrs: { href: pdfHref(filter, handlers.apiBase), download: '', 'data-focus': 'download-pdf' } }, filter.trainee === null ? 'Download PDF report' : 'Download their record (PDF)');
  const downloads = h('p', { class: 'results-downloads' }, download('csv', 'Download CSV'), download('xlsx', 'Download workbook'), pdf);
  if (!overview) return [h('div', { class: 'results-kpis', attrs: { 'aria-busy': String(results.overview.status === 'loading') } }), downloads];
  const attempts = overview.scenarios.reduce((sum, item) => sum + item.attempts, 0);
  const passed = overview.scenarios.reduce((sum, item) => sum + item.passed, 0);
  const weighted = overview.trainees.reduce((sum, trainee) => sum + trainee.meanGradePercent * trainee.attempts, 0);
  const traineeAttempts = overview.trainees.reduce((sum, trainee) => sum + trainee.attempts, 0);
  const kpi = (label: string, value: string) => h('div', { class: 'results-kpi' }, h('dt', {}, label), h('dd', {}, value));
  const competencyKpi = (id: Competency) => {
    const value = overview.competencies[id];
    const cell = h('div', { class: 'results-kpi results-kpi-competency' }, h('dt', { attrs: { title: competencyLabel(id) } }, SHORT_COMPETENCY[id]), h('dd', {}, percentText(value)));
    paint(cell.querySelector('dd')!, value);
    return cell;
  };
  return [
    h(
      'dl',
      { class: 'results-kpis', attrs: { 'aria-busy': String(results.overview.status === 'loading') } },
      kpi('Attempts', count(attempts)),
      kpi('Passed', attempts === 0 ? '–' : `${count(passed)} (${Math.round((passed / attempts) * 100)}%)`),
      results.query.trainee === null ? kpi('Trainees', count(overview.trainees.length)) : null,
      kpi('Mean grade', traineeAttempts === 0 ? '–' : percentText(weighted / traineeAttempts)),
      ...COMPETENCIES.map(competencyKpi),
    ),
    downloads,
  ];
}

/** Colours a cell by its band; the number in it says the same. */
function paint(cell: HTMLElement, percent: number | null | undefined): void {
  const step = heatStep(percent);
  if (!step) {
    cell.classList.add('heat-none');
    return;
  }
  cell.classList.add('heat');
  cell.style.backgroundColor = step.background;
  cell.style.color = step.text;
}

function loadingOrProblem<T>(part: Loaded<T>, what: string): HTMLElement | null {
  if (part.status === 'loading' && part.value === null) return h('p', { class: 'list-loading', attrs: { role: 'status' } }, `Loading ${what}…`);
  if (part.status === 'failed' && part.value === null) return h('p', { class: 'list-problem', attrs: { role: 'status' } }, part.error ?? `${what} could not be loaded.`);
  return null;
}

function pager(label: string, page: number, pages: number, text: string, go: (page: number) => void, id: string): HTMLElement {
  const previous = h('button', { class: 'button small subtle', attrs: { type: 'button', 'data-focus': `${id}-previous` } }, '← Previous');
  const next = h('button', { class: 'button small subtle', attrs: { type: 'button', 'data-focus': `${id}-next` } }, 'Next →');
  previous.disabled = page <= 1;
  next.disabled = page >= pages;
  previous.addEventListener('click', () => go(Math.min(page - 1, pages)));
  next.addEventListener('click', () => go(page + 1));
  return h('nav', { class: 'results-pager', attrs: { 'aria-label': label } }, h('p', { class: 'results-paging-text', attrs: { role: 'status' } }, text), h('div', { class: 'results-pager-buttons' }, previous, next));
}

const SORT_LABELS: Record<ResultSort, string> = { trainee: 'Trainee', scenario: 'Scenario', finished: 'Finished', grade: 'Grade' };

function attemptsTable(results: ResultsState, handlers: ResultsHandlers, titles: ReadonlyMap<string, string>, link: LinkMaker): Child[] {
  const { query } = results;
  const onTrainee = query.trainee !== null;
  const title = h('h2', { attrs: { id: 'results-attempts-heading' } }, onTrainee ? 'Their attempts' : 'Attempts');
  const waiting = loadingOrProblem(results.attempts, 'the attempts');
  const table = results.attempts.value;
  if (waiting || !table) return [title, waiting];
  if (table.total === 0) {
    const reset = h('button', { class: 'button small', attrs: { type: 'button' } }, 'Reset the filters');
    reset.addEventListener('click', () => handlers.go(withFilter(query, NO_FILTER)));
    return [title, h('div', { class: 'results-empty' }, h('p', {}, 'No attempts match these filters.'), isFiltered(query) ? reset : null)];
  }
  const sortHeader = (sort: ResultSort) => {
    const active = query.sort === sort;
    const button = h(
      'button',
      { class: 'results-sort', attrs: { type: 'button', 'data-focus': `sort-${sort}` } },
      SORT_LABELS[sort],
      h('span', { class: 'results-sort-mark', attrs: { 'aria-hidden': 'true' } }, active ? (query.order === 'asc' ? '▲' : '▼') : '↕'),
    );
    button.addEventListener('click', () => handlers.go(withSort(query, sort)));
    return h('th', { attrs: { scope: 'col', ...(active ? { 'aria-sort': query.order === 'asc' ? 'ascending' : 'descending' } : {}) } }, button);
  };
  const plain = (label: string, numeric = false) => h('th', { class: numeric ? 'numeric-head' : undefined, attrs: { scope: 'col' } }, label);
  const rows = table.attempts.slice(0, ATTEMPTS_PAGE_SIZE).map((summary) => attemptRow(summary, query, titles, link, onTrainee));
  const pages = pageCount(table.total, ATTEMPTS_PAGE_SIZE);
  return [
    title,
    h(
      'div',
      { class: 'results-scroll', attrs: { 'aria-busy': String(results.attempts.status === 'loading') } },
      h(
        'table',
        { class: 'results-table results-attempts' },
        h('caption', { class: 'sr-only' }, `Attempts, sorted by ${SORT_LABELS[query.sort].toLowerCase()}, ${query.order === 'asc' ? 'ascending' : 'descending'}`),
        h('thead', {}, h('tr', {}, onTrainee ? null : sortHeader('trainee'), sortHeader('scenario'), plain('Mode'), sortHeader('finished'), sortHeader('grade'), plain('Result'), h('th', { attrs: { scope: 'col' } }, h('span', { class: 'sr-only' }, 'Debrief')))),
        h('tbody', {}, ...rows),
      ),
    ),
    pager('Attempts pages', query.page, pages, pagingText(query.page, ATTEMPTS_PAGE_SIZE, table.total), (page) => handlers.go({ ...query, page, attempt: null }), 'attempts'),
  ];
}

/** The newest regrade beside the original grade: "→ 80% (version 1.2.0, passed)". */
function regradedGrade(summary: AttemptSummary | AttemptRow): Child {
  if (!('regraded' in summary) || summary.regraded === null) return null;
  const { regraded } = summary;
  return h(
    'span',
    { class: 'results-regraded', attrs: { title: `Regraded on version ${regraded.scenarioVersion}; the original grade stays on the record.` } },
    ` → ${percentText(regraded.percent)}`,
    h('span', { class: 'sr-only' }, ` when regraded on version ${regraded.scenarioVersion}, ${regraded.passed ? 'passed' : 'failed'}`),
    h('span', { class: 'results-muted', attrs: { 'aria-hidden': 'true' } }, ` v${regraded.scenarioVersion}`),
  );
}

/** HR and admins on one scenario: regrade its attempts to a stored version, with the job's progress. */
function regradePanel(results: ResultsState, intents: ResultsIntents, titles: ReadonlyMap<string, string>): Child[] {
  const panel = results.regrade;
  if (panel === null) return [];
  const title = h('h2', { attrs: { id: 'results-regrade-heading' } }, 'Regrade to another version');
  const versions = panel.versions.value ?? [];
  if (panel.versions.status === 'loading') return [title, h('p', { class: 'list-loading', attrs: { role: 'status' } }, 'Loading the scenario’s versions…')];
  if (panel.versions.status === 'failed') return [title, h('p', { class: 'list-problem', attrs: { role: 'status' } }, panel.versions.error ?? 'The scenario’s versions could not be loaded.')];
  const hint = h(
    'p',
    { class: 'panel-hint', attrs: { id: 'regrade-hint' } },
    `When a new version of ${titles.get(panel.scenarioId) ?? panel.scenarioId} changes its rubric, regrade its attempts to it: each keeps its original report, with the new grade shown beside it.`,
  );
  const select = h('select', { attrs: { id: 'regrade-version', 'aria-describedby': 'regrade-hint' } }, ...versions.map((version) => h('option', { attrs: { value: version.sha256 } }, `${version.version} (${version.sha256.slice(0, 8)})`)));
  const running = panel.job?.state === 'running';
  const start = h('button', { class: 'button small', attrs: { type: 'button', 'data-focus': 'regrade-start', ...(running || versions.length === 0 ? { disabled: '' } : {}) } }, 'Regrade');
  start.addEventListener('click', () => intents.regrade((select as HTMLSelectElement).value));
  const job = panel.job;
  const progress =
    job === null
      ? null
      : h(
          'div',
          { class: 'results-regrade-progress' },
          h('progress', { attrs: { max: String(Math.max(1, job.total, job.done)), value: String(job.state === 'finished' ? Math.max(1, job.total, job.done) : job.done), 'aria-labelledby': 'regrade-progress-text' } }),
          h(
            'p',
            { attrs: { id: 'regrade-progress-text', role: 'status' } },
            job.state === 'running'
              ? `Regrading to version ${job.scenarioVersion}: ${count(job.done)} of ${count(Math.max(job.total, job.done))} attempts.`
              : `Regraded ${count(job.done)} ${job.done === 1 ? 'attempt' : 'attempts'} to version ${job.scenarioVersion}${job.failed > 0 ? `; ${count(job.failed)} could not be, as their log does not fit that version` : ''}.`,
          ),
        );
  return [
    title,
    hint,
    h('div', { class: 'results-regrade-form' }, h('label', { attrs: { for: 'regrade-version' } }, 'Version'), select, start),
    progress,
    panel.error === null ? null : h('p', { class: 'form-error', attrs: { role: 'alert' } }, panel.error),
  ];
}

function attemptRow(summary: AttemptSummary | AttemptRow, query: ResultsQuery, titles: ReadonlyMap<string, string>, link: LinkMaker, onTrainee: boolean): HTMLElement {
  const who = summary.traineeName ?? 'Unknown trainee';
  const scenarioTitle = titles.get(summary.scenario.id) ?? summary.scenario.title;
  const finished = Date.parse(summary.finishedAt);
  const debrief = link({ ...query, attempt: summary.attemptId }, 'Debrief');
  debrief.className = 'button small subtle';
  debrief.setAttribute('aria-label', `Open the debrief: ${who}, ${scenarioTitle}, ${finishedAtText(finished)}`);
  debrief.dataset.focus = `attempt:${summary.attemptId}`;
  const trainee = onTrainee ? null : link({ ...query, trainee: summary.traineeId, page: 1, heatPage: 1, attempt: null }, who);
  if (trainee) trainee.className = 'results-trainee-link';
  const row = h(
    'tr',
    { class: 'results-row', attrs: { 'data-attempt': summary.attemptId } },
    trainee ? h('th', { attrs: { scope: 'row' } }, trainee) : null,
    onTrainee ? h('th', { attrs: { scope: 'row' } }, scenarioTitle) : h('td', {}, scenarioTitle),
    h('td', {}, MODE_LABELS[summary.mode], summary.classroom ? h('span', { class: 'results-muted' }, ' · classroom') : null),
    h('td', {}, h('time', { attrs: { datetime: finishedAtIso(finished) } }, finishedAtText(finished))),
    h('td', { class: 'numeric' }, percentText(summary.gradePercent), regradedGrade(summary)),
    h('td', {}, h('span', { class: `result-verdict ${summary.passed ? 'is-passed' : 'is-failed'}` }, summary.passed ? 'Passed' : 'Failed')),
    h('td', {}, debrief),
  );
  // A click anywhere on the row opens the debrief, as its Debrief link does; the links in it keep their own.
  row.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a, button')) return;
    debrief.click();
  });
  return row;
}

function heatMap(results: ResultsState, handlers: ResultsHandlers, link: LinkMaker): Child[] {
  const { query } = results;
  if (query.trainee !== null) return hidden();
  const title = h('h2', { attrs: { id: 'results-heat-heading' } }, 'Competencies by trainee');
  const waiting = loadingOrProblem(results.overview, 'the competencies');
  const overview = results.overview.value;
  if (waiting || !overview) return [title, waiting];
  if (overview.trainees.length === 0) return [title, h('p', { class: 'panel-hint' }, 'No attempts match these filters, so there is nobody to show.')];
  const pages = pageCount(overview.trainees.length, HEAT_PAGE_SIZE);
  const page = Math.min(query.heatPage, pages);
  const shown = overview.trainees.slice((page - 1) * HEAT_PAGE_SIZE, page * HEAT_PAGE_SIZE);
  const row = (trainee: TraineeRow) => {
    const name = link({ ...query, trainee: trainee.traineeId, page: 1, heatPage: 1, attempt: null }, trainee.traineeName ?? 'Unknown trainee');
    name.className = 'results-trainee-link';
    return h(
      'tr',
      {},
      h('th', { attrs: { scope: 'row' } }, name),
      ...COMPETENCIES.map((id) => {
        const value = trainee.competencies[id];
        const cell = h('td', { class: 'heat-cell numeric' }, percentText(value));
        paint(cell, value);
        return cell;
      }),
      h('td', { class: 'numeric' }, percentText(trainee.meanGradePercent)),
      h('td', { class: 'numeric-plain' }, count(trainee.attempts)),
      h('td', { class: 'numeric-plain' }, count(trainee.passed)),
    );
  };
  return [
    h('div', { class: 'results-part-head' }, title, h('p', { class: 'panel-hint' }, 'Each trainee’s mean percent per competency over their attempts in the filter. The colour follows the number.'), legend()),
    h(
      'div',
      { class: 'results-scroll heat-scroll', attrs: { 'aria-busy': String(results.overview.status === 'loading') } },
      h(
        'table',
        { class: 'results-table heat-table', attrs: { 'aria-labelledby': 'results-heat-heading' } },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' } }, 'Trainee'),
            ...COMPETENCIES.map((id) => h('th', { class: 'heat-head', attrs: { scope: 'col', title: competencyLabel(id) } }, SHORT_COMPETENCY[id])),
            h('th', { class: 'numeric-head', attrs: { scope: 'col' } }, 'Mean grade'),
            h('th', { class: 'numeric-head', attrs: { scope: 'col' } }, 'Attempts'),
            h('th', { class: 'numeric-head', attrs: { scope: 'col' } }, 'Passed'),
          ),
        ),
        h('tbody', {}, ...shown.map(row)),
      ),
    ),
    pages > 1 ? pager('Trainee pages', page, pages, `${pagingText(page, HEAT_PAGE_SIZE, overview.trainees.length, 'trainees')} trainees`, (next) => handlers.go({ ...query, heatPage: next, attempt: null }), 'heat') : null,
  ];
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'heat-legend', attrs: { 'aria-label': 'Colour scale' } },
    ...HEAT_SCALE.map((step) => {
      const swatch = h('span', { class: 'heat-swatch', attrs: { 'aria-hidden': 'true' } });
      swatch.style.backgroundColor = step.background;
      return h('li', {}, swatch, step.label);
    }),
    h('li', {}, h('span', { class: 'heat-swatch heat-none', attrs: { 'aria-hidden': 'true' } }), '– not graded'),
  );
}

/** A part with nothing to show here: it takes no room. */
function hidden(): Child[] {
  return [];
}

function passRateTable(results: ResultsState, titles: ReadonlyMap<string, string>): Child[] {
  const title = h('h2', { attrs: { id: 'results-pass-heading' } }, 'Pass rate by scenario');
  const waiting = loadingOrProblem(results.overview, 'the pass rates');
  const overview = results.overview.value;
  if (waiting || !overview) return [title, waiting];
  if (overview.scenarios.length === 0) return [title, h('p', { class: 'panel-hint' }, 'No attempts match these filters.')];
  const rows = [...overview.scenarios]
    .map((item) => ({ ...item, title: titles.get(item.scenarioId) ?? item.scenarioId, rate: item.attempts === 0 ? 0 : (item.passed / item.attempts) * 100 }))
    .sort((a, b) => a.rate - b.rate || a.title.localeCompare(b.title));
  return [
    title,
    h('p', { class: 'panel-hint' }, 'Lowest first: where the most attempts fall short.'),
    h(
      'div',
      { class: 'results-scroll' },
      h(
        'table',
        { class: 'results-table pass-table', attrs: { 'aria-labelledby': 'results-pass-heading' } },
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Scenario'), h('th', { class: 'numeric-head', attrs: { scope: 'col' } }, 'Passed'), h('th', { class: 'pass-rate-col', attrs: { scope: 'col' } }, 'Pass rate'))),
        h(
          'tbody',
          {},
          ...rows.map((item) => {
            const fill = h('span', { class: 'pass-bar-fill' });
            fill.style.width = `${Math.max(0, Math.min(100, item.rate))}%`;
            return h(
              'tr',
              {},
              h('th', { attrs: { scope: 'row' } }, item.title),
              h('td', { class: 'numeric-plain' }, `${count(item.passed)} of ${count(item.attempts)}`),
              h('td', {}, h('div', { class: 'pass-rate' }, h('span', { class: 'pass-bar', attrs: { 'aria-hidden': 'true' } }, fill), h('span', { class: 'numeric' }, percentText(item.rate)))),
            );
          }),
        ),
      ),
    ),
  ];
}

function missedTable(results: ResultsState, titles: ReadonlyMap<string, string>): Child[] {
  const onTrainee = results.query.trainee !== null;
  const title = h('h2', { attrs: { id: 'results-missed-heading' } }, onTrainee ? 'What they keep missing' : 'Most missed findings');
  const part = results.missed;
  if (part.status === 'failed' && part.httpStatus === 404 && part.value === null) return [title, h('p', { class: 'panel-hint' }, 'The item analysis is not available on this results server yet. The other results are unaffected.')];
  const waiting = loadingOrProblem(part, 'the most missed findings');
  const missed: Missed | null = part.value;
  if (waiting || !missed) return [title, waiting];
  if (missed.findings.length === 0) return [title, h('p', { class: 'panel-hint' }, missed.basedOn === 0 ? 'No attempts match these filters.' : `Nothing was missed in these ${count(missed.basedOn)} attempts.`)];
  const table = (findings: Missed['findings'], label: string) =>
    h(
      'div',
      { class: 'results-scroll' },
      h(
        'table',
        { class: 'results-table missed-table' },
        h('caption', { class: 'sr-only' }, label),
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Finding'), h('th', { attrs: { scope: 'col' } }, 'Scenario'), h('th', { attrs: { scope: 'col' } }, 'Rule'), h('th', { class: 'numeric-head', attrs: { scope: 'col' } }, 'Missed'))),
        h(
          'tbody',
          {},
          ...findings.map((finding) =>
            h(
              'tr',
              {},
              h('th', { attrs: { scope: 'row' } }, finding.title),
              h('td', {}, titles.get(finding.scenarioId) ?? finding.scenarioId),
              h('td', {}, finding.rule === null ? '–' : h('code', {}, finding.rule)),
              h('td', { class: 'numeric-plain' }, `${count(finding.missed)} of ${count(finding.attempts)}`, h('span', { class: 'results-muted' }, ` (${percentText(finding.attempts === 0 ? 0 : (finding.missed / finding.attempts) * 100)})`)),
            ),
          ),
        ),
      ),
    );
  const top = missed.findings.slice(0, MISSED_SHOWN);
  const rest = missed.findings.slice(MISSED_SHOWN);
  return [
    title,
    h('p', { class: 'panel-hint' }, `The findings most often missed, with the playbook rule each cites; based on ${count(missed.basedOn)} attempts.`),
    table(top, 'Most missed findings'),
    rest.length > 0 ? h('details', { class: 'missed-more' }, h('summary', {}, `${count(rest.length)} more findings`), table(rest, 'More missed findings')) : null,
  ];
}

/** The most missed findings shown at once; the rest are a click away. */
const MISSED_SHOWN = 12;

/** The series the chart draws: one point per attempt, oldest first. */
export function progressionSeries(attempts: readonly AttemptSummary[]): ProgressionSeries {
  return {
    x: attempts.map((summary) => Math.round(Date.parse(summary.finishedAt) / 1000)),
    series: COMPETENCIES.map((id) => ({ id, label: SHORT_COMPETENCY[id], values: attempts.map((summary) => summary.competencies[id] ?? null) })),
  };
}

/** A trainee's progression: the chart (when it can be drawn) and a table with the same numbers. */
function progressionPart(store: AppStore, handlers: ResultsHandlers, titles: ReadonlyMap<string, string>, lives: LiveSection[]): HTMLElement {
  const element = h('section', { class: 'panel results-part results-progression', attrs: { 'aria-labelledby': 'results-progress-heading', id: 'results-progress' } });
  let removeChart: (() => void) | null = null;
  let drawn = 0;
  const section = liveSection(
    store,
    element,
    (state) => [state.results?.progression, state.results ? cohortRefused(state.results) : false],
    (state) => {
      removeChart?.();
      removeChart = null;
      const visit = ++drawn;
      const results = state.results;
      const part = results?.progression ?? null;
      element.hidden = !results || part === null || cohortRefused(results);
      if (!results || part === null || element.hidden) return [];
      const title = h('h2', { attrs: { id: 'results-progress-heading' } }, 'Progression');
      const waiting = loadingOrProblem(part, 'the progression');
      const attempts = part.value;
      if (waiting || !attempts) return [title, waiting];
      if (attempts.length === 0) return [title, h('p', { class: 'panel-hint' }, 'No attempts match these filters.')];
      const chart = h('div', { class: 'progress-chart', attrs: { role: 'img', 'aria-label': 'Percent per competency over time; the table under the chart has the same numbers.' } });
      const table = progressionTable(attempts, titles);
      const numbers = h('details', { class: 'progress-numbers' }, h('summary', {}, 'The chart’s numbers as a table'), table);
      if (handlers.drawChart) {
        const data = progressionSeries(attempts);
        // Drawn once the section is in the page, so the chart knows its width.
        queueMicrotask(() => {
          if (visit !== drawn || !chart.isConnected) return;
          handlers.drawChart!(chart, data).then(
            (remove) => {
              if (visit === drawn) removeChart = remove;
              else remove();
            },
            () => {
              chart.hidden = true;
              numbers.open = true;
            },
          );
        });
      } else {
        chart.hidden = true;
        numbers.open = true;
      }
      const note = attempts.length >= 200 ? h('p', { class: 'panel-hint' }, 'The newest 200 attempts are drawn.') : null;
      return [title, h('p', { class: 'panel-hint' }, 'Percent per competency, attempt by attempt, oldest on the left.'), chart, numbers, note];
    },
  );
  lives.push({ element, dispose: () => (section.dispose(), removeChart?.()) });
  return element;
}

function progressionTable(attempts: readonly AttemptSummary[], titles: ReadonlyMap<string, string>): HTMLElement {
  return h(
    'div',
    { class: 'results-scroll progress-table-scroll' },
    h(
      'table',
      { class: 'results-table progress-table' },
      h('caption', { class: 'sr-only' }, 'Percent per competency, attempt by attempt'),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Finished'), h('th', { attrs: { scope: 'col' } }, 'Scenario'), ...COMPETENCIES.map((id) => h('th', { class: 'numeric-head', attrs: { scope: 'col', title: competencyLabel(id) } }, SHORT_COMPETENCY[id])), h('th', { class: 'numeric-head', attrs: { scope: 'col' } }, 'Grade')),
      ),
      h(
        'tbody',
        {},
        ...[...attempts].reverse().map((summary) => {
          const finished = Date.parse(summary.finishedAt);
          return h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' } }, h('time', { attrs: { datetime: finishedAtIso(finished) } }, finishedAtText(finished))),
            h('td', {}, titles.get(summary.scenario.id) ?? summary.scenario.title),
            ...COMPETENCIES.map((id) => h('td', { class: 'numeric-plain' }, percentText(summary.competencies[id]))),
            h('td', { class: 'numeric' }, percentText(summary.gradePercent)),
          );
        }),
      ),
    ),
  );
}
