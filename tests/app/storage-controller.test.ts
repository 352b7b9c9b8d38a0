import { describe, expect, it } from 'vitest';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { createAppController } from '../../src/app/session-controller.ts';
import { createAppStore } from '../../src/app/store.ts';
import { acmeText, catalogWith, MemoryStorage, sequentialIds } from '../helpers.ts';

const catalog = catalogWith(['acme-chemical']);

async function boot(storage: MemoryStorage) {
  const store = createAppStore();
  const controller = createAppController({ store, catalog, storage: keyValueStoragePort(storage), frames: () => () => {}, wallClock: () => 1_700_000_000_000, newId: sequentialIds() });
  await controller.ready;
  return { store, controller };
}

describe('an opened file that no longer validates', () => {
  it('is listed as needing attention with its problems, said in a notice, and kept when another file is opened', async () => {
    const storage = new MemoryStorage();
    const broken = { file: 'old.json', text: '{"id":"old-one"}' };
    storage.setItem('bridge-drill:opened:v1', JSON.stringify([broken]));
    const { store, controller } = await boot(storage);
    const needing = store.getState().openedNeedingAttention;
    expect(needing.map((item) => item.file)).toEqual(['old.json']);
    expect(needing[0]!.problems.length).toBeGreaterThan(0);
    expect(store.getState().notice).toMatch(/old\.json.*kept/);
    const copy = JSON.parse(acmeText()) as Record<string, unknown>;
    copy.id = 'my-acme';
    await controller.openFile('my-acme.json', JSON.stringify(copy));
    await controller.saved();
    const kept = JSON.parse(storage.getItem('bridge-drill:opened:v1')!) as { file: string }[];
    expect(kept.map((item) => item.file)).toEqual(['old.json', 'my-acme.json']);
  });
});

describe('removing an opened file that no longer validates', () => {
  it('takes only that file out of the list as stored now, keeping what another tab opened since', async () => {
    const storage = new MemoryStorage();
    const broken = { file: 'old.json', text: '{"id":"old-one"}' };
    const alsoBroken = { file: 'older.json', text: '{"id":"older-one"}' };
    storage.setItem('bridge-drill:opened:v1', JSON.stringify([broken, alsoBroken]));
    const { store, controller } = await boot(storage);
    const fromOtherTab = { file: 'other-tab.json', text: '{"id":"other"}' };
    storage.setItem('bridge-drill:opened:v1', JSON.stringify([broken, alsoBroken, fromOtherTab]));
    await controller.forgetOpenedFile('old.json');
    await controller.saved();
    expect(store.getState().openedNeedingAttention.map((item) => item.file)).toEqual(['older.json']);
    expect(JSON.parse(storage.getItem('bridge-drill:opened:v1')!)).toEqual([alsoBroken, fromOtherTab]);
  });

  it('keeps it listed and says so when the storage refuses the change', async () => {
    const storage = new MemoryStorage();
    const broken = { file: 'old.json', text: '{"id":"old-one"}' };
    storage.setItem('bridge-drill:opened:v1', JSON.stringify([broken]));
    const { store, controller } = await boot(storage);
    storage.failWrites = true;
    await controller.forgetOpenedFile('old.json');
    await controller.saved();
    expect(store.getState().openedNeedingAttention.map((item) => item.file)).toEqual(['old.json']);
    expect(store.getState().notice).toMatch(/^“old\.json” could not be removed, so it is still kept/);
    expect(JSON.parse(storage.getItem('bridge-drill:opened:v1')!)).toEqual([broken]);
  });
});

describe('a finish when storage always refused', () => {
  it('does not claim the session is kept', async () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const { store, controller } = await boot(storage);
    await controller.openScenario('acme-chemical');
    controller.start('exam');
    await controller.finish();
    await controller.saved();
    expect(store.getState().notice).toMatch(/Nothing of it could be saved/);
    expect(store.getState().notice).not.toMatch(/session is kept/);
  });
});
