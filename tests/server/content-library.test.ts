import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/server/bounded-cache.ts';
import { ContentLibrary } from '../../src/server/content-library.ts';
import type { ResultsStore } from '../../src/server/db/store.ts';
import { acmeObject } from '../helpers.ts';
import { acmeAttempt } from './support/attempts.ts';
import { freshStore } from './support/stores.ts';

describe('BoundedCache', () => {
  it('keeps at most its capacity, forgetting the entry used longest ago', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('ContentLibrary', () => {
  let store: ResultsStore;
  let library: ContentLibrary;

  beforeAll(async () => {
    store = await freshStore('pglite');
    library = new ContentLibrary(store);
    await library.addBundled();
  });

  afterAll(async () => {
    await store.close();
  });

  it('grades against a scenario that was only checked, never published, only once it is stored', async () => {
    const edited = { ...acmeObject(), version: '9.9.9' };
    const checked = library.check(JSON.stringify(edited));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const bundled = acmeAttempt();
    const attempt = { ...bundled, scenario: { ...bundled.scenario, version: '9.9.9', sha256: checked.version.sha256 } };
    const before = await library.lookupFor(attempt);
    expect(before('scenario', attempt.scenario.id, attempt.scenario.sha256)).toBeUndefined();
    await store.putVersion(checked.version);
    const after = await library.lookupFor(attempt);
    expect(after('scenario', attempt.scenario.id, attempt.scenario.sha256)?.version).toBe('9.9.9');
  });
});
