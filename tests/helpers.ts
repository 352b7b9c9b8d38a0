import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog } from '../src/app/catalog.ts';
import type { KeyValueStorage } from '../src/app/ports.ts';
import type { ActionLog } from '../src/core/actions/action.ts';
import { loadPlaybook, loadScenario } from '../src/core/load.ts';
import type { Playbook } from '../src/core/playbook/schema.ts';
import type { Scenario } from '../src/core/scenario/schema.ts';
import { validateLog } from '../src/core/session/validate-log.ts';

/** The repository's root folder. (Not `new URL('../x', import.meta.url)`: under jsdom, Vite rewrites that into an asset address.) */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoPath = (relative: string) => join(ROOT, relative);
export const readRepoText = (relative: string) => readFileSync(repoPath(relative), 'utf8');

export function bundledPlaybooks(): Map<string, Playbook> {
  const playbooks = new Map<string, Playbook>();
  for (const name of readdirSync(repoPath('scenarios/playbooks'))) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const loaded = loadPlaybook(readRepoText(`scenarios/playbooks/${name}`));
    if (!loaded.value) throw new Error(`${name}: ${JSON.stringify(loaded.diagnostics)}`);
    playbooks.set(loaded.value.id, loaded.value);
  }
  return playbooks;
}

export const acmeText = () => readRepoText('scenarios/acme-chemical.json');

export function loadAcme(text = acmeText()): { scenario: Scenario; playbook: Playbook } {
  const loaded = loadScenario(text, bundledPlaybooks());
  if (!loaded.value || !loaded.playbook) throw new Error(JSON.stringify(loaded.diagnostics, null, 2));
  return { scenario: loaded.value, playbook: loaded.playbook };
}

export function goldenLog(name: string, scenario: Scenario, playbook: Playbook): ActionLog {
  const result = validateLog(JSON.parse(readRepoText(`tests/fixtures/acme/${name}.json`)), scenario, playbook);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.log;
}

/** The Acme scenario as a plain object, for tests that mutate it. */
export const acmeObject = (): Record<string, unknown> => JSON.parse(acmeText()) as Record<string, unknown>;

/** A catalog of every bundled playbook and the given bundled scenarios, as the page builds one. */
export function catalogWith(scenarioIds: readonly string[]): Catalog {
  return buildCatalog(
    [...bundledPlaybooks().keys()].map((id) => ({ path: `scenarios/playbooks/${id}.json`, text: readRepoText(`scenarios/playbooks/${id}.json`) })),
    scenarioIds.map((id) => ({ path: `scenarios/${id}.json`, text: readRepoText(`scenarios/${id}.json`) })),
  );
}

/** Storage the way a browser's localStorage behaves, kept in memory; `failWrites` makes it full. */
export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Attempt ids for tests: valid version 4 UUIDs, counting up from 1, so runs are repeatable. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => {
    next++;
    return `00000000-0000-4000-8000-${next.toString(16).padStart(12, '0')}`;
  };
}
