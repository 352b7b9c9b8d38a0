import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { decide, finding, scenarioHarness, earnedOnlyByAvoiding } from './harness.ts';

const ID = 'datacentre-continuity';

const { scenario, playbook, compiled, journey } = scenarioHarness(ID);

const logOf = (actions: readonly Action[]): ActionLog => {
  const result = validateLog({ scenario: ID, actions: [...actions].sort((a, b) => a.at.localeCompare(b.at)) }, scenario, playbook);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.log;
};
const run = (log: ActionLog): SimState => Session.replay(compiled, log).state;
const sources = (state: SimState): string[] => state.transcript.map((entry) => entry.source);
const firedAt = (state: SimState, id: string): string | undefined => {
  const at = state.fired[id];
  return at === undefined ? undefined : compiled.clock.format(at);
};

const strongActions = (): Action[] => journey('strong').actions;
const isDecision = (action: Action, decision: string): boolean => action.type === 'decide' && action.decision === decision;
/** The strong journey with every answer to one decision point replaced by `replacement`. */
const strongWith = (decision: string, ...replacement: Action[]): Action[] => [...strongActions().filter((action) => !isDecision(action, decision)), ...replacement];

describe(`${ID}: the scenario itself`, () => {
  it('has a rubric worth 100 points, each expectation tied to a rule of its playbook', () => {
    expect(resolveRubric(scenario, playbook).expectations.reduce((sum, item) => sum + item.points, 0)).toBe(100);
    const rules = new Set(playbook.rules.map((rule) => rule.id));
    for (const item of resolveRubric(scenario, playbook).expectations) expect(rules.has(item.rule), item.id).toBe(true);
  });

  it('grades the three tiers of restoration: triage, major incident and service continuity', () => {
    const rulesUsed = new Set(resolveRubric(scenario, playbook).expectations.map((item) => item.rule));
    for (const rule of ['triage-activation', 'major-incident-trigger', 'service-continuity-trigger', 'separate-bridges']) expect(rulesUsed).toContain(rule);
    expect(scenario.bridges.map((bridge) => bridge.purpose)).toEqual(['technical', 'business']);
  });

  it('has four decision points, four endings and a single fallback ending that is a failure', () => {
    expect(scenario.decisions?.map((decision) => decision.id)).toEqual(['triage-call', 'storage-stabilize', 'director-seat', 'continuity-call']);
    expect(scenario.endings.map((ending) => ending.id)).toEqual(['failed-over-in-time', 'fixed-in-place', 'failed-over-late', 'past-tolerable-downtime']);
    const fallback = scenario.endings.filter((ending) => ending.when === undefined);
    expect(fallback.map((ending) => ending.outcome)).toEqual(['failure']);
  });

  it('has a cast of five to ten, each with a role, team and location', () => {
    expect(scenario.cast.length).toBeGreaterThanOrEqual(5);
    expect(scenario.cast.length).toBeLessThanOrEqual(10);
    for (const person of scenario.cast) expect([person.role, person.team, person.location].every((text) => text.length > 0)).toBe(true);
  });
});

describe(`${ID}: golden journeys`, () => {
  it('gives the strong incident manager every finding on time and every CAN fact', () => {
    const report = grade(scenario, playbook, journey('strong'));
    expect(report.findings.filter((f) => !f.met).map((f) => f.id)).toEqual([]);
    expect(report.can?.missed).toEqual([]);
    expect(report.can?.found).toEqual(expect.arrayContaining(['storefront-down', 'tolerable-downtime', 'standby-ready', 'continuity-decision']));
  });

  it('costs the weak incident manager the P1, the paging, the stabilization, the major incident, the business bridge and the continuity call', () => {
    const report = grade(scenario, playbook, journey('weak'));
    expect(finding(report, 'p1-on-storefront-down')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'page-storage')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'stabilize-storage')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'major-incident')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'separate-business-bridge')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'continuity-call')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'triage-team')).toMatchObject({ status: 'late', points: 3 });
    expect(finding(report, 'can-report')?.status).toBe('partial');
    expect(report.can?.missed).toEqual(expect.arrayContaining(['tolerable-downtime', 'continuity-decision']));
  });

  it('costs the late failover only the continuity timing, the paging, the stabilization and part of the CAN report', () => {
    const report = grade(scenario, playbook, journey('late-failover'));
    expect(finding(report, 'continuity-call')).toMatchObject({ status: 'late', points: 4 });
    expect(finding(report, 'continuity-standby')?.status).toBe('late');
    expect(finding(report, 'major-incident')?.status).toBe('on-time');
    expect(finding(report, 'separate-business-bridge')?.status).toBe('on-time');
  });

  it('ranks strong and in-place above the late failover, the late failover above weak, and weak above doing nothing', () => {
    const percent = (name: string) => grade(scenario, playbook, journey(name)).total.percent;
    expect(percent('strong')).toBeGreaterThan(percent('late-failover'));
    expect(percent('in-place')).toBeGreaterThan(percent('late-failover'));
    expect(percent('late-failover')).toBeGreaterThan(percent('weak'));
    expect(percent('weak')).toBeGreaterThan(percent('do-nothing'));
  });
});

