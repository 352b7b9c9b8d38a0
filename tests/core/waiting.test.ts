import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/actions/action.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { waitingOnYou } from '../../src/core/session/waiting.ts';
import { loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const compiled = compileScenario(scenario, playbook);

/** The waiting list at `until`, after the trainee's actions. */
function waitingAt(until: string, actions: Action[] = []) {
  const session = new Session(compiled);
  for (const action of actions) {
    session.advanceTo(compiled.clock.offsetOf(action.at));
    const { at: _at, ...intent } = action;
    session.submit(intent);
  }
  session.advanceTo(compiled.clock.offsetOf(until));
  return waitingOnYou(session.state, compiled);
}

describe('waiting on you', () => {
  it('lists a request made on the call, with who asked and since when, until it is answered', () => {
    const waiting = waitingAt('03:07:00');
    const notifications = waiting.find((item) => item.kind === 'request' && /proper notifications/.test(item.what));
    expect(notifications?.who).toBe('customer-service');
    expect(compiled.clock.format(notifications!.since!)).toBe('03:06:10');
    const answered = waitingAt('03:07:00', [{ at: '03:06:30', type: 'notify', audience: 'customers', channel: 'email', message: 'Customers cannot log in; we are on it.' }]);
    expect(answered.some((item) => /proper notifications/.test(item.what))).toBe(false);
  });

  it('keeps one row per request, showing the latest words and the first time it was asked', () => {
    const waiting = waitingAt('03:14:00');
    const customerNotice = waiting.filter((item) => item.who === 'customer-service' && item.kind === 'request' && item.id.includes('notif'));
    expect(customerNotice).toHaveLength(1);
    expect(customerNotice[0]?.what).toMatch(/still haven't gone out/);
    expect(compiled.clock.format(customerNotice[0]!.since!)).toBe('03:06:10');
    expect(customerNotice[0]?.alert).toBe(true);
  });

  it('lists a decision put to the trainee until it is answered, longest-waiting first', () => {
    const waiting = waitingAt('02:49:00');
    const rollback = waiting.find((item) => item.id === 'decision:release-rollback');
    expect(rollback?.what).toMatch(/Roll back/);
    expect(compiled.clock.format(rollback!.since!)).toBe('02:48:30');
    const sinces = waiting.map((item) => item.since ?? Infinity);
    expect(sinces).toEqual([...sinces].sort((a, b) => a - b));
    expect(waitingAt('02:49:30', [{ at: '02:49:00', type: 'decide', decision: 'release-rollback', choice: 'roll-back' }]).some((item) => item.id === 'decision:release-rollback')).toBe(false);
  });

  it('shows someone talking on a line the trainee muted, until it is opened again', () => {
    const muted = waitingAt('02:48:40', [{ at: '02:46:02', type: 'mute', participant: 'pete' }]);
    expect(muted.find((item) => item.kind === 'muted')?.who).toBe('pete');
    const reopened = waitingAt('02:48:40', [
      { at: '02:46:02', type: 'mute', participant: 'pete' },
      { at: '02:48:35', type: 'unmute', participant: 'pete' },
    ]);
    expect(reopened.some((item) => item.kind === 'muted')).toBe(false);
  });
});
