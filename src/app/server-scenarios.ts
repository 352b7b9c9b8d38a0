import type { PublishedScenario } from './account-types.ts';
import { buildCatalog, type Catalog, type CatalogScenario } from './catalog.ts';

/**
 * A scenario and its playbook that came from the results server as text, loaded with the catalog's own loaders,
 * so a version from the server plays and grades exactly as a bundled file does. Undefined when either does not
 * load, or when the texts are not the versions their hashes say.
 */
export function loadServerVersion(scenario: { readonly id: string; readonly sha256: string; readonly text: string }, playbook: { readonly id: string; readonly sha256: string; readonly text: string }): CatalogScenario | undefined {
  const loaded = buildCatalog([{ path: `server/playbooks/${playbook.id}.json`, text: playbook.text }], [{ path: `server/${scenario.id}.json`, text: scenario.text }]);
  const entry = loaded.scenarios[0];
  if (!entry || entry.scenario.id !== scenario.id || entry.sha256.scenario !== scenario.sha256 || entry.sha256.playbook !== playbook.sha256) return undefined;
  return entry;
}

/**
 * The published scenarios this browser can add to its catalog. A scenario whose id a bundled one already has is
 * left out (the bundled version plays under that id), as an opened file with a bundled id is refused.
 */
export function publishedEntries(catalog: Catalog, published: readonly PublishedScenario[]): CatalogScenario[] {
  const entries = new Map<string, CatalogScenario>();
  for (const item of published) {
    if (catalog.find(item.id) || entries.has(item.id)) continue;
    const entry = loadServerVersion(item, item.playbook);
    if (entry) entries.set(entry.scenario.id, entry);
  }
  return [...entries.values()];
}
