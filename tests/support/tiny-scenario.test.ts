import { describe, expect, it } from 'vitest';
import { tinyLog } from './tiny-log.ts';
import { DIRECTOR, LEAD, loadTiny, tinyPlaybook, tinyScenario } from './tiny-scenario.ts';

describe('the tiny scenario builder', () => {
  it('builds a scenario and playbook that the real loaders accept as they are, without a warning', () => {
    const tiny = loadTiny();
    expect(tiny.scenario).toEqual(tinyScenario());
    expect(tiny.playbook).toEqual(tinyPlaybook());
    expect(tiny.warnings).toEqual([]);
  });

  it('has a ten-minute clock, one bridge, one phase, one ending and one expectation by default', () => {
    const scenario = tinyScenario();
    expect(scenario.clock).toEqual({ start: '10:00:00', end: '10:10:00' });
    expect([scenario.bridges.length, scenario.phases.length, scenario.endings.length, scenario.rubric.length]).toEqual([1, 1, 1, 1]);
    expect(scenario.cast.filter((person) => person.present !== false).map((person) => person.id)).toContain(LEAD);
    expect(scenario.cast.find((person) => person.id === DIRECTOR)?.present).toBe(false);
  });

  it('replaces each part given, and keeps the others', () => {
    const scenario = tinyScenario({ phases: [{ id: 'only', title: 'Only' }], passPercent: 50 });
    expect(scenario.phases).toEqual([{ id: 'only', title: 'Only' }]);
    expect(scenario.passPercent).toBe(50);
    expect(scenario.endings).toEqual(tinyScenario().endings);
  });

  it('throws with the loader\'s diagnostic and the offending line when the scenario is invalid', () => {
    const bad = () => loadTiny({ timeline: [{ id: 'ghost', at: '10:01:00', type: 'say', speaker: 'nobody', text: 'Boo.' }] });
    expect(bad).toThrow(/tiny\.json:\d+:\d+: error E_UNKNOWN_PARTICIPANT: unknown participant "nobody"/);
    expect(bad).toThrow(/\| +"speaker": "nobody"/);
  });

  it('throws when the playbook is invalid', () => {
    expect(() => loadTiny({}, { matrix: [{ impact: 'huge', urgency: 'now', level: 'P9' }] })).toThrow(/tiny-playbook\.json:\d+:\d+: error E_UNKNOWN_REFERENCE/);
  });

  it('checks tiny logs with the real validator', () => {
    const tiny = loadTiny();
    expect(tinyLog(tiny, [{ at: '10:01:00', type: 'roll-call' }]).actions).toHaveLength(1);
    expect(() => tinyLog(tiny, [{ at: '10:11:00', type: 'roll-call' }])).toThrow(/outside the scenario window/);
  });
});
