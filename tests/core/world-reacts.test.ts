import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/actions/action.ts';
import { loadScenario } from '../../src/core/load.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { Session } from '../../src/core/session/session.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

/** Acme with one change, loaded and checked as a file would be. */
function acmeWith(mutate: (scenario: Mutable) => void) {
  const object = acmeObject() as Mutable;
  mutate(object);
  const loaded = loadScenario(JSON.stringify(object, null, 2), bundledPlaybooks());
  return loaded;
}

function play(mutate: (scenario: Mutable) => void, actions: Action[]) {
  const loaded = acmeWith(mutate);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  const scenario = loaded.value as Scenario;
  return Session.replay(compileScenario(scenario, loaded.playbook!), { scenario: scenario.id, actions }).state;
}

const reaction = (id: string, on: unknown, effects: unknown[]) => ({ id, on, do: effects });

describe('a condition on an effect', () => {
  it('is tested when the effect would happen, after its delay, not when it was scheduled', () => {
    const withReply = (s: Mutable) =>
      s.reactions.push(reaction('assign-pete', { type: 'assign', participant: 'network-sme' }, [
        { type: 'say', speaker: 'network-sme', text: 'Done, and I am still on the bridge.', in: '01:00', when: { present: 'network-sme' } },
      ]));
    const stayed = play(withReply, [{ at: '02:47:00', type: 'assign', participant: 'network-sme', task: 'Check the load balancer' }]);
    expect(stayed.transcript.some((e) => e.text === 'Done, and I am still on the bridge.')).toBe(true);

    const left = play(
      (s) => {
        withReply(s);
        s.timeline.push({ id: 'network-leaves', at: '02:47:30', type: 'leave', participant: 'network-sme' });
      },
      [{ at: '02:47:00', type: 'assign', participant: 'network-sme', task: 'Check the load balancer' }],
    );
    expect(left.transcript.some((e) => e.text === 'Done, and I am still on the bridge.')).toBe(false);
  });

  it('lets one option of a decision say different things depending on what the trainee did before', () => {
    const mutate = (s: Mutable) => {
      const rollback = s.decisions.find((d: Mutable) => d.id === 'release-rollback');
      rollback.options[0].do.push({ type: 'say', speaker: 'db-engineer', text: 'Good thing the priority is already set.', when: { level: 'P1' } });
    };
    const decide: Action = { at: '02:49:00', type: 'decide', decision: 'release-rollback', choice: 'roll-back' };
    expect(play(mutate, [decide]).transcript.some((e) => e.text.startsWith('Good thing'))).toBe(false);
    expect(play(mutate, [{ at: '02:48:50', type: 'set-priority', level: 'P1' }, decide]).transcript.some((e) => e.text.startsWith('Good thing'))).toBe(true);
  });

  it('is checked for unknown ids like every other condition', () => {
    const loaded = acmeWith((s) => s.reactions[0].do.push({ type: 'say', speaker: 'pete', text: 'Hi.', when: { present: 'petr' } }));
    expect(loaded.diagnostics.find((d) => d.code === 'E_UNKNOWN_PARTICIPANT')?.message).toMatch(/unknown participant "petr".*pete/);
  });
});

describe('a muted line', () => {
  it('is not heard: what the person says is kept for the debrief but never captioned', () => {
    const state = play(() => {}, [{ at: '02:46:05', type: 'mute', participant: 'pete' }]);
    const recap = state.transcript.find((e) => e.source === 'pete-recap');
    expect(recap?.kind).toBe('unheard');
    expect(recap?.text).toBe('Pete Lawson is talking on a muted line');
    expect(recap?.words).toMatch(/^So the release went in at half past one/);
    expect(state.transcript.some((e) => e.kind === 'say' && e.speaker === 'pete' && e.at < 60_000 * 3)).toBe(false);
  });
});

describe('moving people between bridges', () => {
  const openBusiness: Action = { at: '03:01:00', type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' };

  it('lets the trainee send someone to an open bridge, and says so on both', () => {
    const state = play(() => {}, [openBusiness, { at: '03:01:10', type: 'move', participant: 'customer-service', bridge: 'customer-bridge' }]);
    expect(state.participants['customer-service']?.bridge).toBe('customer-bridge');
    expect(state.transcript.filter((e) => e.source === 'action:1').map((e) => [e.kind, e.bridge])).toEqual([
      ['action', undefined],
      ['leave', 'main'],
      ['join', 'customer-bridge'],
    ]);
    expect(state.actions[1]?.effective).toBe(true);
  });

  it('refuses a move to a bridge that is not open, as the system', () => {
    const state = play(() => {}, [{ at: '03:01:10', type: 'move', participant: 'customer-service', bridge: 'customer-bridge' }]);
    expect(state.actions[0]?.effective).toBe(false);
    const refusal = state.transcript.find((e) => e.refusal);
    expect(refusal?.text).toBe('The Business bridge: customer impact is not open yet.');
  });

  it('gives the scenario a move effect and an onBridge condition', () => {
    const state = play(
      (s) => {
        const opened = s.reactions.find((r: Mutable) => r.id === 'customer-bridge-opened');
        opened.do.push({ type: 'move', participant: 'customer-service', bridge: 'customer-bridge', in: '00:15' });
        s.timeline.push({ id: 'gloria-on-business', at: '03:05:00', type: 'say', speaker: 'customer-service', text: 'Acme account team is with me here.', when: { onBridge: 'customer-bridge', participant: 'customer-service' } });
      },
      [openBusiness],
    );
    expect(state.participants['customer-service']?.bridge).toBe('customer-bridge');
    expect(state.transcript.find((e) => e.source === 'gloria-on-business')?.bridge).toBe('customer-bridge');
  });
});

describe('cancelling delayed effects', () => {
  it('drops the waiting effects of a reaction, and only those', () => {
    const state = play(
      (s) => {
        s.reactions.push(reaction('stop-fix', { type: 'decide', decision: 'release-rollback', choice: 'fix-forward' }, [{ type: 'cancel-effects', of: 'host-task-network' }]));
      },
      [
        { at: '02:48:40', type: 'assign', participant: 'network-sme', task: 'Fix the host names' },
        { at: '02:49:00', type: 'decide', decision: 'release-rollback', choice: 'fix-forward' },
      ],
    );
    expect(state.transcript.some((e) => e.source === 'host-task-network' && e.kind === 'report')).toBe(false);
    expect(state.vars['host-names-corrected']).toBe(false);
    expect(state.vars['service-restored']).toBe(true);
  });

  it('refuses a decision that shares its id with a reaction, which cancel-effects could not tell apart', () => {
    const loaded = acmeWith((s) => (s.decisions[0].id = 'host-task-network'));
    expect(loaded.diagnostics.find((d) => d.code === 'E_DUPLICATE_ID')?.message).toBe('decision id "host-task-network" is also the id of a beat, reaction or branch');
  });

  it('names an unknown owner with a suggestion', () => {
    const loaded = acmeWith((s) => s.reactions[0].do.push({ type: 'cancel-effects', of: 'host-task-netwrk' }));
    expect(loaded.diagnostics.find((d) => d.code === 'E_UNKNOWN_EVENT')?.message).toMatch(/host-task-network/);
  });
});
