import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import type { ScoreReport } from '../../src/core/report/score-report.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { readRepoText } from '../helpers.ts';
import { finding, scenarioHarness } from './harness.ts';

const ID = 'trading-platform-priority';
const { scenario, playbook, compiled, diagnostics, checked: validated, journey: fixture } = scenarioHarness(ID);

/** A log of these actions, put in time order (a stable sort keeps same-second actions as given). */
const logOf = (actions: readonly Action[]): ActionLog => validated({ scenario: ID, actions: [...actions].sort((a, b) => a.at.localeCompare(b.at)) });
const gradeOf = (log: ActionLog): ScoreReport => grade(scenario, playbook, log);
const finalState = (log: ActionLog): SimState => Session.replay(compiled, log).state;
/** Everything said, heard or not: a muted line's words are kept even though nobody on the call heard them. */
const spoken = (state: SimState) => state.transcript.map((entry) => entry.words ?? entry.text);
const strongActions = (): Action[] => fixture('strong').actions.map((action) => ({ ...action }));

/** The strong log with one decision answered differently. */
function withChoice(decision: string, choice: string, actions = strongActions()): Action[] {
  return actions.map((action) => (action.type === 'decide' && action.decision === decision ? { ...action, choice } : action));
}

/** An HH:MM:SS time some minutes later, within the same day. */
function later(at: string, minutes: number): string {
  const [h = 0, m = 0, s = 0] = at.split(':').map(Number);
  const total = h * 3600 + m * 60 + s + minutes * 60;
  return [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

interface Journey {
  readonly minPercent?: number;
  readonly maxPercent?: number;
  readonly passed: boolean;
  readonly ending: string;
}
const expected = (JSON.parse(readRepoText(`tests/fixtures/${ID}/expected.json`)) as { journeys: Record<string, Journey> }).journeys;

describe(`${ID}: the scenario file`, () => {
  it('loads with no diagnostics, is advanced, and shares its 100 points across all five competencies', () => {
    expect(diagnostics).toEqual([]);
    expect(scenario.difficulty).toBe('advanced');
    expect(resolveRubric(scenario, playbook).expectations.reduce((sum, item) => sum + item.points, 0)).toBe(100);
    expect(new Set(resolveRubric(scenario, playbook).expectations.map((item) => item.competency))).toEqual(new Set(['priority', 'notification', 'bridge-control', 'escalation', 'can-report']));
    for (const item of resolveRubric(scenario, playbook).expectations) expect(playbook.rules.map((rule) => rule.id)).toContain(item.rule);
  });

  it('has at least three decisions, a cast of 5 to 10, and a fallback ending last', () => {
    expect(scenario.decisions?.length).toBeGreaterThanOrEqual(3);
    expect(scenario.cast.length).toBeGreaterThanOrEqual(5);
    expect(scenario.cast.length).toBeLessThanOrEqual(10);
    expect(scenario.endings.at(-1)?.when).toBeUndefined();
    expect(scenario.endings.at(-1)?.outcome).toBe('failure');
  });
});

describe(`${ID}: golden journeys`, () => {
  it('covers every ending with some golden journey', () => {
    expect(new Set(Object.values(expected).map((journey) => journey.ending))).toEqual(new Set(scenario.endings.map((ending) => ending.id)));
  });

  it('gives the strong log full marks in every competency and every CAN fact', () => {
    const report = gradeOf(fixture('strong'));
    expect(report.competencies.every((competency) => competency.percent === 100)).toBe(true);
    expect(report.can?.missed).toEqual([]);
    expect(report.findings.filter((f) => !f.met)).toEqual([]);
  });

  it('costs the weak log the de-escalation, the triage and the trading findings', () => {
    const report = gradeOf(fixture('weak'));
    expect(finding(report, 'no-pressure-p1')?.status).toBe('violated');
    expect(finding(report, 'political-p1-kept')?.status).toBe('violated');
    expect(finding(report, 'feed-priority-p3')?.status).toBe('missed');
    expect(finding(report, 'no-major-incident-for-feed')).toMatchObject({ status: 'violated', points: 0 });
    expect(finding(report, 'deactivate-feed')?.status).toBe('missed');
    expect(finding(report, 'triage-first')?.status).toBe('missed');
    expect(finding(report, 'feed-owner')?.status).toBe('missed');
    expect(finding(report, 'trading-p1')).toMatchObject({ status: 'late', points: 2, at: '10:17:00' });
    expect(finding(report, 'fail-over-in-time')).toMatchObject({ status: 'late', due: '10:23:00', at: '10:29:00' });
    expect(finding(report, 'exec-notice')?.status).toBe('missed');
    expect(finding(report, 'can-report')?.points).toBe(0);
  });
});

describe(`${ID}: not everything is a P1`, () => {
  const strong = gradeOf(fixture('strong'));
  const lowered = gradeOf(fixture('early-p1-lowered'));
  const political = gradeOf(fixture('political-p1'));

  it('ranks never-P1, P1-then-lowered and kept-P1 in that order', () => {
    expect(strong.total.points).toBeGreaterThan(lowered.total.points);
    expect(lowered.total.points).toBeGreaterThan(political.total.points);
    expect(lowered.passed).toBe(true);
    expect(political.passed).toBe(false);
  });

  it('charges an early P1 that was lowered after triage only for giving in to the pressure', () => {
    expect(finding(lowered, 'no-pressure-p1')).toMatchObject({ status: 'violated', points: 0 });
    expect(finding(lowered, 'feed-priority-p3')).toMatchObject({ status: 'on-time', points: 10 });
    expect(finding(lowered, 'political-p1-kept')).toMatchObject({ status: 'avoided', points: 10 });
    const lost = lowered.findings.filter((f) => !f.met).map((f) => f.id);
    expect(lost).toEqual(['no-pressure-p1']);
  });

  it('charges a kept political P1 through the avoid and the missed P3, and pulls trading operations into the war room', () => {
    expect(finding(political, 'political-p1-kept')).toMatchObject({ status: 'violated', points: 0, at: '09:53:10' });
    expect(finding(political, 'feed-priority-p3')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(political, 'trading-p1')?.status).toBe('late');
    const state = finalState(fixture('political-p1'));
    expect(state.vars['all-hands']).toBe(true);
    expect(state.fired['trading-outage-seen']).toBeUndefined();
    expect(state.fired['trading-outage-late']).toBeDefined();
  });

  it('gives late credit, not full credit, for lowering the P1 only after the review point', () => {
    const actions = withChoice('vip-response', 'grant-p1').map((action) =>
      action.type === 'set-priority' && action.level === 'P3' ? { ...action, at: '09:55:00' } : action,
    );
    const report = gradeOf(logOf(actions));
    expect(finding(report, 'political-p1-kept')?.status).toBe('violated');
    expect(finding(report, 'feed-priority-p3')).toMatchObject({ status: 'on-time' });
    const later = gradeOf(logOf(actions.map((action) => (action.type === 'set-priority' && action.level === 'P3' ? { ...action, at: '10:04:00' } : action))));
    expect(finding(later, 'feed-priority-p3')).toMatchObject({ status: 'late', points: 4 });
    expect(later.total.points).toBeLessThan(report.total.points);
    expect(report.total.points).toBeLessThan(lowered.total.points);
  });

  it('lets the VIP log his own P1 when nobody answers him, but not once he has been answered', () => {
    const nothing = finalState(logOf([]));
    expect(nothing.fired['vip-logs-p1']).toBeDefined();
    expect(nothing.level).toBe('P1');
    const answered = finalState(logOf([{ at: '09:42:30', type: 'decide', decision: 'vip-response', choice: 'shared-model' }]));
    expect(answered.fired['vip-logs-p1']).toBeUndefined();
    expect(answered.level).toBeNull();
  });
});

describe(`${ID}: each decision changes what happens`, () => {
  it('vip-response: giving in sets a P1 and draws pushback; the shared model does not', () => {
    const granted = finalState(logOf(withChoice('vip-response', 'grant-p1')));
    const model = finalState(fixture('strong'));
    expect(spoken(granted)).toContain('Thank you. Finally someone with some sense.');
    expect(spoken(granted)).toContain('A P1 for a slow research feed? Trading is fine. A P1 pulls people off real work.');
    expect(spoken(model)).toContain('Fine. But if my desk is still blind in half an hour, the COO hears about it.');
    expect(spoken(model)).not.toContain('Thank you. Finally someone with some sense.');
  });

  it('activation: a major incident for the feed leaves trading unwatched, so the outage is found late', () => {
    const activated = finalState(logOf(withChoice('activation', 'activate-major')));
    const deactivated = finalState(fixture('strong'));
    const clock = compiled.clock;
    expect(clock.format(deactivated.fired['trading-outage-known'] ?? -1)).toBe('10:08:20');
    expect(clock.format(activated.fired['trading-outage-known'] ?? -1)).toBe('10:15:00');
    expect(spoken(activated)).toContain('Sofia Marquez, trading desk. We haven\'t executed an order since 10:08, and nobody on this bridge noticed?');
    const unaware = gradeOf(logOf(withChoice('activation', 'activate-major')));
    expect(unaware.ending?.id).toBe('missed-trading-outage');
    const report = gradeOf(logOf(withChoice('activation', 'activate-major').map((action) => (action.at >= '10:08:00' ? { ...action, at: later(action.at, 7) } : action))));
    expect(report.ending?.id).toBe('over-escalated');
    expect(finding(report, 'trading-p1')?.status).toBe('late');
    expect(finding(report, 'no-major-incident-for-feed')?.status).toBe('violated');
    expect(finding(report, 'deactivate-feed')?.status).toBe('missed');
  });

  it('activation: asking the trading engineer for an update from the war room finds the outage early', () => {
    const actions = [
      ...withChoice('activation', 'activate-major').filter((action) => action.at < '10:08:00'),
      { at: '10:09:00', type: 'request-update', participant: 'aisha' } as const,
    ];
    const state = finalState(logOf(actions));
    expect(state.fired['aisha-finds-outage']).toBeDefined();
    expect(compiled.clock.format(state.fired['trading-outage-known'] ?? -1)).toBe('10:09:00');
  });

  it('trading-recovery: failing over restores trading; experimenting past the service level does not', () => {
    const failedOver = finalState(fixture('strong'));
    const probing = finalState(fixture('out-of-time'));
    expect(failedOver.vars['trading-restored']).toBe(true);
    expect(probing.vars['trading-restored']).toBe(false);
    expect(spoken(probing)).toContain("Still nothing. The carrier now says hours, not minutes. We're past trading's service level.");
    const report = gradeOf(fixture('out-of-time'));
    expect(report.ending?.id).toBe('out-of-time');
    expect(finding(report, 'fail-over-in-time')?.status).toBe('missed');
    expect(report.can?.missed).toContain('failover-decision');
  });

  it('trading-recovery: invoking service continuity after choosing to keep probing still fails over', () => {
    const actions = [...fixture('out-of-time').actions, { at: '10:20:00', type: 'escalate', to: 'service-continuity' } as const];
    const report = gradeOf(logOf(actions));
    expect(finding(report, 'fail-over-in-time')).toMatchObject({ status: 'on-time', at: '10:20:00' });
    expect(report.ending?.id).toBe('right-sized');
  });
});

describe(`${ID}: missing the real outage`, () => {
  it('the do-nothing path reaches the failure ending and scores almost nothing', () => {
    const report = gradeOf(logOf([]));
    expect(report.ending).toMatchObject({ id: 'missed-trading-outage', outcome: 'failure' });
    expect(report.total.percent).toBeLessThan(10);
    expect(finding(report, 'trading-p1')?.status).toBe('missed');
  });

  it('a perfect de-escalation that never raises trading to a P1 major incident still misses the outage', () => {
    const actions = strongActions().filter((action) => action.at < '10:08:00');
    const report = gradeOf(logOf(actions));
    expect(report.ending?.id).toBe('missed-trading-outage');
    expect(finding(report, 'trading-p1')?.status).toBe('missed');
    expect(finding(report, 'trading-major-incident')?.status).toBe('missed');
    expect(finding(report, 'political-p1-kept')?.status).toBe('avoided');
    expect(report.passed).toBe(false);
  });

  it('a P1 left over from the feed does not count as raising trading to P1', () => {
    const report = gradeOf(fixture('political-p1'));
    const unconfirmed = gradeOf(logOf(fixture('political-p1').actions.filter((action) => action.type !== 'set-priority')));
    expect(finding(report, 'trading-p1')?.points).toBeGreaterThan(0);
    expect(finding(unconfirmed, 'trading-p1')?.status).toBe('missed');
    expect(unconfirmed.ending?.id).toBe('missed-trading-outage');
  });
});
