import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { finding, scenarioHarness, earnedOnlyByAvoiding } from './harness.ts';

const ID = 'freshdesk-hosting-outage';

const { scenario, playbook, compiled, journey, checked, diagnostics } = scenarioHarness(ID);

const logOf = (actions: readonly Action[]): ActionLog => checked({ scenario: ID, playbook: playbook.id, actions });
const run = (log: ActionLog): SimState => Session.replay(compiled, log).state;
const firedAt = (state: SimState, id: string): string | null => {
  const at = state.fired[id];
  return at === undefined ? null : compiled.clock.format(at);
};

/** The strong journey's actions, with `change` applied to each (return null to drop an action). */
function strongWith(change: (action: Action) => Action | null): ActionLog {
  return logOf(journey('strong').actions.flatMap((action) => {
    const changed = change(action);
    return changed ? [changed] : [];
  }));
}

const choose = (decision: string, choice: string) => (action: Action): Action =>
  action.type === 'decide' && action.decision === decision ? { ...action, choice } : action;

describe(`${ID}: the scenario itself`, () => {
  it('loads with no diagnostics and is graded against the Freshdesk/Teams playbook', () => {
    expect(diagnostics).toEqual([]);
    expect(playbook.id).toBe('freshdesk-teams');
    expect(scenario.difficulty).toBe('intermediate');
  });

  it('has a rubric worth 100 points, each expectation tied to a rule of its playbook', () => {
    expect(resolveRubric(scenario, playbook).expectations.reduce((sum, item) => sum + item.points, 0)).toBe(100);
    const rules = new Set(playbook.rules.map((rule) => rule.id));
    for (const item of resolveRubric(scenario, playbook).expectations) expect(rules.has(item.rule), item.id).toBe(true);
  });

  it('grades the hourly high-impact cadence the playbook sets', () => {
    const cadence = resolveRubric(scenario, playbook).expectations.find((item) => item.id === 'hourly-updates');
    const highImpact = playbook.levels.find((level) => level.id === 'high-impact');
    expect(cadence?.kind).toBe('cadence');
    expect(cadence && cadence.kind === 'cadence' ? cadence.every : null).toBe('01:00:00');
    expect(highImpact?.updateEveryMinutes).toBe(60);
  });

  it('has at least three decision points, a cast of 5 to 10 and a fallback ending', () => {
    expect(scenario.decisions?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(scenario.cast.length).toBeGreaterThanOrEqual(5);
    expect(scenario.cast.length).toBeLessThanOrEqual(10);
    expect(scenario.endings.filter((ending) => ending.when === undefined).map((ending) => ending.id)).toEqual(['client-escalates']);
  });

  it('keeps every spoken line short enough to read as a caption', () => {
    const spoken = [
      ...scenario.timeline,
      ...(scenario.reactions ?? []).flatMap((reaction) => reaction.do),
      ...(scenario.branches ?? []).flatMap((branch) => branch.do),
      ...(scenario.decisions ?? []).flatMap((decision) => decision.options.flatMap((option) => option.do ?? [])),
    ].flatMap((effect) => (effect.type === 'say' ? [effect.text] : []));
    expect(spoken.length).toBeGreaterThan(40);
    for (const text of spoken) expect(text.split(/\s+/).length, text).toBeLessThanOrEqual(30);
  });
});

describe(`${ID}: golden journeys`, () => {
  it('gives the strong journey every point, every CAN fact and the success ending', () => {
    const report = grade(scenario, playbook, journey('strong'));
    expect(report.total).toEqual({ points: 100, max: 100, percent: 100 });
    expect(report.findings.filter((f) => !f.met).map((f) => f.id)).toEqual([]);
    expect(report.can?.missed).toEqual([]);
    expect(report.can?.found).toEqual(expect.arrayContaining(['root-cause', 'failed-over', 'allow-list', 'review-meeting']));
    expect(report.ending).toEqual({ id: 'client-kept-informed', title: 'Client kept informed, report delivered', outcome: 'success' });
    expect(finding(report, 'hourly-updates')?.observed).toContain('2 of 2 period(s)');
  });

  it('costs the weak journey the findings it earned by its choices', () => {
    const report = grade(scenario, playbook, journey('weak'));
    const statuses = Object.fromEntries(report.findings.map((f) => [f.id, f.status]));
    expect(statuses).toMatchObject({
      'alert-support-team': 'missed',
      'initial-notification': 'missed',
      'hourly-updates': 'partial',
      'two-hourly-owner': 'missed',
      'assign-ticket': 'missed',
      'test-the-fix': 'missed',
      'close-after-confirmation': 'missed',
      'report-from-account-owner': 'missed',
      'high-impact': 'late',
      'teams-call': 'missed',
      'bring-in-vendor': 'late',
      'approve-failover': 'late',
    });
    expect(finding(report, 'high-impact')).toMatchObject({ points: 4, due: '09:32:00', at: '09:40:00' });
    expect(finding(report, 'teams-call')).toMatchObject({ points: 0, at: '10:30:00' });
    expect(finding(report, 'hourly-updates')).toMatchObject({ points: 4, max: 8 });
    expect(report.can?.missed).toEqual(expect.arrayContaining(['root-cause', 'payments-impact', 'review-meeting']));
  });

  it('leaves the do-nothing path with no points, a lower-impact anomaly ticket and an escalating client', () => {
    const state = run(logOf([]));
    const report = grade(scenario, playbook, logOf([]));
    expect(earnedOnlyByAvoiding(report)).toBe(true);
    expect(report.ending?.id).toBe('client-escalates');
    expect(state.level).toBe('low-impact');
    expect(state.classification).toBe('performance-degradation');
    expect(state.vars['client-escalated']).toBe(true);
    expect(firedAt(state, 'client-escalates-hour-1')).toBe('10:20:00');
    expect(firedAt(state, 'platform-restores-portal')).toBe('12:00:01');
  });
});

describe(`${ID}: every decision point changes what happens`, () => {
  const strong = run(journey('strong'));

  it('the Teams call: kept in the ticket, Microsoft answers in writing and the failover offer comes half an hour later', () => {
    const inTicket = run(strongWith((action) => (action.type === 'open-bridge' ? null : action)));
    expect(firedAt(strong, 'failover-offer')).toBe('10:40:00');
    expect(firedAt(strong, 'microsoft-case-only')).toBeNull();
    expect(firedAt(inTicket, 'microsoft-case-only')).toBe('09:23:30');
    expect(firedAt(inTicket, 'failover-offer')).toBeNull();
    expect(firedAt(inTicket, 'failover-offer-in-case')).toBe('11:10:00');
    expect(inTicket.participants['microsoft-engineer']?.present).toBe(false);
    expect(strong.participants['microsoft-engineer']).toMatchObject({ present: true, bridge: 'teams-call' });
  });

  it('the failover: approving it restores the portal at 11:16, waiting leaves Kestrel down until noon and costs trust', () => {
    const beforeEleven = (action: Action) => (action.at < '11:00:00' ? choose('failover', 'wait-for-platform')(action) : null);
    const waited = run(strongWith(beforeEleven));
    expect(firedAt(strong, 'fix-question')).toBe('11:16:30');
    expect(firedAt(waited, 'fix-question')).toBe('12:00:01');
    expect(firedAt(waited, 'client-questions-wait')).toBe('11:20:00');
    expect(waited.vars['trust-lost']).toBe(true);
    const report = grade(scenario, playbook, journey('patient'));
    expect(finding(report, 'approve-failover')?.status).toBe('missed');
    expect(report.ending?.id).toBe('restored-loose-ends');
  });

  it('the end-to-end test: with no vendor on the call, testing finds the payment failure before Kestrel does', () => {
    const noVendor = (action: Action) => (action.type === 'escalate' && action.to === 'vendors' ? null : action);
    const tested = run(strongWith(noVendor));
    const announced = run(strongWith((action) => noVendor(choose('verify-fix', 'announce-now')(action) ?? action)));
    expect(tested.vars['payments-were-broken']).toBe(true);
    expect(firedAt(tested, 'test-finds-payments')).not.toBeNull();
    expect(firedAt(tested, 'client-finds-payments')).toBeNull();
    expect(firedAt(announced, 'client-finds-payments')).not.toBeNull();
    expect(announced.vars['trust-lost']).toBe(true);
    expect(firedAt(strong, 'payments-break')).toBeNull();
    expect(firedAt(strong, 'test-passes')).toBe('11:17:10');
  });

  it('the status owner: the Product Head leaves Kestrel without its two-hourly status', () => {
    const log = strongWith(choose('comms-owner', 'product-head'));
    const state = run(log);
    expect(firedAt(strong, 'owner-status-sent')).toBe('11:16:00');
    expect(firedAt(strong, 'owner-status-missed')).toBeNull();
    expect(firedAt(state, 'owner-status-missed')).toBe('11:16:00');
    expect(firedAt(state, 'owner-status-sent')).toBeNull();
    expect(state.transcript.some((entry) => entry.title === 'Graham: not mine')).toBe(true);
    const report = grade(scenario, playbook, log);
    expect(finding(report, 'two-hourly-owner')?.status).toBe('missed');
    expect(report.ending?.id).toBe('restored-loose-ends');
  });

  it('closing: before Kestrel confirms, the ticket ends closed too soon', () => {
    const early = strongWith((action) => (action.type === 'close' ? { ...action, at: '11:35:00' } : action));
    const report = grade(scenario, playbook, early);
    expect(report.ending?.id).toBe('closed-too-soon');
    expect(finding(report, 'close-after-confirmation')?.status).toBe('missed');
    const closedEarly = run(early);
    expect(firedAt(closedEarly, 'stability-watch')).toBe('11:17:10');
    expect(closedEarly.vars['client-confirmed']).toBe(false);
    expect(strong.vars['client-confirmed']).toBe(true);
  });

  it("the priority: setting high impact before Graham's suggestion keeps his lower-impact tag off the ticket", () => {
    const early = run(logOf([{ at: '09:11:00', type: 'set-priority', level: 'high-impact' }]));
    expect(firedAt(early, 'graham-sets-low')).toBeNull();
    expect(early.level).toBe('high-impact');
    expect(firedAt(strong, 'graham-sets-low')).toBe('09:11:20');
    expect(firedAt(strong, 'marek-pushes-back')).toBeNull();
  });
});
