import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState } from '../../src/core/session/state.ts';
import { goldenLog, loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const compiled = compileScenario(scenario, playbook);
const run = (actions: Action[]) => Session.replay(compiled, { scenario: 'acme-chemical', actions });
const spoken = (state: SimState) => state.transcript.filter((e) => e.kind === 'say').map((e) => e.source);

describe('compile', () => {
  it('compiles every phase and ending, and sorts the beats by time', () => {
    expect([...compiled.phases.keys()]).toEqual(scenario.phases.map((p) => p.id));
    expect(compiled.endings.map((e) => e.ending.id)).toEqual(scenario.endings.map((e) => e.id));
    expect(compiled.beats.map((b) => b.atMs)).toEqual([...compiled.beats.map((b) => b.atMs)].sort((a, b) => a - b));
  });

  it('caches the compiled form per scenario and playbook', () => {
    expect(compileScenario(scenario, playbook)).toBe(compiled);
  });
});

describe('replay of the seed (nobody acts)', () => {
  const state = run([]).state;

  it('follows the seed timeline and ends with the bridge lost', () => {
    const sources = state.transcript.map((e) => e.source);
    for (const beat of ['network-asks-for-mute', 'hostname-fix-proposed', 'release-team-drops', 'customers-cannot-log-in', 'pete-ignores-p1', 'pete-keeps-degradation', 'email-sme-joins', 'bill-asks-for-executive']) {
      expect(sources).toContain(beat);
    }
    expect(state.ending).toBe('bridge-lost');
    expect(state.now).toBe(compiled.clock.lengthMs);
  });

  it('lets the executive join only after Bill asks, then asks for a CAN report', () => {
    const bill = state.fired['bill-asks-for-executive'] ?? -1;
    const joined = state.transcript.find((e) => e.kind === 'join' && e.speaker === 'senior-executive');
    expect(joined?.at).toBeGreaterThan(bill);
    expect(state.fired['executive-asks-for-can']).toBe(joined?.at);
    expect(compiled.clock.format(state.fired['executive-asks-for-can'] ?? 0) >= '03:29:11').toBe(true);
  });

  it('escalates customers when nobody tells them', () => {
    expect(state.vars['customer-escalations']).toBe(2);
  });

  it('leaves the incident a performance degradation, as Pete decides at 03:13', () => {
    expect(state.classification).toBe('performance-degradation');
    expect(state.level).toBeNull();
  });

  it('leaves only two SMEs on the bridge after the release team drops', () => {
    const at = compiled.clock.toOffset('02:53:30') ?? 0;
    const simulation = new Session(compiled);
    simulation.advanceTo(at);
    const present = Object.entries(simulation.state.participants).filter(([, p]) => p.present).map(([id]) => id);
    expect(present).toEqual(['network-sme', 'db-engineer']);
  });
});

describe('the trainee changes what follows', () => {
  it('a muted line stops the noise and the complaints about it', () => {
    const state = run([{ at: '02:46:10', type: 'mute', participant: 'noisy-sme' }]).state;
    expect(state.transcript).toContainEqual(expect.objectContaining({ kind: 'noise-stop', speaker: 'noisy-sme' }));
    expect(spoken(state)).not.toContain('network-asks-for-mute');
    expect(spoken(state)).not.toContain('noisy-still-loud');
    expect(state.participants['noisy-sme']?.muted).toBe(true);
  });

  it('a named, time-boxed task gets done and reported', () => {
    const state = run([{ at: '02:48:50', type: 'assign', participant: 'network-sme', task: 'Correct the host names', dueMinutes: 8 }]).state;
    expect(state.vars['host-names-corrected']).toBe(true);
    const report = state.transcript.find((e) => e.kind === 'report' && e.title === 'Host names checked');
    expect(compiled.clock.format(report?.at ?? 0)).toBe('02:56:50');
    expect(spoken(state)).not.toContain('who-is-changing-hosts');
  });

  it('customers who are told early escalate less', () => {
    const early = run([{ at: '03:02:00', type: 'notify', audience: 'customers', channel: 'email', message: 'We are working on a login problem.' }]).state;
    const late = run([{ at: '03:15:00', type: 'notify', audience: 'customers', channel: 'email', message: 'We are working on a login problem.' }]).state;
    expect(early.vars['customer-escalations']).toBe(0);
    expect(late.vars['customer-escalations']).toBe(1);
    expect(spoken(early)).not.toContain('notifications-demanded');
  });

  it('an announced incident manager gets an announced departure instead of a vanished release team', () => {
    const state = run([{ at: '02:46:30', type: 'announce-role' }]).state;
    expect(state.fired['release-team-leaves-announced']).toBeDefined();
    expect(state.fired['release-team-drops']).toBeUndefined();
    expect(spoken(state)).not.toContain('bridge-lost');
  });

  it('escalating to the senior executive brings them in after their page delay', () => {
    const state = run([{ at: '03:05:00', type: 'escalate', to: 'senior-executive' }]).state;
    const joined = state.transcript.find((e) => e.kind === 'join' && e.speaker === 'senior-executive');
    expect(compiled.clock.format(joined?.at ?? 0)).toBe('03:08:00');
    expect(spoken(state)).not.toContain('bill-asks-for-executive');
  });

  it('a decision applies its option once and is remembered', () => {
    const state = run([
      { at: '02:49:00', type: 'decide', decision: 'release-rollback', choice: 'roll-back' },
      { at: '02:50:00', type: 'decide', decision: 'release-rollback', choice: 'fix-forward' },
    ]).state;
    expect(state.decisions['release-rollback']).toBe('roll-back');
    expect(state.vars['service-restored']).toBe(true);
    expect(state.fired['service-recovering']).toBe(compiled.clock.toOffset('03:04:00'));
  });

  it('ignores a decision that is not open yet, and says so', () => {
    const state = run([{ at: '02:47:00', type: 'decide', decision: 'release-rollback', choice: 'roll-back' }]).state;
    expect(state.decisions['release-rollback']).toBeUndefined();
    expect(state.transcript.map((e) => e.text)).toContain('That decision is not open yet; nothing changes.');
    expect(state.actions[0]?.effective).toBe(false);
  });

  it('drops lines of people who are not on the bridge', () => {
    const state = run([]).state;
    const absentSpeech = state.transcript.filter((e) => e.kind === 'say' && e.speaker === 'senior-executive' && e.at < (state.fired['executive-asks-for-can'] ?? 0));
    expect(absentSpeech).toEqual([]);
  });

  it('answers a roll call with everyone present, one after another rather than all at once', () => {
    const state = run([{ at: '02:47:00', type: 'roll-call' }]).state;
    const answers = state.transcript.filter((e) => e.source === 'roll-call');
    expect(answers.map((e) => e.speaker)).toEqual(['pete', 'release-engineer', 'network-sme', 'noisy-sme', 'db-engineer', 'monitoring-sme', 'bill', 'unidentified-sme']);
    const gaps = answers.slice(1).map((entry, i) => entry.at - answers[i]!.at);
    expect(gaps.every((gap) => gap >= 2_000)).toBe(true);
  });

  it('hears no roll-call answer from a muted line, and none from someone who left before their turn', () => {
    const state = run([
      { at: '02:46:30', type: 'mute', participant: 'noisy-sme' },
      { at: '02:52:55', type: 'roll-call' },
    ]).state;
    const answers = state.transcript.filter((e) => e.source === 'roll-call');
    expect(answers.filter((e) => e.kind === 'say').map((e) => e.speaker)).not.toContain('noisy-sme');
    expect(answers.find((e) => e.speaker === 'noisy-sme')?.kind ?? 'left first').not.toBe('say');
    const spokeAfterLeaving = answers.filter((e) => e.kind === 'say' && state.transcript.some((l) => l.kind === 'leave' && l.speaker === e.speaker && l.at <= e.at && l.at >= state.actions[1]!.at));
    expect(spokeAfterLeaving).toEqual([]);
  });
});

describe('determinism', () => {
  it('replaying the same log gives the same transcript and the same snapshots', () => {
    const log: ActionLog = goldenLog('strong', scenario, playbook);
    const capture = () => {
      const snapshots: string[] = [];
      const simulation = new Session(compiled);
      const record = () => snapshots.push(JSON.stringify(simulation.state));
      record();
      log.actions.forEach((action) => {
        simulation.advanceTo(compiled.clock.offsetOf(action.at));
        record();
        expect(simulation.submit(action).ok).toBe(true);
        record();
      });
      simulation.finish();
      record();
      return { snapshots, transcript: JSON.stringify(simulation.state.transcript) };
    };
    const first = capture();
    const second = capture();
    expect(second.transcript).toBe(first.transcript);
    expect(second.snapshots).toEqual(first.snapshots);
    expect(first.snapshots.length).toBe(log.actions.length * 2 + 2);
  });

  it('a live session stepped second by second ends in the same state as a replay', () => {
    const log = goldenLog('late-notifications', scenario, playbook);
    const live = new Session(compiled);
    let next = 0;
    for (let t = 0; t <= compiled.clock.lengthMs; t += 1000) {
      live.advanceTo(t);
      while (next < log.actions.length && compiled.clock.offsetOf(log.actions[next]!.at) === t) {
        expect(live.submit(log.actions[next]!).ok).toBe(true);
        next++;
      }
    }
    live.finish();
    expect(live.state).toEqual(Session.replay(compiled, log).state);
  });
});
