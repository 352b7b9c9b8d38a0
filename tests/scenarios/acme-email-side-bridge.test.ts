import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { loadScenario } from '../../src/core/load.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { bundledPlaybooks, readRepoText } from '../helpers.ts';
import { decide, finding, scenarioHarness, earnedOnlyByAvoiding } from './harness.ts';

const ID = 'acme-email-side-bridge';

const { scenario, playbook, compiled, journey, diagnostics } = scenarioHarness(ID);

const logOf = (actions: Action[]): ActionLog => ({ scenario: ID, actions });
const run = (actions: Action[]): SimState => Session.replay(compiled, logOf(actions)).state;
const fired = (state: SimState, id: string): boolean => state.fired[id] !== undefined;
const linesOf = (state: SimState, speaker: string): string[] =>
  state.transcript.filter((entry) => entry.kind === 'say' && entry.speaker === speaker).map((entry) => entry.text);

describe(`${ID}: the scenario itself`, () => {
  it('loads with no diagnostics at all', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has a rubric worth 100 points, each expectation tied to a rule of its playbook', () => {
    expect(resolveRubric(scenario, playbook).expectations.reduce((sum, item) => sum + item.points, 0)).toBe(100);
    const rules = new Set(playbook.rules.map((rule) => rule.id));
    for (const item of resolveRubric(scenario, playbook).expectations) expect(rules.has(item.rule), item.id).toBe(true);
    expect(resolveRubric(scenario, playbook).expectations.some((item) => item.rule === 'related-or-separate')).toBe(true);
  });

  it('reuses the Acme cast for the people of the seed thread', () => {
    const acme = loadScenario(readRepoText('scenarios/acme-chemical.json'), bundledPlaybooks()).value;
    const acmeNames = new Map(acme?.cast.map((person) => [person.id, person.name]));
    for (const id of ['email-sme', 'bill', 'pete', 'network-sme', 'senior-executive']) {
      expect(scenario.cast.find((person) => person.id === id)?.name, id).toBe(acmeNames.get(id));
    }
  });

  it('has at least three decision points, a fallback ending, and a success, a partial and a failure', () => {
    expect(scenario.decisions?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(scenario.endings.filter((ending) => ending.when === undefined).map((ending) => ending.id)).toEqual(['tangled']);
    expect(new Set(scenario.endings.map((ending) => ending.outcome))).toEqual(new Set(['success', 'partial', 'failure']));
  });
});

describe(`${ID}: golden journeys`, () => {
  it('gives the strong incident manager every finding and every CAN fact', () => {
    const report = grade(scenario, playbook, journey('strong'));
    expect(report.findings.filter((f) => !f.met).map((f) => f.id)).toEqual([]);
    expect(report.can?.missed).toEqual([]);
    expect(report.can?.found).toEqual(expect.arrayContaining(['email-separate', 'email-not-release', 'side-bridge', 'mailbox-move-approval']));
  });

  it('costs the weak incident manager the e-mail calls, the side bridge, the owner and the executive', () => {
    const report = grade(scenario, playbook, journey('weak'));
    expect(finding(report, 'email-own-incident')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'email-priority-p3')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'email-side-bridge')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'email-owner')).toMatchObject({ status: 'missed', points: 0 });
    expect(finding(report, 'release-team-stays')).toMatchObject({ status: 'violated', points: 0 });
    expect(finding(report, 'senior-executive')?.status).toBe('missed');
    expect(finding(report, 'senior-executive')?.message).toContain('Bill');
    expect(finding(report, 'notice-not-by-email')?.status).toBe('missed');
    expect(finding(report, 'login-outage-p1')).toMatchObject({ status: 'late', points: 4 });
    expect(finding(report, 'call-bill')).toMatchObject({ status: 'late', points: 4 });
    expect(report.can?.missed).toEqual(expect.arrayContaining(['email-not-release', 'mailbox-move-approval']));
  });

  it('gives the late splitter late credit for the side bridge and the owner, and nothing for the escalations', () => {
    const report = grade(scenario, playbook, journey('late-split'));
    expect(finding(report, 'email-side-bridge')).toMatchObject({ status: 'late', points: 5 });
    expect(finding(report, 'email-owner')).toMatchObject({ status: 'late', points: 4 });
    expect(finding(report, 'email-own-incident')?.status).toBe('on-time');
    expect(finding(report, 'call-bill')?.status).toBe('missed');
    expect(finding(report, 'senior-executive')?.status).toBe('missed');
  });

  it('ranks strong above late-split above weak above doing nothing', () => {
    const totals = ['strong', 'late-split', 'weak'].map((name) => grade(scenario, playbook, journey(name)).total.percent);
    totals.push(grade(scenario, playbook, logOf([])).total.percent);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(totals).size).toBe(totals.length);
  });
});

