import { describe, expect, it } from 'vitest';
import { grade } from '../../src/core/scoring/grade.ts';
import { cadenceWindows } from '../../src/core/scoring/report.ts';
import type { ScoreReport } from '../../src/core/report/score-report.ts';
import type { ActionLog } from '../../src/core/actions/action.ts';
import { goldenLog, loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const graded = (name: string) => grade(scenario, playbook, goldenLog(name, scenario, playbook));
const competency = (report: ScoreReport, id: string) => report.competencies.find((c) => c.id === id)?.percent;
const finding = (report: ScoreReport, id: string) => report.findings.find((f) => f.id === id);

describe('grading the golden Acme logs', () => {
  const strong = graded('strong');
  const late = graded('late-notifications');
  const partial = graded('partial');
  const nothing = graded('do-nothing');

  it('ranks the strong, late-notifications, partial and do-nothing logs in that order', () => {
    const totals = [strong, late, partial, nothing].map((r) => r.total.percent);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(totals).size).toBe(4);
    expect([strong.passed, late.passed, partial.passed, nothing.passed]).toEqual([true, true, false, false]);
  });

  it('gives every report the same maximum, so attempts compare', () => {
    expect(new Set([strong, late, partial, nothing].map((r) => r.total.max))).toEqual(new Set([100]));
  });

  it('scores the strong incident manager full marks in every competency', () => {
    expect(strong.competencies.map((c) => [c.id, c.percent])).toEqual([
      ['priority', 100], ['notification', 100], ['bridge-control', 100], ['escalation', 100], ['can-report', 100],
    ]);
    expect(strong.ending?.id).toBe('under-control');
    expect(strong.can?.missed).toEqual([]);
  });

  it('costs the late notifier only notification points, and says how late', () => {
    expect(competency(late, 'notification')).toBeLessThan(100);
    for (const id of ['priority', 'bridge-control', 'escalation', 'can-report']) expect(competency(late, id)).toBe(100);
    expect(finding(late, 'exec-notice')).toMatchObject({ status: 'late', due: '03:15:21', at: '03:22:00', points: 3, max: 8, met: false });
    expect(finding(late, 'exec-notice')?.observed).toContain('6m 39s late');
    expect(finding(late, 'customer-notice')).toMatchObject({ status: 'late', at: '03:24:00' });
  });

  it('catches every failure of the seed incident manager on the do-nothing path', () => {
    expect(nothing.findings.filter((f) => f.status !== 'avoided').every((f) => f.points === 0)).toBe(true);
    expect(nothing.total.percent).toBeLessThan(5);
    const missed = nothing.findings.filter((f) => !f.met).map((f) => f.id);
    expect(missed).toEqual(expect.arrayContaining([
      'mute-noisy-line',
      'named-owner-for-fix',
      'account-for-departures',
      'p1-on-customer-impact',
      'exec-notice',
      'customer-notice',
      'classify-disruption',
      'senior-executive',
    ]));
    expect(finding(nothing, 'named-owner-for-fix')?.message).toContain('not directed at anyone');
    expect(finding(nothing, 'senior-executive')?.message).toContain('Bill');
    expect(nothing.ending?.id).toBe('bridge-lost');
  });

  it('gives partial credit where partial work was done', () => {
    expect(finding(partial, 'p1-on-customer-impact')).toMatchObject({ status: 'late', points: 7 });
    expect(finding(partial, 'mute-noisy-line')).toMatchObject({ status: 'late', points: 2 });
    expect(finding(partial, 'named-owner-for-fix')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(partial, 'classify-disruption')).toMatchObject({ status: 'missed' });
    expect(finding(partial, 'can-report')?.status).toBe('partial');
    expect(partial.can?.found).toEqual(['login-failure', 'failed-release']);
  });

  it('explains every finding: expectation, due time, what happened and the playbook rule', () => {
    for (const report of [strong, late, partial, nothing]) {
      for (const f of report.findings) {
        expect(f.expected.length).toBeGreaterThan(10);
        expect(f.observed.length).toBeGreaterThan(5);
        expect(f.message.length).toBeGreaterThan(5);
        expect(f.reference).toMatch(/^itil-major-incident §\S/);
        expect(playbook.rules.some((r) => r.id === f.rule)).toBe(true);
      }
    }
  });

  it('names the action that earned each finding, even among actions in the same second', () => {
    const strong = goldenLog('strong', scenario, playbook);
    const sameSecond: ActionLog = {
      ...strong,
      actions: strong.actions.map((action) => (action.at >= '03:01:00' && action.at <= '03:03:00' ? { ...action, at: '03:03:00' } : action)),
    };
    sameSecond.actions.splice(sameSecond.actions.findIndex((action) => action.at === '03:03:00') + 5, 0, { at: '03:03:00', type: 'note', text: 'scribe' });
    for (const log of [strong, sameSecond]) {
      const report = grade(scenario, playbook, log);
      const credited = report.findings.filter((finding) => finding.actionIndex !== undefined);
      expect(credited.length).toBeGreaterThan(5);
      for (const finding of credited) {
        const action = log.actions[finding.actionIndex!];
        expect(action?.at).toBe(finding.at);
        expect(action?.type).not.toBe('note');
      }
      const priority = report.findings.find((finding) => finding.competency === 'priority' && finding.actionIndex !== undefined && log.actions[finding.actionIndex]?.type === 'set-priority');
      expect(priority).toBeDefined();
    }
  });

  it('keeps the contract shape of the score report', () => {
    expect(strong).toMatchObject({
      scenario: { id: 'acme-chemical', version: '1.1.1' },
      playbook: { id: 'itil-major-incident', version: '1.1.0' },
      trainee: { id: 'golden-strong' },
      total: { points: 100, max: 100, percent: 100 },
      passed: true,
    });
    for (const c of nothing.competencies) expect(Number.isInteger(c.percent)).toBe(true);
  });

  it('is a pure function: the same inputs give the same report', () => {
    expect(graded('partial')).toEqual(partial);
  });
});

describe('cadence counting', () => {
  const minute = 60_000;
  it('counts the whole periods that had an update', () => {
    expect(cadenceWindows(0, [10 * minute, 35 * minute], 30 * minute, 60 * minute)).toEqual({ met: 2, due: 2 });
    expect(cadenceWindows(0, [], 30 * minute, 64 * minute)).toEqual({ met: 0, due: 2 });
    expect(cadenceWindows(0, [45 * minute], 30 * minute, 60 * minute)).toEqual({ met: 1, due: 2 });
  });

  it('never rewards sending many updates at once', () => {
    const burst = Array.from({ length: 20 }, () => 2 * minute);
    expect(cadenceWindows(0, burst, 30 * minute, 64 * minute)).toEqual({ met: 1, due: 2 });
  });
});
