import { describe, expect, it } from 'vitest';
import { journeyCoverage } from '../src/core/scenario/coverage.ts';
import type { SimState } from '../src/core/session/state.ts';
import { BUNDLED_SCENARIOS, listJson } from '../src/cli/catalog.ts';
import { bundledScenarios, journeyFolders, journeyNames, readExpected, runAllJourneys, runJourney, type JourneyRun } from '../src/tools/journeys.ts';

/** The golden journeys: every log in a tests/fixtures/ folder that has an expected.json, graded and checked. */

interface ExpectedJourney {
  readonly minPercent?: number;
  readonly maxPercent?: number;
  readonly passed: boolean;
  readonly ending: string;
}

const scenarios = bundledScenarios();
const folders = journeyFolders();

describe.each(folders)('golden journeys in tests/fixtures/%s', (folder) => {
  const expected = (readExpected(folder) as { journeys?: Record<string, ExpectedJourney> }).journeys ?? {};
  const names = journeyNames(folder);

  it('expects a result for every log in the folder, and has a log for every result', () => {
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  it.each(names)('%s replays to its expected score, pass mark and ending', (name) => {
    const run = runJourney(folder, name, scenarios);
    expect(run.errors).toEqual([]);
    const want = expected[name];
    const report = run.report;
    expect(want).toBeDefined();
    if (!report || !want) return;
    if (want.minPercent !== undefined) expect(report.total.percent).toBeGreaterThanOrEqual(want.minPercent);
    if (want.maxPercent !== undefined) expect(report.total.percent).toBeLessThanOrEqual(want.maxPercent);
    expect({ passed: report.passed, ending: report.ending?.id }).toEqual({ passed: want.passed, ending: want.ending });
  });
});

describe('every bundled scenario has golden journeys', () => {
  const bundled = [...scenarios.values()].map(({ file, scenario }) => [file, scenario.id] as const);

  let runs: JourneyRun[] | undefined;
  const allRuns = () => (runs ??= runAllJourneys(scenarios));

  it('loads every scenario file, so none escapes the check below', () => {
    expect([...scenarios.values()].map((bundled) => bundled.file).sort()).toEqual(listJson(BUNDLED_SCENARIOS).map((file) => file.split('/').pop()));
    expect(scenarios.has('acme-chemical')).toBe(true);
    expect(folders).toContain('acme');
  });

  it.each(bundled)('%s has a strong journey that passes and a weak one that fails, reaching at least two distinct endings', (_, id) => {
    const own = allRuns().filter((run) => run.scenarioId === id);
    expect(own.find((run) => run.name === 'strong')?.report?.passed).toBe(true);
    expect(own.some((run) => run.report?.passed === false)).toBe(true);
    const finals = own.flatMap((run): SimState[] => (run.final ? [run.final] : []));
    expect(finals.length).toBeGreaterThanOrEqual(2);
    const coverage = journeyCoverage(scenarios.get(id)!.scenario, finals);
    const endings = coverage.items.endings.filter((item) => item.journeys > 0).map((item) => item.id);
    expect(endings.length).toBeGreaterThanOrEqual(2);
  });
});
