import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Phase = { id: string; title: string; next?: { to: string; when: unknown }[] };

/** Acme with its phases replaced. */
function withPhases(phases: Phase[]) {
  const object = acmeObject() as { phases: Phase[] };
  object.phases = phases;
  return JSON.stringify(object);
}

describe('scenario graphs built to hurt the loader', () => {
  it('checks a chain of 5,000 phases without overflowing the stack', () => {
    const phases = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, title: `Phase ${i}`, ...(i < 4999 ? { next: [{ to: `p${i + 1}`, when: { after: '03:00:00' } }] } : {}) }));
    const loaded = loadScenario(withPhases(phases), bundledPlaybooks());
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('checks a dense chain where every phase leads to every later one (its step count: analysis-budget.test.ts)', () => {
    const count = 26;
    const phases = Array.from({ length: count }, (_, i) => ({
      id: `p${i}`,
      title: `Phase ${i}`,
      ...(i < count - 1 ? { next: Array.from({ length: count - 1 - i }, (_, j) => ({ to: `p${i + 1 + j}`, when: { after: '03:00:00' } })) } : {}),
    }));
    const loaded = loadScenario(withPhases(phases), bundledPlaybooks());
    expect(loaded.value).toBeDefined();
  });

  it('refuses a spinning loop hidden behind hundreds of harmless ones', () => {
    const cluster = Array.from({ length: 8 }, (_, i) => ({
      id: `c${i}`,
      title: `Cluster ${i}`,
      next: Array.from({ length: 8 }, (_, j) => j).filter((j) => j !== i).map((j) => ({ to: `c${j}`, when: j > i ? { var: 'flag', eq: true } : { not: { var: 'flag', eq: true } } })),
    }));
    const phases: Phase[] = [
      { id: 'start', title: 'Start', next: [{ to: 'c0', when: { after: '02:50:00' } }, { to: 'lx', when: { after: '03:00:00' } }] },
      ...cluster,
      { id: 'lx', title: 'X', next: [{ to: 'ly', when: true }] },
      { id: 'ly', title: 'Y', next: [{ to: 'lx', when: true }] },
    ];
    const object = JSON.parse(withPhases(phases)) as { variables?: Record<string, unknown> };
    object.variables = { ...object.variables, flag: false };
    const loaded = loadScenario(JSON.stringify(object), bundledPlaybooks());
    expect(loaded.value).toBeUndefined();
    expect(loaded.diagnostics.some((d) => d.code === 'E_PHASE_LOOP' && d.message.includes('lx → ly → lx'))).toBe(true);
  });

  it('stops a spinning loop in the engine itself, should one reach it', () => {
    const valid = loadScenario(withPhases([{ id: 'only', title: 'Only' }]), bundledPlaybooks());
    const scenario = { ...valid.value!, phases: [{ id: 'lx', title: 'X', next: [{ to: 'ly', when: true }] }, { id: 'ly', title: 'Y', next: [{ to: 'lx', when: true }] }] };
    const final = Session.replay(compileScenario(scenario as never, valid.playbook!), { scenario: scenario.id, actions: [] }).state;
    expect(final.transcript.filter((entry) => entry.kind === 'phase' && entry.at === 0).length).toBeLessThanOrEqual(3);
    expect(final.ending).not.toBeNull();
  });
});
