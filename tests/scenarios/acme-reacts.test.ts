import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/actions/action.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { loadAcme } from '../helpers.ts';

/** Acme answers what the trainee did: each case is a contradiction a playtest found. */
const { scenario, playbook } = loadAcme();
const compiled = compileScenario(scenario, playbook);
const run = (actions: Action[]): SimState => Session.replay(compiled, { scenario: scenario.id, actions }).state;
const heard = (state: SimState) => state.transcript.filter((entry) => entry.kind === 'say');
const heardFrom = (state: SimState, source: string) => heard(state).filter((entry) => entry.source === source);
const minutesOf = (state: SimState, from: string, to: string) =>
  heard(state).filter((entry) => entry.at >= compiled.clock.offsetOf(from) && entry.at < compiled.clock.offsetOf(to)).length;

const commandAt = (at: string): Action => ({ at, type: 'announce-role' });

describe('acme-chemical answers what the trainee did', () => {
  it('Pete reports the rollback once it was chosen, not that nobody has decided', () => {
    const state = run([
      { at: '02:49:00', type: 'decide', decision: 'release-rollback', choice: 'roll-back' },
      { at: '02:50:00', type: 'request-update', participant: 'pete' },
    ]);
    const asked = compiled.clock.offsetOf('02:50:00');
    const answers = heard(state).filter((entry) => entry.at === asked && entry.speaker === 'pete').map((entry) => entry.text);
    expect(answers).toEqual(['The rollback is running. Fifteen minutes from when you called it.']);
    expect(heard(state).some((entry) => /haven't decided whether to roll back/.test(entry.text))).toBe(false);
  });

  it('nobody asks whether the customer report is this incident once the trainee has said so', () => {
    const decided = run([{ at: '03:00:30', type: 'decide', decision: 'customer-issue-scope', choice: 'same-incident' }]);
    expect(heardFrom(decided, 'related-or-not')).toEqual([]);
    expect(heardFrom(run([]), 'related-or-not')).toHaveLength(1);
  });

  it('customer service moves to the business bridge she said she would take', () => {
    const state = run([{ at: '03:01:00', type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' }]);
    expect(state.participants['customer-service']?.bridge).toBe('customer-bridge');
  });

  it('the mail team really goes offline when sent to a side bridge', () => {
    const state = run([{ at: '03:19:30', type: 'decide', decision: 'email-scope', choice: 'side-bridge' }]);
    expect(state.participants['email-sme']?.present).toBe(false);
  });

  it('lets the trainee answer the release team\'s request to go offline, with a return time, and grades that as accounting for them', () => {
    const approved = run([commandAt('02:47:00'), { at: '02:52:40', type: 'decide', decision: 'release-offline', choice: 'approve' }]);
    const leaves = approved.transcript.filter((entry) => entry.kind === 'leave');
    expect(leaves.filter((entry) => entry.at < compiled.clock.offsetOf('02:57:00')).map((entry) => [entry.speaker, entry.announced])).toEqual([
      ['pete', true],
      ['release-engineer', true],
    ]);
    expect(approved.participants['pete']?.present).toBe(true);
    const approvedReport = grade(scenario, playbook, { scenario: scenario.id, actions: [commandAt('02:47:00'), { at: '02:52:40', type: 'decide', decision: 'release-offline', choice: 'approve' }] });
    expect(approvedReport.findings.find((finding) => finding.id === 'account-for-departures')?.status).toBe('on-time');

    const refused = run([commandAt('02:47:00'), { at: '02:52:40', type: 'decide', decision: 'release-offline', choice: 'refuse' }]);
    expect(refused.transcript.filter((entry) => entry.kind === 'leave' && entry.at < compiled.clock.offsetOf('02:57:00'))).toEqual([]);
    expect(heardFrom(refused, 'others-coming-back')).toEqual([]);
  });

  it('answers a roll call in character, the unknown caller included, never with his tile text', () => {
    const state = run([{ at: '02:47:00', type: 'roll-call' }]);
    const unknown = state.transcript.find((entry) => entry.source === 'roll-call' && entry.speaker === 'unidentified-sme');
    expect(unknown?.text).not.toContain('Never said who they are');
    expect(unknown?.text).not.toContain('Unidentified SME');
  });

  it('keeps talking through the middle of the incident whatever the trainee has done', () => {
    const strongish = run([
      commandAt('02:46:30'),
      { at: '02:46:40', type: 'mute', participant: 'noisy-sme' },
      { at: '03:01:00', type: 'set-priority', level: 'P1' },
      { at: '03:01:10', type: 'classify', as: 'service-disruption' },
      { at: '03:02:00', type: 'notify', audience: 'customers', channel: 'email', message: 'Customers cannot log in or place orders. Next update 03:30.' },
    ]);
    for (const [from, to] of [['03:04:00', '03:10:00'], ['03:10:00', '03:16:00'], ['03:16:00', '03:22:00']] as const) {
      expect(minutesOf(strongish, from, to), `lines heard ${from}-${to}`).toBeGreaterThanOrEqual(1);
    }
  });
});
