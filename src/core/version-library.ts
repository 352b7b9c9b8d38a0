import type { VersionKind, VersionLookup, VersionValues } from './attempt-regrade.ts';
import { contentSha256 } from './hash/content-hash.ts';
import { isRecord } from './session/log-diagnostic.ts';

/** Scenario and playbook versions kept in memory by content hash, to regrade attempts against. */
export interface VersionLibrary {
  /** Keeps a loaded scenario or playbook under the hash of its file's parsed JSON (`rawJson`); returns that hash. */
  add<K extends VersionKind>(kind: K, value: VersionValues[K], rawJson: unknown): string;
  readonly lookup: VersionLookup;
}

export function versionLibrary(): VersionLibrary {
  const stores: { readonly [K in VersionKind]: Map<string, VersionValues[K]> } = { scenario: new Map(), playbook: new Map() };
  return {
    add(kind, value, rawJson) {
      if (!isRecord(rawJson) || rawJson['id'] !== value.id || rawJson['version'] !== value.version) {
        throw new Error(`The raw JSON given for ${kind} "${value.id}" ${value.version} is not that ${kind}'s file`);
      }
      const sha256 = contentSha256(rawJson);
      stores[kind].set(sha256, value);
      return sha256;
    },
    lookup(kind, id, sha256) {
      const value = stores[kind].get(sha256);
      return value?.id === id ? value : undefined;
    },
  };
}
