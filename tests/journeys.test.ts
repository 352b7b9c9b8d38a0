import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScoreReportSchema } from '../src/core/report/score-report-schema.ts';
import { journeyCoverage } from '../src/core/scenario/coverage.ts';
import type { SimState } from '../src/core/session/state.ts';
import { BUNDLED_SCENARIOS, listJson } from '../src/cli/catalog.ts';
import { FIXTURES, bundledScenarios, journeyFolders, journeyNames, readExpected, runAllJourneys, runJourney, type JourneyRun } from '../src/tools/journeys.ts';

/** The golden journeys: every log in a tests/fixtures/ folder that has an expected.json, graded and checked. */

interface ExpectedJourney {
  readonly minPercent?: number;
  readonly maxPercent?: number;
  readonly passed: boolean;
  readonly ending: string;
}

const REPORT_SUFFIX = '.report.json';

/** Where a journey's full score report is kept, relative to this file; `-u` (given last, after the file names) rewrites it. */
function reportSnapshotPath(folder: string, name: string): string {
  return `./fixtures/${folder}/reports/${name}${REPORT_SUFFIX}`;
}

const scenarios = bundledScenarios();
const folders = journeyFolders();

describe.each(folders)('golden journeys in tests/fixtures/%s', (folder) => {
  const expected = (readExpected(folder) as { journeys?: Record<string, ExpectedJourney> }).journeys ?? {};
  const names = journeyNames(folder);

  it('expects a result for every log in the folder, and has a log for every result', () => {
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  const runs = new Map<string, JourneyRun>();
  const runOnce = (name: string): JourneyRun => {
    const run = runs.get(name) ?? runJourney(folder, name, scenarios);
    runs.set(name, run);
    return run;
  };

  it.each(names)('%s replays to its expected score, pass mark and ending', (name) => {
    const run = runOnce(name);
    expect(run.errors).toEqual([]);
    const want = expected[name];
    const report = run.report;
    expect(want).toBeDefined();
    if (!report || !want) return;
    if (want.minPercent !== undefined) expect(report.total.percent).toBeGreaterThanOrEqual(want.minPercent);
    if (want.maxPercent !== undefined) expect(report.total.percent).toBeLessThanOrEqual(want.maxPercent);
    expect({ passed: report.passed, ending: report.ending?.id }).toEqual({ passed: want.passed, ending: want.ending });
  });

  it.each(names)('%s grades to a report the attempt record schema reads back unchanged, so the server stores it as it is', (name) => {
    const report = runOnce(name).report;
    expect(report).toBeDefined();
    const hashed = { ...report, scenario: { ...report?.scenario, sha256: 'a'.repeat(64) }, playbook: { ...report?.playbook, sha256: 'b'.repeat(64) } };
    expect(ScoreReportSchema.parse(JSON.parse(JSON.stringify(hashed)))).toEqual(hashed);
  });

  it('keeps no report in reports/ for a log that is gone', () => {
    const reports = existsSync(join(FIXTURES, folder, 'reports')) ? readdirSync(join(FIXTURES, folder, 'reports')) : [];
    expect(reports.filter((file) => !names.includes(basename(file, REPORT_SUFFIX)))).toEqual([]);
  });

  it.each(names)('%s grades to exactly its reviewed report in reports/', async (name) => {
    const run = runOnce(name);
    expect(run.errors).toEqual([]);
    await expect(`${JSON.stringify(run.report, null, 2)}\n`).toMatchFileSnapshot(reportSnapshotPath(folder, name));
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