describe(`${ID}: doing nothing`, () => {
  const report = grade(scenario, playbook, logOf([]));
  const state = run([]);

  it('reaches the failure ending with no points', () => {
    expect(report.ending).toMatchObject({ id: 'tangled', outcome: 'failure' });
    expect(earnedOnlyByAvoiding(report)).toBe(true);
  });

  it('plays out the seed: Pete goes looking for Bill, mail crowds the call, and Bill has to ask for the executive', () => {
    expect(fired(state, 'pete-goes-looking')).toBe(true);
    expect(fired(state, 'email-tangles-main')).toBe(true);
    expect(fired(state, 'bill-asks-for-executive')).toBe(true);
    expect(state.fired['bill-asks-for-executive']).toBe(compiled.clock.toOffset('03:29:12'));
    expect(fired(state, 'login-fix-late')).toBe(true);
    expect(fired(state, 'login-fix-on-time')).toBe(false);
    expect(fired(state, 'email-cause-found')).toBe(false);
  });
});

describe(`${ID}: every decision changes what happens`, () => {
  const announce: Action = { at: '03:17:10', type: 'announce-role' };
  const sideBridge: Action = { at: '03:19:40', type: 'open-bridge', bridge: 'email-bridge', purpose: 'technical' };

  it('same incident pulls the release engineer onto mail and delays the login fix; a second incident does not', () => {
    const same = run([announce, decide('03:19:30', 'email-scope', 'same-incident'), sideBridge, decide('03:19:55', 'find-bill', 'pete-stays')]);
    const second = run([announce, decide('03:19:30', 'email-scope', 'second-incident'), sideBridge, decide('03:19:55', 'find-bill', 'pete-stays')]);
    expect(linesOf(same, 'pete').some((line) => line.includes('have a look at the mail server'))).toBe(true);
    expect(linesOf(second, 'pete').some((line) => line.includes('have a look at the mail server'))).toBe(false);
    expect(same.vars['release-distracted']).toBe(true);
    expect(second.vars['release-distracted']).toBe(false);
    expect(fired(same, 'login-fix-late')).toBe(true);
    expect(fired(second, 'login-fix-on-time')).toBe(true);
  });

  it('the e-mail priority: a P1 pulls the network SME away, a P3 does not, and parking it lets the backlog grow', () => {
    const base = [announce, decide('03:19:30', 'email-scope', 'second-incident'), sideBridge, decide('03:19:55', 'find-bill', 'pete-stays')];
    const p1 = run([...base, decide('03:20:40', 'email-priority', 'p1-with-logins')]);
    const p3 = run([...base, decide('03:20:40', 'email-priority', 'p3-degradation')]);
    const parked = run([...base, decide('03:20:40', 'email-priority', 'park-it')]);
    expect(linesOf(p1, 'network-sme').some((line) => line.includes('look at the relays'))).toBe(true);
    expect(p1.vars['release-distracted']).toBe(true);
    expect(p3.vars['release-distracted']).toBe(false);
    expect(fired(parked, 'parked-mail-worsens')).toBe(true);
    expect(fired(p3, 'parked-mail-worsens')).toBe(false);
  });

  it('letting Pete hunt for Bill takes him off the bridge; keeping him there does not', () => {
    const goes = run([announce, decide('03:20:00', 'find-bill', 'pete-goes')]);
    const stays = run([announce, decide('03:20:00', 'find-bill', 'pete-stays')]);
    const peteLeft = (state: SimState) => state.transcript.some((entry) => entry.kind === 'leave' && entry.speaker === 'pete');
    expect(peteLeft(goes)).toBe(true);
    expect(peteLeft(stays)).toBe(false);
    expect(goes.vars['release-distracted']).toBe(true);
  });

  it('paging Bill before Pete offers means Pete never goes looking and the decision never opens', () => {
    const state = run([{ at: '03:19:40', type: 'page', participant: 'bill' }, decide('03:20:30', 'find-bill', 'pete-goes')]);
    expect(fired(state, 'pete-wants-bill')).toBe(false);
    expect(fired(state, 'pete-goes-looking')).toBe(false);
    expect(state.decisions['find-bill']).toBeUndefined();
    expect(state.transcript.some((entry) => entry.kind === 'leave' && entry.speaker === 'pete')).toBe(false);
    const billJoins = state.transcript.filter((entry) => entry.kind === 'join' && entry.speaker === 'bill').map((entry) => entry.at);
    expect(billJoins).toEqual([compiled.clock.toOffset('03:21:40')]);
  });

  it('the side bridge moves the e-mail SMEs off the main bridge and stops the cross-talk there', () => {
    const withBridge = run([announce, sideBridge, { at: '03:20:00', type: 'page', participant: 'bill' }]);
    const without = run([announce, { at: '03:20:00', type: 'page', participant: 'bill' }]);
    expect(withBridge.participants['email-sme']?.bridge).toBe('email-bridge');
    expect(withBridge.participants['bill']?.bridge).toBe('email-bridge');
    expect(without.participants['email-sme']?.bridge).toBe('main');
    expect(fired(withBridge, 'take-it-elsewhere')).toBe(false);
    expect(fired(without, 'take-it-elsewhere')).toBe(true);
    expect(fired(without, 'email-tangles-main')).toBe(true);
  });

  it('an owner plus Bill finds the cause; the mailbox move waits for a CAN report that asks for it', () => {
    const investigated: Action[] = [
      announce,
      sideBridge,
      { at: '03:20:00', type: 'page', participant: 'bill' },
      { at: '03:20:05', type: 'assign', participant: 'email-sme', task: 'Check mail server two', dueMinutes: 15 },
      { at: '03:21:00', type: 'escalate', to: 'leadership' },
    ];
    const asked = run([...investigated, { at: '03:28:00', type: 'can-report', conditions: 'Mail is delayed.', actions: 'Kevin owns it.', needs: 'Approval to move the mailboxes to server one.' }]);
    const notAsked = run([...investigated, { at: '03:28:00', type: 'can-report', conditions: 'Mail is delayed.', actions: 'Kevin owns it.', needs: 'None.' }]);
    const unowned = run([announce, sideBridge, { at: '03:20:00', type: 'page', participant: 'bill' }]);
    expect(fired(asked, 'email-cause-found')).toBe(true);
    expect(fired(unowned, 'email-cause-found')).toBe(false);
    expect(fired(asked, 'mail-catching-up')).toBe(true);
    expect(fired(notAsked, 'mail-catching-up')).toBe(false);
    expect(linesOf(notAsked, 'senior-executive').some((line) => line.includes("haven't asked me"))).toBe(true);
  });

  it('an e-mailed executive notice draws a warning that it will sit in the mail queue', () => {
    const notice = (channel: string): Action => ({ at: '03:22:00', type: 'notify', audience: 'executives', channel, message: 'P1 logins; mail delayed too.' });
    expect(linesOf(run([notice('email')]), 'email-sme').some((line) => line.includes('sit in the queue'))).toBe(true);
    expect(linesOf(run([notice('sms')]), 'email-sme').some((line) => line.includes('sit in the queue'))).toBe(false);
  });

  it('calling leadership early keeps Bill from having to ask, which the success ending requires', () => {
    const strong = journey('strong').actions;
    const withoutEscalation = strong.filter((action) => action.type !== 'escalate');
    const state = Session.replay(compiled, logOf(withoutEscalation)).state;
    expect(fired(state, 'bill-asks-for-executive')).toBe(true);
    expect(state.ending).toBe('split-too-late');
    expect(run(strong).ending).toBe('main-bridge-focused');
  });
});
