import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import type { Effect } from '../../src/core/scenario/schema.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { slug } from '../../src/core/text/slug.ts';
import { finding, scenarioHarness, earnedOnlyByAvoiding } from './harness.ts';

const ID = 'mit-sev1-urgent-response';

const { scenario, playbook, compiled, journey, checked } = scenarioHarness(ID);

const logOf = (actions: Action[]): ActionLog => checked({ scenario: ID, actions });
const run = (log: ActionLog): SimState => Session.replay(compiled, log).state;
const fired = (state: SimState, id: string): boolean => state.fired[id] !== undefined;
const spokenBy = (state: SimState, speaker: string): string[] =>
  state.transcript.filter((entry) => entry.kind === 'say' && entry.speaker === speaker).map((entry) => entry.text);

const strongActions = (): Action[] => journey('strong').actions;
/** The strong journey with each action passed through `change`; returning null drops the action. */
const strongWith = (change: (action: Action) => Action | null): ActionLog =>
  logOf(strongActions().flatMap((action) => {
    const changed = change(action);
    return changed === null ? [] : [changed];
  }));
const choosing = (decision: string, choice: string) => (action: Action): Action =>
  action.type === 'decide' && action.decision === decision ? { ...action, choice } : action;

function allEffects(): Effect[] {
  return [
    ...scenario.timeline,
    ...(scenario.reactions ?? []).flatMap((reaction) => reaction.do),
    ...(scenario.branches ?? []).flatMap((branch) => branch.do),
    ...(scenario.decisions ?? []).flatMap((decision) => decision.options.flatMap((option) => option.do ?? [])),
  ];
}

describe(`${ID}: the scenario itself`, () => {
  it('has a rubric worth 100 points, each expectation tied to a rule of the MIT playbook', () => {
    expect(scenario.playbook).toBe('mit-ist-problem-response');
    expect(resolveRubric(scenario, playbook).expectations.reduce((sum, item) => sum + item.points, 0)).toBe(100);
    const rules = new Set(playbook.rules.map((rule) => rule.id));
    for (const item of resolveRubric(scenario, playbook).expectations) expect(rules.has(item.rule), item.id).toBe(true);
  });

  it('grades the seed urgent-response steps: senior staff, the owner call, 3Down, validation and the hand-off', () => {
    const rulesUsed = new Set(resolveRubric(scenario, playbook).expectations.map((item) => item.rule));
    for (const rule of ['senior-staff-contact', 'business-owner-call', 'status-page-updates', 'validate-before-close', 'hand-off-bug', 'urgent-or-hand-off', 'resolution-notice']) {
      expect(rulesUsed.has(rule), rule).toBe(true);
    }
  });

  it('has three decision points, a cast of 5 to 10 and a fallback ending', () => {
    expect(scenario.decisions?.map((decision) => decision.id)).toEqual(['restore-approach', 'business-owner-call', 'urgent-or-hand-off']);
    expect(scenario.cast.length).toBeGreaterThanOrEqual(5);
    expect(scenario.cast.length).toBeLessThanOrEqual(10);
    expect(scenario.endings.filter((ending) => ending.when === undefined).map((ending) => ending.id)).toEqual(['still-down']);
    expect(new Set(scenario.endings.map((ending) => ending.outcome))).toEqual(new Set(['success', 'partial', 'failure']));
  });

  it('keeps every spoken line under 30 words', () => {
    const lines = allEffects().flatMap((effect) => (effect.type === 'say' ? [effect.text] : []));
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) expect(line.split(/\s+/).length, line).toBeLessThan(30);
  });

  it("lets the HUD's team hand-off reach the developers: their team's id is the lead developer's id", () => {
    const developer = scenario.cast.find((person) => person.id === 'app-dev');
    expect(developer && slug(developer.team)).toBe('app-dev');
  });
});

