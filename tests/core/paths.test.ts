import { describe, expect, it } from 'vitest';
import { enumeratePaths } from '../../src/core/scenario/paths.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { loadAcme } from '../helpers.ts';

describe('enumeratePaths', () => {
  const { scenario } = loadAcme();
  const paths = [...enumeratePaths(scenario)];

  it('pairs every decision outcome with every route the outcomes allow', () => {
    // Acme: four decisions of two options each, or untaken (81 outcomes); no steering branches;
    // three phases in a line, each of which may run out of clock. The release team's request to go
    // offline is independent of the rest, so it multiplies every count by its three outcomes.
    const underControl = paths.filter((path) => path.ending === 'under-control');
    expect(paths.every((path) => path.route[0] === 'bridge-chaos' && path.branches.length === 0)).toBe(true);
    expect(new Set(paths.map((path) => JSON.stringify(path.decisions))).size).toBe(81);
    // "under-control" needs the rollback decision taken, so an untaken one rules it out.
    expect(underControl.some((path) => path.decisions['release-rollback'] === null)).toBe(false);
    expect(underControl).toHaveLength(3 * 3 * 2 * 3 * 3);
    // "bridge-lost" is reached only when "recovering-slowly" may fail, which a taken rollback rules out.
    const lost = paths.filter((path) => path.ending === 'bridge-lost');
    expect(lost).toHaveLength(9 * 3 * 3);
    expect(lost.every((path) => path.decisions['release-rollback'] === null)).toBe(true);
    expect(paths).toHaveLength((54 + 27 * 3 + 27) * 3);
  });

  it('follows transitions to endings, stops at a transition that certainly holds, and never loops', () => {
    const small = {
      ...scenario,
      decisions: [{ id: 'go', prompt: 'Go?', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] }],
      branches: [{ id: 'alarm', when: true, do: [{ type: 'set', var: 'service-restored', to: 'yes' }] }],
      phases: [
        { id: 'a', title: 'A', next: [{ to: 'b', when: { decided: 'go', choice: 'yes' } }, { to: 'bridge-lost', when: { fired: 'alarm' } }] },
        { id: 'b', title: 'B', next: [{ to: 'a', when: { present: 'pete' } }] },
      ],
    } as Scenario;
    const found = [...enumeratePaths(small)].map((path) => `${path.decisions.go ?? '-'}${path.branches.includes('alarm') ? '!' : ''} ${path.route.join('>')} ${path.ending}`);
    expect(found).toContain('yes a>b bridge-lost');
    expect(found.filter((line) => line.startsWith('no! '))).toEqual(['no! a bridge-lost']);
    expect(found.some((line) => line.includes('a>b>a'))).toBe(false);
  });
});
