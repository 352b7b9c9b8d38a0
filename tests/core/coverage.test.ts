import { describe, expect, it } from 'vitest';
import { coverageRatio, journeyCoverage, unreached } from '../../src/core/scenario/coverage.ts';
import { gradeSession } from '../../src/core/scoring/grade.ts';
import { goldenLog, loadAcme } from '../helpers.ts';

describe('journeyCoverage', () => {
  const { scenario, playbook } = loadAcme();
  const finalOf = (name: string) => gradeSession(scenario, playbook, goldenLog(name, scenario, playbook)).final;

  it('counts what each journey reached', () => {
    const coverage = journeyCoverage(scenario, [finalOf('strong'), finalOf('do-nothing')]);
    const count = (kind: keyof typeof coverage.items, id: string) => coverage.items[kind].find((item) => item.id === id)?.journeys;
    expect(coverage.journeys).toBe(2);
    expect(count('endings', 'under-control')).toBe(1);
    expect(count('endings', 'bridge-lost')).toBe(1);
    expect(count('endings', 'recovering-slowly')).toBe(0);
    expect(count('phases', 'bridge-chaos')).toBe(2);
    expect(count('reactions', 'command-welcomed')).toBe(1);
    expect(count('options', 'customer-issue-scope.same-incident')).toBe(1);
    expect(count('options', 'customer-issue-scope.separate-incident')).toBe(0);
    expect(count('decisions', 'customer-issue-scope')).toBe(1);
    expect(count('beats', 'pete-recap')).toBe(2);
  });

  it('lists what no journey reached, and the reached share per kind', () => {
    const coverage = journeyCoverage(scenario, [finalOf('do-nothing')]);
    expect(unreached(coverage, 'options')).toHaveLength(8);
    expect(unreached(coverage, 'endings')).toEqual(['under-control', 'recovering-slowly']);
    expect(coverageRatio(coverage, 'endings')).toEqual({ reached: 1, total: 3 });
    expect(coverageRatio(journeyCoverage(scenario, []), 'beats')).toEqual({ reached: 0, total: scenario.timeline.length });
  });
});
