import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_DOCUMENT_BYTES } from '../core/json/source.ts';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';

/** The scenarios folder that ships with Bridge Drill. */
export const BUNDLED_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export class InputError extends Error {}

/** Reads a text file, refusing folders, missing files and files too large to be a scenario or log. */
export function readText(path: string): string {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new InputError(`${path}: is a folder, not a file`);
  if (stat.size > MAX_DOCUMENT_BYTES) throw new InputError(`${path}: file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  return readFileSync(path, 'utf8');
}

/** A path as given, or the bundled scenario or playbook with that id. */
export function resolveFileOrId(value: string, kind: 'scenario' | 'playbook'): string {
  if (existsSync(value)) return value;
  const folder = kind === 'scenario' ? BUNDLED_SCENARIOS : join(BUNDLED_SCENARIOS, 'playbooks');
  const bundled = join(folder, `${value}.json`);
  if (/^[a-z0-9][a-z0-9-]*$/.test(value) && existsSync(bundled)) return bundled;
  const known = listJson(folder).map((file) => basename(file, '.json'));
  throw new InputError(`no ${kind} file or id "${value}"; bundled ${kind}s: ${known.join(', ')}`);
}

export function listJson(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(folder, name));
}

/** Playbooks beside a scenario (its playbooks/ folder), then the bundled ones, by id. Broken files are skipped. */
export function playbooksFor(scenarioPath: string | undefined): Map<string, Playbook> {
  const folders = [join(BUNDLED_SCENARIOS, 'playbooks')];
  if (scenarioPath) folders.unshift(join(dirname(resolve(scenarioPath)), 'playbooks'));
  const playbooks = new Map<string, Playbook>();
  for (const folder of folders) {
    for (const file of listJson(folder)) {
      const loaded = loadPlaybook(readText(file));
      if (loaded.value && !playbooks.has(loaded.value.id)) playbooks.set(loaded.value.id, loaded.value);
    }
  }
  return playbooks;
}

/** Loads a scenario file or id with its playbooks, or throws an InputError listing its diagnostics. */
export function loadScenarioFile(fileOrId: string, playbookFileOrId?: string) {
  const path = resolveFileOrId(fileOrId, 'scenario');
  const playbooks = playbooksFor(path);
  const loaded = loadScenario(readText(path), playbooks);
  if (!loaded.value || !loaded.playbook) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
    throw new InputError(`${path} is not a valid scenario:\n${errors.join('\n')}`);
  }
  let playbook = loaded.playbook;
  if (playbookFileOrId !== undefined) {
    const playbookPath = resolveFileOrId(playbookFileOrId, 'playbook');
    const other = loadPlaybook(readText(playbookPath));
    if (!other.value) {
      const errors = other.diagnostics.map((d) => `${playbookPath}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
      throw new InputError(`${playbookPath} is not a valid playbook:\n${errors.join('\n')}`);
    }
    const recheck = loadScenario(readText(path), new Map([...playbooks, [loaded.value.playbook, other.value]]));
    if (!recheck.value) {
      const errors = recheck.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path}:${d.line}:${d.column}: ${d.code}: ${d.message}`);
      throw new InputError(`scenario ${loaded.value.id} cannot be graded with playbook ${other.value.id}:\n${errors.join('\n')}`);
    }
    playbook = other.value;
  }
  return { path, scenario: loaded.value, playbook };
}
