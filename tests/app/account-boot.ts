import { createAccountController, type RunningAccount } from '../../src/app/account-controller.ts';
import { createApiClient } from '../../src/app/api-client.ts';
import type { Catalog } from '../../src/app/catalog.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { createAppController, type RunningController } from '../../src/app/session-controller.ts';
import { createAppStore, type AppStore } from '../../src/app/store.ts';
import { createInstructorController, type RunningInstructor } from '../../src/app/instructor-controller.ts';
import { MemoryStorage, readRepoText, sequentialIds } from '../helpers.ts';
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { acmeCatalog } from './account-fixtures.ts';
import { FakeResultsServer, ManualScheduler } from './fake-results-server.ts';

/** A frame loop the test turns by hand. */
export class ManualFrames {
  private listener: ((now: number) => void) | null = null;
  private now = 0;
  readonly loop = (onFrame: (now: number) => void) => {
    this.listener = onFrame;
    onFrame(this.now);
    return () => {
      if (this.listener === onFrame) this.listener = null;
    };
  };
  /** Lets `ms` of real time pass, a frame every 100 ms. */
  run(ms: number): void {
    for (let t = 0; t < ms; t += 100) {
      this.now += 100;
      this.listener?.(this.now);
    }
  }
}

export interface Booted {
  readonly store: AppStore;
  readonly controller: RunningController;
  readonly account: RunningAccount;
  readonly instructor: RunningInstructor;
  readonly frames: ManualFrames;
  readonly scheduler: ManualScheduler;
  readonly storage: MemoryStorage;
  readonly server: FakeResultsServer;
  /** Settles once storage, the account and the network are quiet. */
  settle(): Promise<void>;
}

/** One page: the store, the session controller and the account, over a storage and a network the test may share between pages. */
export async function bootPage({
  server = new FakeResultsServer(),
  storage = new MemoryStorage(),
  catalog = acmeCatalog,
  wallClock = () => 1_700_000_000_000,
  ids = sequentialIds(),
}: { server?: FakeResultsServer; storage?: MemoryStorage; catalog?: Catalog; wallClock?: () => number; ids?: () => string } = {}): Promise<Booted> {
  const store = createAppStore();
  const frames = new ManualFrames();
  const scheduler = new ManualScheduler();
  const port = keyValueStoragePort(storage);
  const api = createApiClient(server.fetch);
  const account = createAccountController({ store, api, storage: port, catalog, schedule: scheduler.schedule, wallClock, newId: ids, pageSize: 2, draftIntervalMs: 4000 });
  const controller = createAppController({ store, catalog, storage: port, frames: frames.loop, wallClock, newId: ids, sync: account.sessionSync });
  const instructor = createInstructorController({ store, api, leaveScenario: () => controller.closeScenario() });
  await account.start();
  await controller.ready;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await controller.saved();
      await account.idle();
      await instructor.idle();
    }
  };
  await settle();
  return { store, controller, account, instructor, frames, scheduler, storage, server, settle };
}

/** A copy of Acme under another id (and title), as an instructor would publish it, with the playbook it is written for. */
export function publishedCopy(id = 'acme-night-shift', title = 'Acme at night'): { scenario: { id: string; version: string; sha256: string; title: string; text: string; playbook: { id: string; sha256: string; text: string } } } {
  const object = JSON.parse(readRepoText('scenarios/acme-chemical.json')) as Record<string, unknown>;
  object.id = id;
  object.title = title;
  const text = JSON.stringify(object, null, 2);
  const playbookText = readRepoText('scenarios/playbooks/itil-major-incident.json');
  return {
    scenario: { id, version: String(object.version), sha256: contentSha256OfJsonText(text), title, text, playbook: { id: 'itil-major-incident', sha256: contentSha256OfJsonText(playbookText), text: playbookText } },
  };
}
