import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { finding, scenarioHarness, earnedOnlyByAvoiding } from './harness.ts';

const ID = 'mim-day-slowness';

const { scenario, playbook, compiled, journey } = scenarioHarness(ID);

const logOf = (actions: Action[]): ActionLog => ({ scenario: ID, actions });
const run = (log: ActionLog): SimState => Session.replay(compiled, log).state;
const sources = (state: SimState): string[] => state.transcript.map((entry) => entry.source);
const spokenBy = (state: SimState, speaker: string): string[] =>
  state.transcript.filter((entry) => entry.kind === 'say' && entry.speaker === speaker).map((entry) => entry.text);

/** The strong journey up to (but not including) its first action at or after `at`. */
const strongBefore = (at: string): Action[] => journey('strong').actions.filter((action) => action.at < at);

describe(`${ID}: the scenario itself`, () => {
  it('has a rubric worth 100 points, each expectation tied to a rule of its playbook', () => {
    expect(resolveRubric(scenario, playbook).expectations.reduce((sum, item) => sum + item.points, 0)).toBe(100);
    const rules = new Set(playbook.rules.map((rule) => rule.id));
    for (const item of resolveRubric(scenario, playbook).expectations) expect(rules.has(item.rule), item.id).toBe(true);
  });

  it('has at least three decision points and a fallback ending', () => {
    expect(scenario.decisions?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(scenario.endings.filter((ending) => ending.when === undefined)).toHaveLength(1);
    expect(new Set(scenario.endings.map((ending) => ending.outcome))).toEqual(new Set(['success', 'partial', 'failure']));
  });

  it('keeps every spoken line short enough to read as a caption', () => {
    const lines = JSON.stringify(scenario).match(/"type":"say"[^}]*"text":"([^"]*)"/g) ?? [];
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(line.split(/\s+/).length, line).toBeLessThan(32);
  });
});

describe(`${ID}: golden journeys`, () => {
  it('gives the strong incident manager every finding on time and every CAN fact', () => {
    const report = grade(scenario, playbook, journey('strong'));
    expect(report.findings.filter((f) => !f.met).map((f) => f.id)).toEqual([]);
    expect(report.can?.missed).toEqual([]);
    expect(report.can?.found).toEqual(expect.arrayContaining(['scope', 'month-end', 'release-cause', 'rolling-back', 'vendor-on-call']));
  });

  it('costs the weak incident manager the P1, the classification, the rollback, the vendor and the user notice', () => {
    const report = grade(scenario, playbook, journey('weak'));
    expect(finding(report, 'p1-on-scope')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'classify-degradation')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'rollback-decided')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'vendor-engaged')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'user-notice')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'named-owner-database')?.status).toBe('missed');
    expect(finding(report, 'acknowledge-priority')).toMatchObject({ status: 'late', points: 1 });
    expect(finding(report, 'take-command')).toMatchObject({ status: 'late', points: 2 });
    expect(finding(report, 'exec-notice')?.met).toBe(false);
    expect(finding(report, 'can-report')?.status).toBe('partial');
    expect(report.can?.missed).toEqual(expect.arrayContaining(['month-end', 'release-cause']));
  });

  it('puts the strong journey above every other, and the weak one above doing nothing', () => {
    const percent = (name: string) => grade(scenario, playbook, journey(name)).total.percent;
    const strong = percent('strong');
    for (const other of ['premature', 'fix-forward', 'weak', 'do-nothing']) expect(percent(other)).toBeLessThan(strong);
    expect(percent('weak')).toBeGreaterThan(percent('do-nothing'));
  });

  it('takes the premature all-clear off validation, and nothing else', () => {
    const report = grade(scenario, playbook, journey('premature'));
    expect(report.findings.filter((f) => !f.met).map((f) => f.id).sort()).toEqual(['resolve-after-confirmation', 'validate-with-users']);
  });
});

describe(`${ID}: the do-nothing path`, () => {
  const state = run(logOf([]));

  it('follows the seed: scope widens, the change manager dials in himself, the director hears it elsewhere', () => {
    for (const beat of ['scope-enterprise', 'month-end-deadline', 'storage-latency-vendor', 'change-mgr-self-joins', 'release-revealed', 'rollback-decision-needed', 'leadership-asking', 'director-heard-elsewhere']) {
      expect(sources(state)).toContain(beat);
    }
    expect(compiled.clock.format(state.fired['change-mgr-self-joins'] ?? 0)).toBe('09:27:00');
  });

  it('never recovers and ends in the failure ending', () => {
    expect(state.vars['service-recovered']).toBe(false);
    expect(state.ending).toBe('slow-recovery-in-the-dark');
    expect(scenario.endings.find((e) => e.id === state.ending)?.outcome).toBe('failure');
    expect(earnedOnlyByAvoiding(grade(scenario, playbook, logOf([])))).toBe(true);
  });
});