describe(`${ID}: the do-nothing path`, () => {
  const state = run(logOf([]));

  it('lets the batteries drain, delays the power and leaves the continuity manager to call in herself, too late', () => {
    for (const beat of ['storefront-down', 'batteries-drained', 'facilities-alone', 'power-restored-late', 'continuity-calls-in', 'ruth-nobody-called', 'tolerance-breached']) {
      expect(sources(state)).toContain(beat);
    }
    expect(sources(state)).not.toContain('batteries-out-clean');
    expect(state.vars['director-on-technical']).toBe(true);
    expect(state.vars['store-restored']).toBe(false);
  });

  it('ends past the tolerable downtime with no points', () => {
    expect(state.ending).toBe('past-tolerable-downtime');
    expect(earnedOnlyByAvoiding(grade(scenario, playbook, logOf([])))).toBe(true);
  });
});

describe(`${ID}: each decision changes what happens`, () => {
  it('stabilize the storage or not: the same keep-fixing call makes 03:04 only after a clean shutdown', () => {
    const keepFixing = decide('02:35:00', 'continuity-call', 'keep-fixing');
    const clean = run(logOf([...strongWith('continuity-call', keepFixing)]));
    const riding = run(logOf([...strongWith('continuity-call', keepFixing).filter((action) => !isDecision(action, 'storage-stabilize')), decide('02:07:30', 'storage-stabilize', 'keep-running')]));
    expect(sources(clean)).toContain('batteries-out-clean');
    expect(firedAt(clean, 'store-back-in-place')).toBe('02:55:00');
    expect(clean.ending).toBe('fixed-in-place');
    expect(sources(riding)).toContain('batteries-drained');
    expect(sources(riding)).toContain('in-place-crashed');
    expect(riding.vars['store-restored']).toBe(false);
    expect(riding.ending).toBe('past-tolerable-downtime');
  });

  it('keep fixing after a hard crash is graded as the wrong continuity call; failing over is right either way', () => {
    const riding = strongActions().filter((action) => !isDecision(action, 'storage-stabilize'));
    const crashedKeep = grade(scenario, playbook, logOf([...riding.filter((action) => !isDecision(action, 'continuity-call')), decide('02:07:30', 'storage-stabilize', 'keep-running'), decide('02:37:00', 'continuity-call', 'keep-fixing')]));
    const crashedFailover = grade(scenario, playbook, logOf([...riding, decide('02:07:30', 'storage-stabilize', 'keep-running')]));
    expect(finding(crashedKeep, 'continuity-call')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(crashedKeep, 'stabilize-storage')?.status).toBe('missed');
    expect(finding(crashedFailover, 'continuity-call')).toMatchObject({ status: 'on-time', points: 8 });
    expect(crashedFailover.ending?.id).toBe('failed-over-in-time');
  });

  it('fail over by 02:44 and the recovery site beats 03:04; thirty seconds later and it does not', () => {
    const onTime = grade(scenario, playbook, logOf(strongWith('continuity-call', decide('02:44:00', 'continuity-call', 'fail-over'))));
    const tooLate = grade(scenario, playbook, logOf(strongWith('continuity-call', decide('02:44:30', 'continuity-call', 'fail-over'))));
    expect(onTime.ending?.id).toBe('failed-over-in-time');
    expect(finding(onTime, 'continuity-call')?.status).toBe('on-time');
    expect(tooLate.ending?.id).toBe('failed-over-late');
    expect(finding(tooLate, 'continuity-call')).toMatchObject({ status: 'late', points: 4 });
    const late = run(logOf(strongWith('continuity-call', decide('02:44:30', 'continuity-call', 'fail-over'))));
    expect(sources(late)).toContain('tolerance-breached');
  });

  it('the continuity call cannot be made before 02:31, while the power and storage picture is still forming', () => {
    const early = run(logOf(strongWith('continuity-call', decide('02:20:00', 'continuity-call', 'fail-over'))));
    expect(early.decisions['continuity-call']).toBeUndefined();
    expect(early.transcript.some((entry) => entry.text === 'That decision is not open yet; nothing changes.')).toBe(true);
  });

  it('activate or deactivate after triage: deactivating sends facilities away and the power comes back ten minutes later', () => {
    const activated = run(journey('strong'));
    const deactivated = run(logOf(strongWith('triage-call', decide('02:10:00', 'triage-call', 'deactivate'))));
    expect(activated.participants['facilities']?.present).toBe(true);
    expect(firedAt(activated, 'power-restored')).toBe('02:45:00');
    expect(deactivated.participants['facilities']?.present).toBe(false);
    expect(deactivated.vars['deactivated']).toBe(true);
    expect(firedAt(deactivated, 'facilities-held')).toBe('02:20:00');
    expect(sources(deactivated)).toContain('facilities-alone');
    expect(firedAt(deactivated, 'power-restored-late')).toBe('02:55:00');
    expect(deactivated.phase).not.toBe('major-incident');
    const report = grade(scenario, playbook, logOf(strongWith('triage-call', decide('02:10:00', 'triage-call', 'deactivate'))));
    expect(finding(report, 'major-incident')?.status).toBe('missed');
  });

  it('move the director to the business bridge or let her stay: staying costs the power work ten minutes and misses 03:04 by a minute', () => {
    const noEarlyBridge = strongWith('continuity-call', decide('02:35:00', 'continuity-call', 'keep-fixing')).filter((action) => action.type !== 'open-bridge');
    const moved = logOf([...noEarlyBridge, decide('02:17:00', 'director-seat', 'move'), { at: '02:17:30', type: 'open-bridge', bridge: 'business', purpose: 'business' }]);
    const stayed = logOf([...noEarlyBridge, decide('02:17:00', 'director-seat', 'stay')]);
    const movedState = run(moved);
    const stayedState = run(stayed);
    expect(sources(movedState)).toContain('director-moves-to-business');
    expect(movedState.participants['director']).toMatchObject({ present: true, bridge: 'business' });
    expect(movedState.vars['power-delay']).toBe(false);
    expect(movedState.ending).toBe('fixed-in-place');
    expect(stayedState.participants['director']).toMatchObject({ present: true, bridge: 'technical' });
    expect(sources(stayedState)).toContain('power-work-slowed');
    expect(firedAt(stayedState, 'store-back-in-place')).toBe('03:05:00');
    expect(stayedState.ending).toBe('past-tolerable-downtime');
    expect(finding(grade(scenario, playbook, moved), 'separate-business-bridge')?.status).toBe('on-time');
    expect(finding(grade(scenario, playbook, stayed), 'separate-business-bridge')?.status).toBe('missed');
  });

  it('a business bridge opened before the director calls in takes her straight there, and the seat question never comes up', () => {
    const state = run(journey('strong'));
    expect(sources(state)).toContain('director-lands-business');
    expect(sources(state)).not.toContain('director-lands-technical');
    expect(state.participants['director']?.bridge).toBe('business');
  });

  it('paging the storage engineer brings him on; e-mailing the team list does not, so nobody can stabilize the array', () => {
    const paged = run(journey('strong'));
    const emailed = run(
      logOf([
        ...strongActions().filter((action) => !(action.type === 'page' && action.participant === 'storage-sme')),
        { at: '02:05:10', type: 'notify', audience: 'technical-teams', channel: 'email', message: 'Storage team, please join the storefront bridge.' },
      ]),
    );
    expect(firedAt(paged, 'storage-joins-on-battery')).toBe('02:07:10');
    expect(emailed.participants['storage-sme']?.present).toBe(false);
    expect(emailed.decisions['storage-stabilize']).toBeUndefined();
    expect(sources(emailed)).toContain('teams-emailed');
    expect(sources(emailed)).toContain('batteries-drained');
  });
});
