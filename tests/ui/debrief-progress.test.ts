// @vitest-environment jsdom
import { getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attemptProgress, EARLIER_SHOWN } from '../../src/app/attempt-comparison.ts';
import type { DebriefState, HistoryEntry } from '../../src/app/store.ts';
import type { ActionLog } from '../../src/core/actions/action.ts';
import { gradeSession } from '../../src/core/scoring/grade.ts';
import { renderDebrief } from '../../src/ui/debrief/render-debrief.ts';
import { renderProgress } from '../../src/ui/debrief/progress-view.ts';
import { scenarioHarness } from '../scenarios/harness.ts';

const ID = 'mim-day-slowness';
const { scenario, playbook, journey } = scenarioHarness(ID);
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 12, 14, 5);

function debriefOf(log: ActionLog, finishedAt = NOW, attemptId?: string): DebriefState {
  const { report, final } = gradeSession(scenario, playbook, log);
  const attempt = attemptId ? ({ attemptId } as DebriefState['attempt']) : undefined;
  return { scenario, playbook, log, report, final, mode: 'exam', finishedAt, ...(attempt ? { attempt } : {}) };
}

function entryOf(name: string, finishedAt: number, id = `${name}-${finishedAt}`, scenarioId = ID): HistoryEntry {
  const log = journey(name);
  const { report } = gradeSession(scenario, playbook, log);
  return { id, scenarioId, scenarioTitle: scenario.title, finishedAt, mode: 'coach', percent: report.verdict?.percent ?? report.total.percent, passed: report.passed, log };
}

const handlers = () => ({ playAgain: vi.fn(), backToScenarios: vi.fn(), download: vi.fn(), print: vi.fn() });

afterEach(() => {
  document.body.replaceChildren();
});

describe('this attempt against the earlier ones', () => {
  it('lists the earlier attempts of the same scenario, oldest first, with this one last, and what changed in each competency', () => {
    const shown = debriefOf(journey('strong'), NOW, 'this');
    const history = [
      entryOf('weak', NOW - 2 * DAY),
      entryOf('fix-forward', NOW - DAY),
      entryOf('strong', NOW, 'this'),
      entryOf('premature', NOW + DAY),
      entryOf('weak', NOW - 3 * DAY, 'other-scenario', 'acme-chemical'),
    ];
    const progress = attemptProgress(shown, history);
    expect(progress.earlierCount).toBe(2);
    expect(progress.attempts.map((attempt) => [attempt.id, attempt.current])).toEqual([
      [`weak-${NOW - 2 * DAY}`, false],
      [`fix-forward-${NOW - DAY}`, false],
      ['this', true],
    ]);
    const previous = gradeSession(scenario, playbook, journey('fix-forward')).report;
    expect(progress.attempts[1]!.competencies).toEqual(previous.competencies);
    expect(progress.sincePrevious).toEqual(
      shown.report.competencies.map((score) => {
        const before = previous.competencies.find((candidate) => candidate.id === score.id)!.percent;
        return { id: score.id, before, now: score.percent, change: score.percent - before };
      }),
    );
  });

  it('keeps the newest earlier attempts only, and counts them all', () => {
    const history = Array.from({ length: EARLIER_SHOWN + 3 }, (_, index) => entryOf('weak', NOW - (index + 1) * DAY));
    const progress = attemptProgress(debriefOf(journey('strong')), history);
    expect(progress.earlierCount).toBe(EARLIER_SHOWN + 3);
    expect(progress.attempts).toHaveLength(EARLIER_SHOWN + 1);
    expect(progress.attempts[0]!.finishedAt).toBe(NOW - EARLIER_SHOWN * DAY);
  });

  it('does not compare competencies with an attempt whose log no longer gives back its stored score', () => {
    const stale = { ...entryOf('weak', NOW - DAY), percent: 99 };
    const progress = attemptProgress(debriefOf(journey('strong')), [stale]);
    expect(progress.attempts[0]).toMatchObject({ percent: 99, competencies: null });
    expect(progress.sincePrevious).toBeNull();
    const panel = renderProgress(progress, 70);
    expect(panel.textContent).toContain('played on another version of this scenario');
  });
});

describe('the Your attempts panel', () => {
  it('says this is the first attempt when there is none before it', () => {
    document.body.append(renderProgress(attemptProgress(debriefOf(journey('weak')), []), 70));
    const panel = getByRole(document.body, 'region', { name: 'Your attempts at this scenario' });
    expect(panel.textContent).toContain('This is your first attempt at this scenario.');
    expect(queryByRole(panel, 'table')).toBeNull();
  });

  it('shows date, mode, score, result and change for each attempt, and each competency’s change since the previous one', () => {
    const progress = attemptProgress(debriefOf(journey('strong')), [entryOf('weak', NOW - DAY)]);
    document.body.append(renderProgress(progress, 70));
    const panel = getByRole(document.body, 'region', { name: 'Your attempts at this scenario' });
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [before, now] = progress.attempts;
    expect(within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Coach', `${before!.percent}%`, '✕ Not passed', '—']);
    expect(within(rows[1]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Exam', `${now!.percent}%`, '✓ Passed', `▲ ${now!.percent - before!.percent}up ${now!.percent - before!.percent} points`]);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toContain('This attempt');
    const changes = within(panel).getByRole('list', { name: 'Since your previous attempt' });
    expect(within(changes).getAllByRole('listitem')).toHaveLength(progress.sincePrevious!.length);
    const can = progress.sincePrevious!.find((change) => change.id === 'can-report')!;
    expect(within(changes).getByText('CAN report').parentElement?.textContent).toBe(`CAN report${can.before}% → ${can.now}%▲ ${can.change}up ${can.change} points`);
  });

  it('is in the debrief, linked from its contents, when the page gives the history, and left out when it does not', () => {
    const debrief = debriefOf(journey('strong'));
    document.body.append(renderDebrief(debrief, { ...handlers(), history: [entryOf('weak', NOW - DAY)] }));
    expect(getByRole(document.body, 'region', { name: 'Your attempts at this scenario' })).toBeTruthy();
    expect(within(getByRole(document.body, 'navigation', { name: 'Debrief sections' })).getByRole('link', { name: 'Your attempts' }).getAttribute('href')).toBe('#db-progress');
    document.body.replaceChildren(renderDebrief(debrief, handlers()));
    expect(queryByRole(document.body, 'region', { name: 'Your attempts at this scenario' })).toBeNull();
    expect(getByRole(document.body, 'region', { name: 'Model answer' })).toBeTruthy();
  });
});
