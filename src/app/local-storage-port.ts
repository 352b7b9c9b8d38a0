import type { KeyValueStorage, StoragePort } from './ports.ts';

type EnumerableStorage = KeyValueStorage & { readonly length?: number; key?(index: number): string | null };

/** A storage port over a synchronous store such as localStorage: each call does its work at once, so a write started as the page closes still lands. */
export function keyValueStoragePort(storage: EnumerableStorage): StoragePort {
  const attempt = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    read: (key) => attempt(() => storage.getItem(key)),
    write: (key, value) => attempt(() => storage.setItem(key, value)),
    remove: (key) => attempt(() => storage.removeItem(key)),
    keys: (prefix) =>
      attempt(() => {
        const found: string[] = [];
        if (typeof storage.length !== 'number' || typeof storage.key !== 'function') return found;
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(prefix)) found.push(key);
        }
        return found.sort();
      }),
  };
}
