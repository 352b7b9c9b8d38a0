import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { contentSha256OfJsonText } from '../core/hash/content-hash.ts';
import { loadPlaybook, loadScenario } from '../core/load.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { Scenario } from '../core/scenario/schema.ts';

/** The raw text of one content file and the path it is shown under. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface CatalogScenario {
  readonly file: string;
  /** The file's text, for the authoring view's line numbers. */
  readonly text: string;
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  /** Content hashes of the scenario and playbook files (CONTRACTS §6), to record and match attempts by. */
  readonly sha256: { readonly scenario: string; readonly playbook: string };
  /** Warnings from validation and lint; the scenario still plays. */
  readonly warnings: readonly Diagnostic[];
}

/** A scenario or playbook file that could not be loaded, with what is wrong with it. */
export interface FileProblem {
  readonly file: string;
  readonly kind: 'scenario' | 'playbook';
  readonly diagnostics: readonly Diagnostic[];
}

export interface Catalog {
  readonly scenarios: readonly CatalogScenario[];
  readonly playbooks: ReadonlyMap<string, Playbook>;
  /** Each playbook's content hash, by id. */
  readonly playbookSha256: ReadonlyMap<string, string>;
  readonly problems: readonly FileProblem[];
  find(id: string): CatalogScenario | undefined;
}

/** Loads playbooks, then scenarios against them, through the core loaders. Never throws. */
export function buildCatalog(playbookFiles: readonly SourceFile[], scenarioFiles: readonly SourceFile[]): Catalog {
  const problems: FileProblem[] = [];
  const playbooks = new Map<string, Playbook>();
  const playbookSha256 = new Map<string, string>();
  for (const file of sortByPath(playbookFiles)) {
    const loaded = loadPlaybook(file.text);
    if (!loaded.value) {
      problems.push({ file: file.path, kind: 'playbook', diagnostics: loaded.diagnostics });
    } else if (playbooks.has(loaded.value.id)) {
      problems.push({ file: file.path, kind: 'playbook', diagnostics: [loaded.document.diagnostic('error', 'E_DUPLICATE_ID', `another playbook already has the id "${loaded.value.id}"`, ['id'])] });
    } else {
      playbooks.set(loaded.value.id, loaded.value);
      playbookSha256.set(loaded.value.id, contentSha256OfJsonText(file.text));
    }
  }

  const scenarios = new Map<string, CatalogScenario>();
  for (const file of sortByPath(scenarioFiles)) {
    const loaded = loadScenario(file.text, playbooks);
    if (!loaded.value || !loaded.playbook) {
      problems.push({ file: file.path, kind: 'scenario', diagnostics: loaded.diagnostics });
    } else if (scenarios.has(loaded.value.id)) {
      problems.push({ file: file.path, kind: 'scenario', diagnostics: [loaded.document.diagnostic('error', 'E_DUPLICATE_ID', `another scenario already has the id "${loaded.value.id}"`, ['id'])] });
    } else {
      scenarios.set(loaded.value.id, entryOf(file.path, file.text, loaded.value, loaded.playbook, loaded.diagnostics, playbookSha256));
    }
  }

  return {
    scenarios: [...scenarios.values()],
    playbooks,
    playbookSha256,
    problems,
    find: (id) => scenarios.get(id),
  };
}

/** `file:line:col: severity CODE: message`, as the command line prints it. */
export function diagnosticLines(file: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => formatDiagnostic(file, d));
}

function sortByPath(files: readonly SourceFile[]): SourceFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Loads a scenario file an instructor opened, against the bundled playbooks. A file whose id is
 * already a bundled scenario's is refused, so a bundled exercise can never be replaced by accident.
 */
export function loadOpenedFile(catalog: Catalog, file: string, text: string): { entry: CatalogScenario | null; diagnostics: Diagnostic[] } {
  const loaded = loadScenario(text, catalog.playbooks);
  if (!loaded.value || !loaded.playbook) return { entry: null, diagnostics: [...loaded.diagnostics] };
  if (catalog.find(loaded.value.id)) {
    const clash = loaded.document.diagnostic('error', 'E_DUPLICATE_ID', `a bundled scenario already has the id "${loaded.value.id}"; give your copy an id of its own`, ['id']);
    return { entry: null, diagnostics: [clash, ...loaded.diagnostics] };
  }
  return { entry: entryOf(file, text, loaded.value, loaded.playbook, loaded.diagnostics, catalog.playbookSha256), diagnostics: [...loaded.diagnostics] };
}

function entryOf(file: string, text: string, scenario: Scenario, playbook: Playbook, warnings: readonly Diagnostic[], playbookSha256: ReadonlyMap<string, string>): CatalogScenario {
  return { file, text, scenario, playbook, warnings, sha256: { scenario: contentSha256OfJsonText(text), playbook: playbookSha256.get(playbook.id) ?? '' } };
}

/**
 * The scenarios playable beside the bundled ones: those an instructor published to the trainee's cohorts, then
 * files opened in this browser (a published scenario wins over an opened file with its id).
 */
export function besideBundled(state: { readonly published: readonly CatalogScenario[]; readonly opened: readonly CatalogScenario[] }): CatalogScenario[] {
  const published = new Set(state.published.map((entry) => entry.scenario.id));
  return [...state.published, ...state.opened.filter((entry) => !published.has(entry.scenario.id))];
}

/** A bundled scenario, or one opened in this browser. */
export function findScenario(catalog: Catalog, opened: readonly CatalogScenario[], id: string): CatalogScenario | undefined {
  return catalog.find(id) ?? opened.find((entry) => entry.scenario.id === id);
}
