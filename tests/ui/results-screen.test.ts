// @vitest-environment jsdom
import { fireEvent, getAllByRole, getByRole, getByText, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptsTable, Missed, Overview } from '../../src/app/results/results-api.ts';
import { DEFAULT_QUERY, type ResultsQuery } from '../../src/app/results/results-query.ts';
import type { Loaded, ResultsState } from '../../src/app/results/results-state.ts';
import { createAppStore, initialAppState, type AppStore } from '../../src/app/store.ts';
import type { AttemptRow } from '../../src/core/report/attempt-summary.ts';
import { paramsOfQuery } from '../../src/app/results/results-query.ts';
import { renderResultsScreen, type ResultsHandlers } from '../../src/ui/results/results-screen.ts';

const COHORT = '6f1c1f0e-6a55-4b8e-9a49-0c1b2a3d4e5f';
const HOSTILE = '<script>alert(1)</script> \u202Eevil\u202C "quoted" אבג';

const ready = <T>(value: T): Loaded<T> => ({ status: 'ready', value, error: null, httpStatus: null });
const failed = <T>(httpStatus: number, error: string): Loaded<T> => ({ status: 'failed', value: null, error, httpStatus });
const loadingPart = <T>(): Loaded<T> => ({ status: 'loading', value: null, error: null, httpStatus: null });

function summary(index: number, change: Partial<AttemptRow> = {}): AttemptRow {
  return {
    attemptId: `attempt-${index}`,
    traineeId: `trainee-${index % 7}`,
    traineeName: `Trainee ${index % 7}`,
    scenario: { id: 'acme-chemical', version: '1.0.0', title: 'Acme Chemical' },
    playbook: { id: 'itil-lite', version: '1.0.0' },
    mode: index % 2 === 0 ? 'coach' : 'exam',
    classroom: null,
    startedAt: '2025-03-01T09:00:00.000Z',
    finishedAt: new Date(Date.UTC(2025, 2, 1, 10) + index * 60_000).toISOString(),
    points: 10,
    maxPoints: 20,
    totalPercent: 50,
    gradePercent: 40 + (index % 60),
    passed: index % 3 === 0,
    verdict: 'Passed.',
    ending: null,
    competencies: { priority: 10, notification: 30, 'bridge-control': 50, escalation: 70, 'can-report': 90 },
    engineVersion: '1.0.0',
    regraded: null,
    ...change,
  };
}

function table(total: number, page: number, rows = Math.min(50, Math.max(0, total - (page - 1) * 50))): AttemptsTable {
  return { total, page, pageSize: 50, attempts: Array.from({ length: rows }, (_, index) => summary((page - 1) * 50 + index)) };
}

function overview(trainees: number): Overview {
  return {
    trainees: Array.from({ length: trainees }, (_, index) => ({
      traineeId: `trainee-${index}`,
      traineeName: index === 0 ? HOSTILE : `Trainee ${String(index).padStart(5, '0')}`,
      attempts: 4,
      passed: 1,
      meanGradePercent: 61.4,
      lastFinishedAt: '2025-03-01T10:00:00.000Z',
      competencies: index === 0 ? { priority: 12.4, notification: 95, escalation: 63 } : { priority: 50, notification: 50, 'bridge-control': 50, escalation: 50, 'can-report': 50 },
    })),
    scenarios: [
      { scenarioId: 'acme-chemical', attempts: 40, passed: 30 },
      { scenarioId: 'dc-east', attempts: 20, passed: 5 },
    ],
    competencies: { priority: 55, notification: 66 },
  };
}

const missed: Missed = {
  basedOn: 60,
  findings: [{ scenarioId: 'acme-chemical', findingId: 'f1', title: `Notify the ${HOSTILE}`, rule: 'notify-p1', competency: 'notification', missed: 42, attempts: 60 }],
};

function resultsState(change: Partial<ResultsState> = {}, query: Partial<ResultsQuery> = {}): ResultsState {
  return {
    query: { ...DEFAULT_QUERY, ...query },
    cohorts: ready([{ id: COHORT, name: 'Night shift', instructorId: null, memberCount: 3 } as never]),
    attempts: ready(table(4312, 1)),
    overview: ready(overview(3)),
    missed: ready(missed),
    progression: null,
    opening: null,
    regrade: null,
    ...change,
  };
}

function storeWith(results: ResultsState | null, role: 'hr' | 'trainee' = 'hr'): AppStore {
  return createAppStore({
    ...initialAppState(),
    screen: 'results',
    account: { status: 'signed-in', user: { id: 'u-hr', email: 'hr@example.org', name: 'Harper', role } as never, cohorts: [] },
    results,
  });
}

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
  document.body.replaceChildren();
});

