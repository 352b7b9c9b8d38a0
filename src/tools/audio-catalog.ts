import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { spokenLines } from '../core/session/spoken-lines.ts';
import { voiceFor, voiceRecipe } from './audio-voices.ts';

/** One voice clip the bundled scenarios need, and how it is made. */
export interface ClipEntry {
  readonly scenario: string;
  readonly speaker: string;
  readonly voice: string;
  readonly text: string;
}

const isData = (name: string): boolean => name.endsWith('.json') && !name.endsWith('.schema.json');

function loadPlaybooks(root: string): Map<string, Playbook> {
  const playbooks = new Map<string, Playbook>();
  const folder = join(root, 'scenarios/playbooks');
  for (const name of readdirSync(folder).filter(isData).sort()) {
    const loaded = loadPlaybook(readFileSync(join(folder, name), 'utf8'));
    if (!loaded.value) throw new Error(`scenarios/playbooks/${name} does not load; run "npx bridge-drill check" on it`);
    playbooks.set(loaded.value.id, loaded.value);
  }
  return playbooks;
}

/** Every scenario in `scenarios/*.json` (schema files aside), in file-name order. */
export function bundledScenarios(root: string): Scenario[] {
  const playbooks = loadPlaybooks(root);
  return readdirSync(join(root, 'scenarios'))
    .filter(isData)
    .sort()
    .map((name) => {
      const loaded = loadScenario(readFileSync(join(root, 'scenarios', name), 'utf8'), playbooks);
      if (!loaded.value) throw new Error(`scenarios/${name} does not load; run "npx bridge-drill check" on it`);
      return loaded.value;
    });
}

/**
 * Every clip by key. A speaker id and words shared by two scenarios give one key and one
 * clip, spoken in the voice of the first scenario by file name.
 */
export function clipCatalog(scenarios: readonly Scenario[]): Map<string, ClipEntry> {
  const clips = new Map<string, ClipEntry>();
  for (const scenario of scenarios) {
    for (const line of spokenLines(scenario)) {
      if (clips.has(line.key)) continue;
      clips.set(line.key, { scenario: scenario.id, speaker: line.speaker, voice: voiceRecipe(voiceFor(scenario, line.speaker)), text: line.text });
    }
  }
  return clips;
}