describe(`${ID}: golden journeys`, () => {
  it('gives the strong service owner every finding on time and every close-out fact', () => {
    const report = grade(scenario, playbook, journey('strong'));
    expect(report.findings.filter((f) => !f.met).map((f) => f.id)).toEqual([]);
    expect(report.can?.missed).toEqual([]);
    expect(report.can?.found).toEqual(expect.arrayContaining(['outage', 'cause', 'workaround', 'validated', 'handed-off', 'permanent-fix']));
  });

  it('costs the weak service owner the severity, senior staff, the owner call and the close', () => {
    const report = grade(scenario, playbook, journey('weak'));
    for (const id of ['sev1-on-impact', 'classify-urgent', 'status-page', 'senior-staff', 'owner-conference', 'root-cause-task', 'ask-business-validation', 'close-after-validation', 'hand-off-bug', 'close-out']) {
      expect(finding(report, id)?.status, id).toBe('missed');
    }
    expect(finding(report, 'take-the-lead')).toMatchObject({ status: 'late', points: 2, at: '08:05:30' });
    expect(finding(report, 'hdnotify')).toMatchObject({ status: 'late', points: 3, due: '08:10:00' });
    expect(finding(report, 'close-after-validation')?.message).toContain('closed before the Registrar');
  });

  it('holds the team in urgent mode when the owner chooses to stay urgent, and the grade says so', () => {
    const report = grade(scenario, playbook, journey('held'));
    expect(finding(report, 'choose-hand-off')?.status).toBe('missed');
    expect(finding(report, 'hand-off-bug')?.status).toBe('missed');
    expect(finding(report, 'owner-conference')).toMatchObject({ status: 'late', points: 3 });
    expect(fired(run(journey('held')), 'team-held')).toBe(true);
  });
});