function mount(store: AppStore, change: Partial<ResultsHandlers> = {}) {
  const go = vi.fn<(query: ResultsQuery) => void>();
  const reload = vi.fn();
  const regrade = vi.fn<(scenarioSha256: string) => void>();
  const handlers: ResultsHandlers = { go, href: (query) => `/?${paramsOfQuery(query).toString()}`, scenarios: [{ id: 'acme-chemical', title: 'Acme Chemical' }, { id: 'dc-east', title: 'DC-East' }], ...change };
  const screen = renderResultsScreen(store, { open: () => {}, reload, regrade }, handlers);
  document.body.append(screen.element);
  dispose = screen.dispose;
  return { root: screen.element, go, reload, regrade };
}

const attemptsPart = (root: HTMLElement) => root.querySelector<HTMLElement>('#results-attempts')!;
const heatPart = (root: HTMLElement) => root.querySelector<HTMLElement>('#results-heat')!;

describe('the attempts table', () => {
  it('marks the sorted column with aria-sort, and a header click asks for the server’s sort', () => {
    const { root, go } = mount(storeWith(resultsState({}, { sort: 'grade', order: 'asc' })));
    const headers = getAllByRole(attemptsPart(root), 'columnheader');
    const sorted = headers.filter((header) => header.hasAttribute('aria-sort'));
    expect(sorted.map((header) => [header.textContent, header.getAttribute('aria-sort')])).toEqual([['Grade▲', 'ascending']]);
    fireEvent.click(getByRole(attemptsPart(root), 'button', { name: 'Grade' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'grade', order: 'desc', page: 1 }));
    fireEvent.click(getByRole(attemptsPart(root), 'button', { name: 'Trainee' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'trainee', order: 'asc' }));
  });

  it('shows one page of rows, says which, and pages with Previous and Next', () => {
    const { root, go } = mount(storeWith(resultsState({ attempts: ready(table(4312, 2)) }, { page: 2 })));
    expect(within(attemptsPart(root)).getAllByRole('row')).toHaveLength(51);
    const pages = getByRole(root, 'navigation', { name: 'Attempts pages' });
    expect(getByText(pages, 'Showing 51–100 of 4,312')).toBeTruthy();
    fireEvent.click(within(pages).getByRole('button', { name: '← Previous' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ page: 1 }));
    fireEvent.click(within(pages).getByRole('button', { name: 'Next →' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ page: 3 }));
  });

  it('never draws more than a page, even when an answer holds more', () => {
    const { root } = mount(storeWith(resultsState({ attempts: ready({ ...table(500, 1), attempts: Array.from({ length: 200 }, (_, index) => summary(index)) }) })));
    expect(within(attemptsPart(root)).getAllByRole('row')).toHaveLength(51);
    expect((getByRole(root, 'button', { name: '← Previous' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('links each trainee to their page and each row to its debrief', () => {
    const { root, go } = mount(storeWith(resultsState()));
    const trainee = within(attemptsPart(root)).getAllByRole('link', { name: 'Trainee 0' })[0]!;
    expect(trainee.getAttribute('href')).toBe('/?view=results&trainee=trainee-0');
    const debrief = within(attemptsPart(root)).getAllByRole('link', { name: /^Open the debrief: Trainee 0, Acme Chemical, / })[0]!;
    expect(debrief.getAttribute('href')).toBe('/?view=results&attempt=attempt-0');
    // A click on the row itself opens the debrief as well.
    fireEvent.click(debrief.closest('tr')!.querySelector('td')!);
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ attempt: 'attempt-0' }));
  });

  it('says so when nothing matches, with a way back', () => {
    const { root, go } = mount(storeWith(resultsState({ attempts: ready(table(0, 1)) }, { passed: true })));
    expect(attemptsPart(root).textContent).toContain('No attempts match these filters.');
    fireEvent.click(within(attemptsPart(root)).getByRole('button', { name: 'Reset the filters' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ passed: null }));
  });

  it('says it is loading, and what went wrong with a way to try again', () => {
    const loadingStore = storeWith(resultsState({ attempts: loadingPart() }));
    const first = mount(loadingStore);
    expect(getByRole(attemptsPart(first.root), 'status').textContent).toBe('Loading the attempts…');
    dispose?.();
    document.body.replaceChildren();
    const { root, reload } = mount(storeWith(resultsState({ attempts: failed(503, 'The attempts could not be loaded: The results server is not available right now.') })));
    const alert = getByRole(root, 'alert');
    expect(alert.textContent).toContain('The results server is not available right now.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalled();
  });
});

describe('the cohort view', () => {
  it('shows each trainee’s competencies as numbers on an accessible colour scale, with a legend', () => {
    const { root } = mount(storeWith(resultsState()));
    const rows = within(heatPart(root)).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Trainee', 'Priority', 'Notification', 'Bridge control', 'Escalation', 'CAN report', 'Mean grade', 'Attempts', 'Passed']);
    const cells = within(rows[1]!).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['12%', '95%', '–', '63%', '–', '61%', '4', '1']);
    expect(cells[0]!.style.backgroundColor).toBe('rgb(68, 1, 84)');
    expect(cells[1]!.style.backgroundColor).toBe('rgb(253, 231, 37)');
    expect(cells[2]!.classList.contains('heat-none')).toBe(true);
    const legend = getByRole(heatPart(root), 'list', { name: 'Colour scale' });
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['under 20%', '20–39%', '40–59%', '60–79%', '80% and over', '– not graded']);
  });

  it('pages 5,000 trainees at 100 rows', () => {
    const { root, go } = mount(storeWith(resultsState({ overview: ready(overview(5000)) }, { heatPage: 3 })));
    expect(within(heatPart(root)).getAllByRole('row')).toHaveLength(101);
    expect(within(heatPart(root)).getAllByRole('row')[1]!.textContent).toContain('Trainee 00200');
    const pages = getByRole(root, 'navigation', { name: 'Trainee pages' });
    expect(pages.textContent).toContain('Showing 201–300 of 5,000 trainees');
    fireEvent.click(within(pages).getByRole('button', { name: 'Next →' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ heatPage: 4 }));
  });

  it('shows the pass rate per scenario and the most missed findings as tables', () => {
    const { root } = mount(storeWith(resultsState()));
    const pass = root.querySelector<HTMLElement>('#results-pass')!;
    expect(within(pass).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['DC-East5 of 2025%', 'Acme Chemical30 of 4075%']);
    const missedPart = root.querySelector<HTMLElement>('#results-missed')!;
    expect(within(missedPart).getAllByRole('row')[1]!.textContent).toBe(`Notify the ${HOSTILE}Acme Chemicalnotify-p142 of 60 (70%)`);
  });

  it('says plainly when the server has no item analysis yet', () => {
    const { root } = mount(storeWith(resultsState({ missed: failed(404, 'Not found') })));
    expect(root.querySelector('#results-missed')!.textContent).toContain('The item analysis is not available on this results server yet.');
  });

  it('explains a cohort the account may not see, in place of empty tables', () => {
    const { root, go } = mount(storeWith(resultsState({ attempts: failed(404, 'No such cohort.'), overview: failed(404, 'No such cohort.') }, { cohort: COHORT })));
    const alert = getByRole(root, 'alert');
    expect(alert.textContent).toContain('This cohort cannot be shown.');
    expect((root.querySelector('#results-heat') as HTMLElement).hidden).toBe(true);
    expect((root.querySelector('#results-attempts') as HTMLElement).hidden).toBe(true);
    fireEvent.click(within(alert).getByRole('button', { name: 'Show everyone you may see' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ cohort: null }));
  });
});

describe('text from the server', () => {
  it('is shown as text, never as markup', () => {
    const { root } = mount(storeWith(resultsState({ attempts: ready({ total: 1, page: 1, pageSize: 50, attempts: [summary(0, { traineeName: HOSTILE, scenario: { id: 'x', version: '1', title: '<img src=x onerror=alert(1)>' } })] }) })));
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(within(attemptsPart(root)).getByRole('link', { name: HOSTILE })).toBeTruthy();
    expect(attemptsPart(root).textContent).toContain('<img src=x onerror=alert(1)>');
    // The right-to-left override cannot run on into what follows: the name is isolated.
    expect(heatPart(root).querySelector('bdi')?.textContent).toBe(HOSTILE);
  });
});

describe('the filter bar', () => {
  it('labels every control, shows the address’s filter, and applies a change at once', () => {
    const { root, go } = mount(storeWith(resultsState({}, { cohort: COHORT, mode: 'exam', from: '2025-03-01', page: 4 })));
    const form = getByRole(root, 'search', { name: 'Filter the results' });
    const byLabel = (label: string) => within(form).getByLabelText(label) as HTMLSelectElement | HTMLInputElement;
    expect(['Cohort', 'Scenario', 'Finished from', 'Finished until', 'Result', 'Mode'].map((label) => byLabel(label).value)).toEqual([COHORT, '', '2025-03-01', '', '', 'exam']);
    const passed = byLabel('Result');
    passed.value = 'false';
    fireEvent.change(passed);
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ cohort: COHORT, mode: 'exam', passed: false, page: 1 }));
    fireEvent.click(within(form).getByRole('button', { name: 'Reset' }));
    expect(go).toHaveBeenLastCalledWith(expect.objectContaining({ cohort: null, mode: null, from: null, passed: null }));
  });
});

