import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSha256OfJsonText } from '../core/hash/content-hash.ts';
import { documentKind, loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { didYouMean, formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { readSourceFile } from './input.ts';

/** The scenarios folder that ships with Bridge Drill. */
export const BUNDLED_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Where `npm run audio` writes a spoken line's voice clip, by the line's key. */
const VOICE_CLIPS = join(BUNDLED_SCENARIOS, '..', 'assets', 'audio', 'lines');

/** Whether the repository has the voice clip for a spoken line (assets/audio/lines/KEY.ogg). */
export function voiceClipExists(key: string): boolean {
  return /^[0-9a-f]+$/.test(key) && existsSync(join(VOICE_CLIPS, `${key}.ogg`));
}

export class InputError extends Error {}

/** Whether a parsed JSON file is a playbook rather than a scenario. */
export function isPlaybookText(value: unknown): boolean {
  return documentKind(value) === 'playbook';
}

/** Reads a file through the bounded reader; any problem (not a regular file, too large, not UTF-8, empty) is an InputError at its position. */
export function readText(path: string): string {
  const read = readSourceFile(path);
  if ('problem' in read) throw new InputError(formatDiagnostic(path, read.problem));
  return read.text;
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
      let text: string;
      try {
        text = readText(file);
      } catch {
        continue;
      }
      const loaded = loadPlaybook(text);
      if (loaded.value && !playbooks.has(loaded.value.id)) playbooks.set(loaded.value.id, hashed(loaded.value, text));
    }
  }
  return playbooks;
}

const errorLines = (path: string, diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(path, d)).join('\n');

/** A playbook given as a file path, or as the id of one beside the scenario or bundled. */
function choosePlaybook(fileOrId: string, known: ReadonlyMap<string, Playbook>): Playbook {
  if (existsSync(fileOrId)) {
    const text = readText(fileOrId);
    const loaded = loadPlaybook(text);
    if (!loaded.value) throw new InputError(`${fileOrId} is not a valid playbook:\n${errorLines(fileOrId, loaded.diagnostics)}`);
    return hashed(loaded.value, text);
  }
  const playbook = known.get(fileOrId);
  if (!playbook) throw new InputError(`no playbook file or id "${fileOrId}"${didYouMean(fileOrId, known.keys())}; known playbooks: ${[...known.keys()].join(', ')}`);
  return playbook;
}

/**
 * Loads a scenario file or id with the playbook to grade against: the one asked for, else the
 * scenario's default. Throws an InputError listing diagnostics when either is not valid.
 */
export function loadScenarioFile(fileOrId: string, playbookFileOrId?: string): { path: string; scenario: Scenario; playbook: Playbook; sha256: { scenario: string; playbook: string } } {
  const path = resolveFileOrId(fileOrId, 'scenario');
  const text = readText(path);
  const playbooks = playbooksFor(path);
  const loaded = loadScenario(text, playbooks);
  if (!loaded.value || !loaded.playbook) throw new InputError(`${path} is not a valid scenario:\n${errorLines(path, loaded.diagnostics)}`);
  // Hashed only once the file has loaded cleanly: JSON.parse would quietly keep the last of two duplicate keys.
  const sha256 = (playbook: Playbook) => ({ scenario: contentSha256OfJsonText(text), playbook: playbookSha256.get(playbook) ?? '' });
  if (playbookFileOrId === undefined) return { path, scenario: loaded.value, playbook: loaded.playbook, sha256: sha256(loaded.playbook) };
  const playbook = choosePlaybook(playbookFileOrId, playbooks);
  const recheck = loadScenario(text, new Map([...playbooks, [loaded.value.playbook, playbook]]));
  if (!recheck.value) {
    throw new InputError(`scenario ${loaded.value.id} cannot be graded with playbook ${playbook.id}:\n${errorLines(path, recheck.diagnostics)}`);
  }
  return { path, scenario: recheck.value, playbook, sha256: sha256(playbook) };
}

/** The content hash of each playbook read from a file (CONTRACTS §6). */
const playbookSha256 = new WeakMap<Playbook, string>();

function hashed(playbook: Playbook, text: string): Playbook {
  playbookSha256.set(playbook, contentSha256OfJsonText(text));
  return playbook;
}