describe(`${ID}: what the trainee does changes what happens`, () => {
  it('doing nothing leaves registration down, lets the DBA act alone, and scores nothing', () => {
    const empty = logOf([]);
    const state = run(empty);
    expect(state.ending).toBe('still-down');
    expect(state.vars['restored']).toBe(false);
    for (const id of ['dba-restarts-alone', 'db-restart-fallout', 'cause-found-unasked', 'senior-staff-question', 'registrar-calls-in']) expect(fired(state, id), id).toBe(true);
    expect(earnedOnlyByAvoiding(grade(scenario, playbook, empty))).toBe(true);
  });

  it('taking the lead before 08:04 stops the database restart from the car', () => {
    const led = run(strongWith((action) => action));
    expect(fired(led, 'dba-restarts-alone')).toBe(false);
    expect(spokenBy(led, 'dba')).toContain("Understood. I'll keep my hands off the database until you say so.");
    const late = run(logOf([{ at: '08:05:00', type: 'announce-role' }]));
    expect(fired(late, 'dba-restarts-alone')).toBe(true);
    expect(fired(late, 'dba-stands-down')).toBe(false);
  });

  it('a time-boxed root-cause task finds the cause at 08:08:40 instead of 08:22 by chance', () => {
    const strong = run(journey('strong'));
    expect(strong.fired['cause-task-dev']).toBeDefined();
    expect(fired(strong, 'cause-found-unasked')).toBe(false);
    expect(compiled.clock.format(strong.transcript.find((entry) => entry.title === 'Root cause found')?.at ?? -1)).toBe('08:08:40');
    const unasked = run(logOf([]));
    expect(compiled.clock.format(unasked.transcript.find((entry) => entry.title === 'Root cause found')?.at ?? -1)).toBe('08:22:00');
  });

  it('Severity 2 on a completely disrupted service is challenged and loses the severity points', () => {
    const log = strongWith((action) => (action.type === 'set-priority' ? { ...action, level: 'SEV2' } : action));
    const state = run(log);
    expect(fired(state, 'sev2-challenged')).toBe(true);
    expect(fired(state, 'sev1-agreed')).toBe(false);
    expect(fired(state, 'severity-still-open')).toBe(true);
    expect(finding(grade(scenario, playbook, log), 'sev1-on-impact')?.status).toBe('missed');
  });

  it('decision 1: switching the waitlist job off restores registration; holding out for a code fix leaves it down', () => {
    const workaround = run(journey('strong'));
    expect(fired(workaround, 'registration-restored')).toBe(true);
    const fixInPlace = logOf(strongActions().filter((action) => action.at < '08:19:00').map(choosing('restore-approach', 'fix-in-place')));
    const state = run(fixInPlace);
    expect(fired(state, 'registration-restored')).toBe(false);
    expect(spokenBy(state, 'ops-lead').some((line) => line.includes('extended outage'))).toBe(true);
    expect(fired(state, 'director-wants-plan')).toBe(true);
    const report = grade(scenario, playbook, fixInPlace);
    expect(report.ending?.id).toBe('still-down');
    expect(report.passed).toBe(false);
  });

  it('decision 2: conferencing the registrar in now meets the owner call; waiting for a fix makes it late', () => {
    const now = run(journey('strong'));
    expect(compiled.clock.format(now.transcript.find((entry) => entry.kind === 'join' && entry.speaker === 'business-owner')?.at ?? -1)).toBe('08:11:00');
    const waitLog = strongWith(choosing('business-owner-call', 'after-fix'));
    const wait = run(waitLog);
    expect(fired(wait, 'registrar-after-fix')).toBe(true);
    expect(spokenBy(wait, 'senior-director')).toContain("Your call. They'll hear it from students before they hear it from us.");
    expect(finding(grade(scenario, playbook, waitLog), 'owner-conference')).toMatchObject({ status: 'late', points: 3 });
    expect(finding(grade(scenario, playbook, journey('strong')), 'owner-conference')).toMatchObject({ status: 'on-time', points: 7 });
  });

  it('decision 3: staying urgent keeps the team on the call and changes the ending', () => {
    const stay = strongWith(choosing('urgent-or-hand-off', 'stay-urgent'));
    const state = run(stay);
    expect(fired(state, 'team-held')).toBe(true);
    expect(fired(state, 'schedules-move')).toBe(true);
    const report = grade(scenario, playbook, stay);
    expect(report.ending?.id).toBe('held-in-urgent-mode');
    expect(finding(report, 'choose-hand-off')?.status).toBe('missed');
    expect(fired(run(journey('strong')), 'team-held')).toBe(false);
  });

  it('closing before the registrar validates reopens the problem and fails the close', () => {
    const early = strongWith((action) => (action.type === 'close' ? null : action));
    early.actions.splice(early.actions.findIndex((action) => action.at >= '08:20:00'), 0, { at: '08:20:00', type: 'close' });
    const state = run(early);
    expect(fired(state, 'closed-too-early')).toBe(true);
    expect(state.phase).toBe('reopened');
    const report = grade(scenario, playbook, early);
    expect(report.ending?.id).toBe('closed-too-early');
    expect(finding(report, 'close-after-validation')?.status).toBe('missed');
  });

  it('asking the registrar to validate before the service is back earns a rebuff, not a validation', () => {
    const tooSoon = logOf([
      { at: '08:07:00', type: 'page', participant: 'business-owner' },
      { at: '08:10:00', type: 'assign', participant: 'business-owner', task: 'Please validate registration for us.' },
    ]);
    const state = run(tooSoon);
    expect(fired(state, 'validation-too-soon')).toBe(true);
    expect(state.vars['business-validated']).toBe(false);
  });

  it('hands the bug off only to the developers who own it, by person, team or process', () => {
    const toTarget = (to: string) => strongWith((action) => (action.type === 'hand-off' ? { ...action, to } : action));
    for (const to of ['app-dev', 'hand-off']) {
      const report = grade(scenario, playbook, toTarget(to));
      expect(finding(report, 'hand-off-bug')?.status, to).toBe('on-time');
      expect(report.ending?.id, to).toBe('validated-and-handed-off');
    }
    const wrong = toTarget('network');
    const state = run(wrong);
    expect(fired(state, 'hand-off-wrong-team')).toBe(true);
    expect(state.vars['handed-off']).toBe(false);
    const report = grade(scenario, playbook, wrong);
    expect(finding(report, 'hand-off-bug')?.status).toBe('missed');
    expect(report.ending?.id).toBe('restored-loose-ends');
  });

  it('wants the resolution both emailed to the recipient list and on 3Down: one 3Down post is not both', () => {
    const isResolutionEmail = (action: Action) => action.type === 'notify' && action.channel === 'email' && action.message.startsWith('Resolved');
    const threeDownOnly = strongWith((action) => (isResolutionEmail(action) ? null : action));
    expect(threeDownOnly.actions.length).toBe(strongActions().length - 1);
    expect(finding(grade(scenario, playbook, threeDownOnly), 'resolution-notice')?.status).toBe('missed');
  });

  it('expects the process slip in the close-out only when the database was restarted without direction', () => {
    const slipFact = (log: ActionLog) => {
      const report = grade(scenario, playbook, log);
      return report.can?.facts.some((fact) => fact.id === 'process-slip');
    };
    expect(slipFact(journey('strong'))).toBe(false);
    const lateLead = strongActions().map((action) => (action.type === 'announce-role' ? { ...action, at: '08:05:00' } : action));
    expect(slipFact(logOf(lateLead.sort((a, b) => a.at.localeCompare(b.at))))).toBe(true);
  });
});