describe('a trainee’s page', () => {
  it('titles the page with the trainee, shows their progression as a table, and leaves out the heat map', () => {
    const attempts = [summary(1, { traineeId: 'trainee-1', traineeName: 'Sam Okafor' }), summary(2, { traineeId: 'trainee-1', traineeName: 'Sam Okafor', competencies: { priority: 80 } })];
    const { root } = mount(storeWith(resultsState({ attempts: ready({ total: 2, page: 1, pageSize: 50, attempts }), progression: ready(attempts), overview: ready({ ...overview(0), trainees: [] }) }, { trainee: 'trainee-1' })));
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe('Sam Okafor');
    expect(getByRole(root, 'link', { name: '← All results' }).getAttribute('href')).toBe('/?view=results');
    const progress = root.querySelector<HTMLElement>('#results-progress')!;
    // No chart can be drawn here: the numbers show open.
    expect(progress.querySelector('details')!.open).toBe(true);
    const rows = within(progress).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('80%');
    expect(rows[2]!.textContent).toContain('10%30%50%70%90%');
    expect(heatPart(root).hidden).toBe(true);
    expect(queryByRole(attemptsPart(root), 'button', { name: 'Trainee' })).toBeNull();
    expect(getByRole(attemptsPart(root), 'heading').textContent).toBe('Their attempts');
  });
});

