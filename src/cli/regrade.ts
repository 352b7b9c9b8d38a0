import { existsSync, statSync } from 'node:fs';
import { parseAttempt, regradeAttempt, versionLibrary, type VersionLibrary } from '../core/attempt.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { parseJson } from '../core/json/source.ts';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { logDiagnosticText } from '../core/session/log-diagnostic.ts';
import { BUNDLED_SCENARIOS, InputError, isPlaybookText, listJson, readText } from './catalog.ts';
import { diagnosticsWithFrames } from './format.ts';

const MAX_SHOWN = 30;

/** A folder of scenario and playbook files, whatever their versions. */
interface VersionFiles {
  readonly scenarios: readonly { readonly path: string; readonly text: string }[];
  readonly playbooks: readonly { readonly path: string; readonly text: string }[];
}

function filesIn(folder: string): VersionFiles {
  const scenarios: { path: string; text: string }[] = [];
  const playbooks: { path: string; text: string }[] = [];
  for (const path of [...listJson(folder), ...listJson(`${folder}/playbooks`)]) {
    const text = readText(path);
    const value = parseJson(text).value;
    if (value === undefined || value === null || typeof value !== 'object') continue;
    (isPlaybookText(value) ? playbooks : scenarios).push({ path, text });
  }
  return { scenarios, playbooks };
}

/**
 * Every version the command can regrade against, by content hash: the bundled files and the files
 * in each `--versions` folder. A scenario loads against any playbook version with the id it names.
 */
function libraryOf(folders: readonly string[]): { library: VersionLibrary; scenarioTexts: Map<Scenario, string> } {
  const library = versionLibrary();
  const scenarioTexts = new Map<Scenario, string>();
  const all = [filesIn(BUNDLED_SCENARIOS), ...folders.map(filesIn)];
  const playbooks: Playbook[] = [];
  for (const { text } of all.flatMap((files) => files.playbooks)) {
    const loaded = loadPlaybook(text);
    if (!loaded.value) continue;
    library.add('playbook', loaded.value, parseJson(text).value);
    playbooks.push(loaded.value);
  }
  for (const { text } of all.flatMap((files) => files.scenarios)) {
    for (const playbook of playbooks) {
      const loaded = loadScenario(text, new Map([[playbook.id, playbook]]));
      if (!loaded.value) continue;
      library.add('scenario', loaded.value, parseJson(text).value);
      scenarioTexts.set(loaded.value, text);
      break;
    }
  }
  return { library, scenarioTexts };
}

/** Whether a scenario's references hold in the playbook it is to be graded with, as `grade --playbook` checks. */
function gradableWith(text: string, scenario: Scenario, playbook: Playbook): boolean {
  return loadScenario(text, new Map([[scenario.playbook, playbook]])).value !== undefined;
}

/**
 * Regrades an attempt record against the exact scenario and playbook it was played on, found by
 * content hash among the bundled files and any `--versions` folders. Prints the report; exit 1
 * when the record is not valid or a version it needs is not here.
 */
export function regrade(file: string, versionFolders: readonly string[], out: { write(text: string): unknown }, err: { write(text: string): unknown }): number {
  const text = readText(file);
  const parsed = parseJson(text);
  // Duplicate keys are refused here as in a log: JSON would silently keep the last one.
  if (parsed.value === undefined || hasErrors(parsed.diagnostics)) {
    throw new InputError(`${file} is not a readable attempt record:\n${diagnosticsWithFrames(file, parsed.document.text, parsed.diagnostics, MAX_SHOWN)}`);
  }
  const attempt = parseAttempt(parsed.value);
  if (!attempt.ok) {
    const lines = attempt.diagnostics.map((d) => formatDiagnostic(file, parsed.document.diagnostic('error', d.code, d.message, d.path)));
    throw new InputError(`${file} is not a valid attempt record:\n${lines.join('\n')}`);
  }
  for (const folder of versionFolders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError(`--versions ${folder}: no such folder`);
  }
  const { library, scenarioTexts } = libraryOf(versionFolders);
  const scenario = library.lookup('scenario', attempt.attempt.scenario.id, attempt.attempt.scenario.sha256);
  const playbook = library.lookup('playbook', attempt.attempt.playbook.id, attempt.attempt.playbook.sha256);
  if (scenario && playbook && !gradableWith(scenarioTexts.get(scenario) ?? '', scenario, playbook)) {
    throw new InputError(`${file}: scenario "${scenario.id}" cannot be graded with playbook "${playbook.id}": the scenario names levels, audiences or rules that playbook does not have`);
  }
  const result = regradeAttempt(attempt.attempt, library.lookup);
  if (!result.ok && result.reason === 'missing-version') {
    const names = result.missing.map((version) => `${version.kind} "${version.id}" version ${version.version} (sha256 ${version.sha256.slice(0, 8)}…)`);
    throw new InputError(`${file}: cannot regrade: ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} not available here; pass --versions DIR with the file it was played on`);
  }
  if (!result.ok) {
    const lines = result.diagnostics.map((d) => formatDiagnostic(file, parsed.document.diagnostic('error', d.code, logDiagnosticText(d), ['log', ...d.path])));
    throw new InputError(`${file}: the log does not replay on the version it names:\n${lines.join('\n')}`);
  }
  out.write(`${JSON.stringify(result.report, null, 2)}\n`);
  if (attempt.attempt.report !== null && !result.sameAsStored) err.write(`${file}: note: the regraded report differs from the one stored in the attempt (graded by engine ${attempt.attempt.engineVersion})\n`);
  return 0;
}