describe(`${ID}: each decision changes what happens`, () => {
  it('roll back: the service recovers fifteen minutes after the go', () => {
    const state = run(logOf([...strongBefore('09:17:10'), { at: '09:17:10', type: 'decide', decision: 'rollback-release', choice: 'roll-back' }]));
    expect(compiled.clock.format(state.fired['performance-normal'] ?? -1)).toBe('09:32:10');
    expect(sources(state)).not.toContain('hotfix-planned');
  });

  it('keep diagnosing with the vendor: a patch forward, restored about half an hour later', () => {
    const state = run(journey('fix-forward'));
    expect(sources(state)).toContain('hotfix-planned');
    expect(state.fired['vendor-finds-query']).toBeDefined();
    const recovered = state.fired['performance-normal'] ?? -1;
    expect(recovered).toBeGreaterThan(compiled.clock.toOffset('09:45:00') ?? 0);
    expect(state.ending).toBe('restored-the-long-way');
  });

  it('keep diagnosing without the vendor: the cause is found too late to restore inside the window', () => {
    const state = run(journey('weak'));
    expect(sources(state)).toContain('app-lead-finds-query');
    expect(state.fired['vendor-finds-query']).toBeUndefined();
    expect(state.fired['performance-normal']).toBeUndefined();
    expect(spokenBy(state, 'dba')).toContain("OK. I'll keep digging, but I'm blind below the database layer.");
    expect(state.ending).toBe('still-slow');
  });

  it('engaging the vendor brings their engineer on and confirms the root cause; keeping it in-house does not', () => {
    const before = strongBefore('09:19:20');
    const engaged = run(logOf([...before, { at: '09:19:20', type: 'decide', decision: 'vendor-support', choice: 'engage-vendor' }]));
    const inHouse = run(logOf([...before, { at: '09:19:20', type: 'decide', decision: 'vendor-support', choice: 'in-house' }]));
    expect(engaged.participants['vendor-engineer']?.present).toBe(true);
    expect(engaged.vars['root-cause-confirmed']).toBe(true);
    expect(inHouse.participants['vendor-engineer']?.present).toBe(false);
    expect(inHouse.vars['root-cause-confirmed']).toBe(false);
    expect(sources(inHouse)).not.toContain('vendor-finds-query');
  });

  it('escalating to the vendor directly counts like engaging them through the decision', () => {
    const before = strongBefore('09:19:20');
    const state = run(logOf([...before, { at: '09:19:30', type: 'escalate', to: 'vendor' }]));
    expect(state.participants['vendor-engineer']?.present).toBe(true);
    expect(finding(grade(scenario, playbook, logOf([...before, { at: '09:19:30', type: 'escalate', to: 'vendor' }])), 'vendor-engaged')?.status).toBe('on-time');
  });

  it('validating first surfaces the Glasgow caching problem before the all-clear; declaring now reopens the tickets', () => {
    const validated = run(journey('strong'));
    const premature = run(journey('premature'));
    expect(validated.vars['users-confirmed']).toBe(true);
    expect(validated.vars['reopened']).toBe(false);
    expect(spokenBy(validated, 'service-desk').some((line) => line.includes('Glasgow'))).toBe(true);
    expect(premature.vars['reopened']).toBe(true);
    expect(premature.transcript.some((entry) => entry.kind === 'report' && entry.title === 'Calls after the all-clear')).toBe(true);
    expect(premature.fired['users-confirm-normal']).toBeUndefined();
    expect(premature.ending).toBe('all-clear-too-early');
  });

  it('paging the change manager early brings the release to light before he would have dialled in', () => {
    const paged = run(journey('strong'));
    const unpaged = run(logOf([]));
    expect(paged.fired['release-revealed']).toBeLessThan(unpaged.fired['release-revealed'] ?? 0);
    expect(compiled.clock.format(paged.fired['release-revealed'] ?? 0)).toBe('09:16:00');
  });

  it('the app lead argues for a P2 only while the incident is not a P1', () => {
    const p1Early = run(logOf([{ at: '09:14:10', type: 'set-priority', level: 'P1' }]));
    expect(sources(p1Early)).not.toContain('keep-it-p2');
    expect(sources(run(logOf([])))).toContain('keep-it-p2');
  });
});
