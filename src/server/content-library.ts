import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VersionKind, VersionLookup, VersionValues } from '../core/attempt-regrade.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { contentSha256 } from '../core/hash/content-hash.ts';
import { parseJson } from '../core/json/source.ts';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { BoundedCache } from './bounded-cache.ts';
import type { ResultsStore, StoredVersion } from './db/store.ts';

export const BUNDLED_FOLDER = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export type CheckedScenario =
  | { readonly ok: true; readonly scenario: Scenario; readonly playbook: Playbook; readonly version: StoredVersion; readonly playbookVersion: StoredVersion; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface PlayableVersions {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  readonly scenarioVersion: StoredVersion;
  readonly playbookVersion: StoredVersion;
}

/** How many loaded versions of each kind stay in memory; the rest are loaded from the store again when needed. */
export const LOADED_VERSIONS_KEPT = 256;

/**
 * Every scenario and playbook version the server can grade against, by content hash: the bundled files,
 * stored at start, and whatever instructors publish. The texts live in the store; only stored versions are
 * cached loaded, and only the most recently used.
 */
export class ContentLibrary {
  private readonly loaded: { readonly [K in VersionKind]: BoundedCache<string, VersionValues[K]> } = {
    scenario: new BoundedCache(LOADED_VERSIONS_KEPT),
    playbook: new BoundedCache(LOADED_VERSIONS_KEPT),
  };
  /** The newest stored playbook of each id, for checking a scenario an instructor publishes. */
  private readonly playbooksById = new Map<string, { playbook: Playbook; version: StoredVersion }>();
  /** The bundled scenario of each id, which a classroom plays when it names the scenario by id. */
  private readonly bundledById = new Map<string, StoredVersion>();

  constructor(private readonly store: ResultsStore) {}

  /** Stores the bundled playbooks and scenarios, so attempts on them can be regraded whatever ships later. */
  async addBundled(folder = BUNDLED_FOLDER): Promise<void> {
    const texts = (dir: string) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
        .map((name) => readFileSync(join(dir, name), 'utf8'));
    for (const text of texts(join(folder, 'playbooks'))) {
      const loaded = loadPlaybook(text);
      if (!loaded.value) throw new Error(`A bundled playbook does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      const version = versionOf('playbook', loaded.value, text);
      await this.store.putVersion(version);
      this.loaded.playbook.set(version.sha256, loaded.value);
      this.playbooksById.set(loaded.value.id, { playbook: loaded.value, version });
    }
    for (const text of texts(folder)) {
      const checked = this.check(text);
      if (!checked.ok) throw new Error(`A bundled scenario does not load: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
      await this.store.putVersion(checked.version);
      this.loaded.scenario.set(checked.version.sha256, checked.scenario);
      this.bundledById.set(checked.scenario.id, checked.version);
    }
  }

  /** The ids of the bundled scenarios, in the order they were stored. */
  bundledIds(): readonly string[] {
    return [...this.bundledById.keys()];
  }

  /**
   * A scenario to play, named by the sha256 of a stored version or by id (the bundled one, else the newest
   * stored version of that id), with its playbook. Undefined when no such scenario is stored.
   */
  async playable(scenario: string): Promise<PlayableVersions | undefined> {
    const stored = /^[0-9a-f]{64}$/.test(scenario)
      ? await this.store.getVersion('scenario', scenario)
      : (this.bundledById.get(scenario) ?? (await this.store.listVersions('scenario')).filter((version) => version.id === scenario).at(-1));
    if (!stored) return undefined;
    const checked = this.check(stored.text);
    if (!checked.ok) return undefined;
    return { scenario: checked.scenario, playbook: checked.playbook, scenarioVersion: checked.version, playbookVersion: checked.playbookVersion };
  }

  /** The exact versions a classroom was created on, loaded again (after a restart, say). */
  async pair(scenarioSha256: string, playbookSha256: string): Promise<PlayableVersions | undefined> {
    const playbookVersion = await this.store.getVersion('playbook', playbookSha256);
    const playbook = await this.playbook(playbookSha256);
    if (!playbook || !playbookVersion) return undefined;
    const scenario = await this.scenario(scenarioSha256, playbook);
    const scenarioVersion = await this.store.getVersion('scenario', scenarioSha256);
    if (!scenario || !scenarioVersion) return undefined;
    return { scenario, playbook, scenarioVersion, playbookVersion };
  }

  /** Loads a scenario file against the playbooks the server has, with the same diagnostics the browser and the CLI give. */
  check(text: string): CheckedScenario {
    const playbooks = new Map([...this.playbooksById].map(([id, { playbook }]) => [id, playbook]));
    const loaded = loadScenario(text, playbooks);
    if (!loaded.value || !loaded.playbook) return { ok: false, diagnostics: loaded.diagnostics };
    const playbookVersion = this.playbooksById.get(loaded.playbook.id)!.version;
    const version = versionOf('scenario', loaded.value, text);
    return { ok: true, scenario: loaded.value, playbook: loaded.playbook, version, playbookVersion, diagnostics: loaded.diagnostics };
  }

  /** A lookup holding the versions an attempt names, loaded from the store when not cached. */
  async lookupFor(attempt: Pick<AttemptRecord, 'scenario' | 'playbook'>): Promise<VersionLookup> {
    const playbook = await this.playbook(attempt.playbook.sha256);
    if (playbook) await this.scenario(attempt.scenario.sha256, playbook);
    return (kind, id, sha256) => {
      const value = this.loaded[kind].get(sha256);
      return value?.id === id ? value : undefined;
    };
  }

  /** The playbook of that id that published scenarios are checked against now. */
  currentPlaybook(id: string): StoredVersion | undefined {
    return this.playbooksById.get(id)?.version;
  }

  private async playbook(sha256: string): Promise<Playbook | undefined> {
    const cached = this.loaded.playbook.get(sha256);
    if (cached) return cached;
    const stored = await this.store.getVersion('playbook', sha256);
    const value = stored ? loadPlaybook(stored.text).value : undefined;
    if (value) this.loaded.playbook.set(sha256, value);
    return value;
  }

  private async scenario(sha256: string, playbook: Playbook): Promise<Scenario | undefined> {
    const cached = this.loaded.scenario.get(sha256);
    if (cached) return cached;
    const stored = await this.store.getVersion('scenario', sha256);
    const value = stored ? loadScenario(stored.text, new Map([[playbook.id, playbook]])).value : undefined;
    if (value) this.loaded.scenario.set(sha256, value);
    return value;
  }
}

function versionOf(kind: VersionKind, value: Scenario | Playbook, text: string): StoredVersion {
  return { kind, id: value.id, version: value.version, sha256: contentSha256(parseJson(text).value), text };
}
