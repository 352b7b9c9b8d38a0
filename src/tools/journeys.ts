import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_SCENARIOS, listJson, playbooksFor } from '../cli/catalog.ts';
import { loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { ScoreReport } from '../core/report/score-report.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { gradeSession } from '../core/scoring/grade.ts';
import type { SimState } from '../core/session/state.ts';
import { validateLog } from '../core/session/validate-log.ts';

/** Golden journeys: tests/fixtures/<folder>/<name>.json action logs, with expected.json beside them. */
export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
export const EXPECTED_FILE = 'expected.json';

export interface BundledScenario {
  readonly file: string;
  readonly scenario: Scenario;
  readonly playbook: Playbook;
}

export interface JourneyRun {
  readonly folder: string;
  readonly name: string;
  /** The scenario the log names. */
  readonly scenarioId: string | undefined;
  /** Why the journey could not be played; empty when it was. */
  readonly errors: readonly string[];
  readonly report?: ScoreReport;
  readonly final?: SimState;
}

/** Every scenario in scenarios/, loaded with the bundled playbooks, by id. Files that do not load are left out. */
export function bundledScenarios(): Map<string, BundledScenario> {
  const playbooks = playbooksFor(undefined);
  const scenarios = new Map<string, BundledScenario>();
  for (const file of listJson(BUNDLED_SCENARIOS)) {
    const loaded = loadScenario(readFileSync(file, 'utf8'), playbooks);
    if (loaded.value && loaded.playbook) scenarios.set(loaded.value.id, { file: basename(file), scenario: loaded.value, playbook: loaded.playbook });
  }
  return scenarios;
}

/** The fixture folders that hold an expected.json. */
export function journeyFolders(root = FIXTURES): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory() && existsSync(join(root, name, EXPECTED_FILE)))
    .sort();
}

/** The log names (file names without .json) in a fixture folder. */
export function journeyNames(folder: string, root = FIXTURES): string[] {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.json') && name !== EXPECTED_FILE)
    .map((name) => basename(name, '.json'))
    .sort();
}

export function readExpected(folder: string, root = FIXTURES): unknown {
  return JSON.parse(readFileSync(join(root, folder, EXPECTED_FILE), 'utf8'));
}

/** Validates and grades one golden log against the scenario it names, with the playbook it names (else the scenario's). */
export function runJourney(folder: string, name: string, scenarios: ReadonlyMap<string, BundledScenario>, root = FIXTURES): JourneyRun {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(root, folder, `${name}.json`), 'utf8'));
  } catch (error) {
    return { folder, name, scenarioId: undefined, errors: [`not readable JSON: ${(error as Error).message}`] };
  }
  const fields = (value ?? {}) as { scenario?: unknown; playbook?: unknown };
  const scenarioId = typeof fields.scenario === 'string' ? fields.scenario : undefined;
  const bundled = scenarioId === undefined ? undefined : scenarios.get(scenarioId);
  if (!bundled) return { folder, name, scenarioId, errors: [`no bundled scenario "${String(scenarioId)}"`] };
  const playbook = typeof fields.playbook === 'string' && fields.playbook !== bundled.playbook.id ? playbooksFor(undefined).get(fields.playbook) : bundled.playbook;
  if (!playbook) return { folder, name, scenarioId, errors: [`no bundled playbook "${String(fields.playbook)}"`] };
  const validation = validateLog(value, bundled.scenario, playbook);
  if (!validation.ok) return { folder, name, scenarioId, errors: validation.errors };
  const { report, final } = gradeSession(bundled.scenario, playbook, validation.log);
  return { folder, name, scenarioId, errors: [], report, final };
}

/** Every golden journey in every folder that has an expected.json. */
export function runAllJourneys(scenarios: ReadonlyMap<string, BundledScenario>, root = FIXTURES): JourneyRun[] {
  return journeyFolders(root).flatMap((folder) => journeyNames(folder, root).map((name) => runJourney(folder, name, scenarios, root)));
}
