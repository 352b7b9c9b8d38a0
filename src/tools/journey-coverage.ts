import { COVERAGE_KINDS, coverageRatio, journeyCoverage, unreached } from '../core/scenario/coverage.ts';
import type { SimState } from '../core/session/state.ts';
import { bundledScenarios, runAllJourneys } from './journeys.ts';

/**
 * `npm run coverage`: replays every golden journey in tests/fixtures/ and prints, per bundled
 * scenario, how many of its phases, beats, reactions, branches, decisions, options and endings
 * the journeys reach, then what none of them reaches.
 */

const scenarios = bundledScenarios();
const runs = runAllJourneys(scenarios);
for (const run of runs) {
  if (run.errors.length > 0) console.log(`! ${run.folder}/${run.name}.json not played: ${run.errors.join('; ')}`);
}

const header = ['scenario', 'journeys', ...COVERAGE_KINDS];
const rows: string[][] = [];
const missed: string[] = [];
for (const [id, { scenario }] of [...scenarios].sort(([a], [b]) => a.localeCompare(b))) {
  const finals = runs.filter((run) => run.scenarioId === id).flatMap((run): SimState[] => (run.final ? [run.final] : []));
  const coverage = journeyCoverage(scenario, finals);
  rows.push([id, String(finals.length), ...COVERAGE_KINDS.map((kind) => {
    const { reached, total } = coverageRatio(coverage, kind);
    return `${reached}/${total}`;
  })]);
  for (const kind of COVERAGE_KINDS) {
    const ids = unreached(coverage, kind);
    if (ids.length > 0) missed.push(`  ${id} ${kind}: ${ids.join(', ')}`);
  }
}

const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
console.log('Golden journey coverage (reached/total)');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(missed.length === 0 ? '\nEverything is reached by some journey.' : `\nNot reached by any journey:\n${missed.join('\n')}`);