describe('who may see it', () => {
  it('shows a trainee only a note', () => {
    const { root } = mount(storeWith(null, 'trainee'));
    expect(root.textContent).toContain('This area is for HR, administrators and instructors.');
    expect(queryByRole(root, 'table')).toBeNull();
  });
});

describe('regrading from the results screen', () => {
  const versions = [
    { id: 'acme-chemical', version: '1.2.0', sha256: 'b'.repeat(64), title: 'Acme Chemical' },
    { id: 'acme-chemical', version: '1.1.1', sha256: 'a'.repeat(64), title: 'Acme Chemical' },
  ];

  it('offers the scenario’s versions, starts a regrade of the one chosen, and shows its progress as a bar and in words', () => {
    const regrade = { scenarioId: 'acme-chemical', versions: ready(versions), job: { id: 'job-1', scenarioId: 'acme-chemical', scenarioVersion: '1.2.0', state: 'running' as const, total: 400, done: 150, failed: 0 }, error: null };
    const store = storeWith(resultsState({ regrade }, { scenario: 'acme-chemical' }));
    const { root, regrade: intent } = mount(store);
    const panel = within(root).getByRole('region', { name: 'Regrade to another version' });
    expect(within(panel).getAllByRole('option').map((option) => option.textContent)).toEqual(['1.2.0 (bbbbbbbb)', '1.1.1 (aaaaaaaa)']);
    const bar = panel.querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['150', '400']);
    expect(within(panel).getByRole('status').textContent).toBe('Regrading to version 1.2.0: 150 of 400 attempts.');
    expect((within(panel).getByRole('button', { name: 'Regrade' }) as HTMLButtonElement).disabled).toBe(true);

    store.setState({ results: resultsState({ regrade: { ...regrade, job: { ...regrade.job, state: 'finished', done: 400, failed: 3 } } }, { scenario: 'acme-chemical' }) });
    expect(within(panel).getByRole('status').textContent).toBe('Regraded 400 attempts to version 1.2.0; 3 could not be, as their log does not fit that version.');
    const start = within(panel).getByRole('button', { name: 'Regrade' }) as HTMLButtonElement;
    expect(start.disabled).toBe(false);
    (within(panel).getByLabelText('Version') as HTMLSelectElement).value = 'a'.repeat(64);
    start.click();
    expect(intent).toHaveBeenCalledWith('a'.repeat(64));
  });

  it('shows no panel without a scenario chosen, and a regraded grade beside the original', () => {
    const rows = table(2, 1);
    const regraded = { ...rows, attempts: [{ ...rows.attempts[0]!, gradePercent: 62, regraded: { scenarioVersion: '1.2.0', percent: 80, passed: true } }, rows.attempts[1]!] };
    const { root } = mount(storeWith(resultsState({ attempts: ready(regraded) })));
    expect(within(root).queryByRole('region', { name: 'Regrade to another version' })).toBeNull();
    expect((root.querySelector('.results-regrade') as HTMLElement).hidden).toBe(true);
    const first = root.querySelector(`[data-attempt="${rows.attempts[0]!.attemptId}"]`)!;
    expect(first.querySelector('.results-regraded')!.textContent).toBe(' → 80% when regraded on version 1.2.0, passed v1.2.0');
    expect(root.querySelector(`[data-attempt="${rows.attempts[1]!.attemptId}"] .results-regraded`)).toBeNull();
  });
});
