import { createTraineeController } from '../../app/classroom/trainee-controller.ts';
import type { AppController } from '../../app/controller.ts';
import type { KeyValueStorage } from '../../app/ports.ts';
import { createAppStore, type AppStore } from '../../app/store.ts';
import type { GameLoader } from '../play-screen.ts';
import { mountTraineePage } from './trainee-page.ts';

export interface TraineeMainOptions {
  /** The call scene for a store and controller; the page passes Phaser in, so this module never loads it. */
  readonly game?: (store: AppStore, controller: AppController) => GameLoader;
  readonly download: (fileName: string, mimeType: string, text: string) => void;
  readonly print: () => void;
  readonly storage: KeyValueStorage;
}

/** Starts the trainee's classroom page (`/?join=CODE`) in `root`; returns its store, for sound. */
export function startTraineePage(root: HTMLElement, code: string | null, options: TraineeMainOptions): AppStore {
  const store = createAppStore();
  const controller = createTraineeController({ store, fetch: (url, init) => fetch(url, init), storage: options.storage, endpoint: window.location.origin });
  mountTraineePage(root, { controller, store, download: options.download, print: options.print, ...(options.game ? { loadGame: options.game(store, controller.app) } : {}) });
  void controller.start(code);
  window.addEventListener('pagehide', () => controller.dispose());
  return store;
}
