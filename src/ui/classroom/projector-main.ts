import { createHostController } from '../../app/classroom/host-controller.ts';
import type { KeyValueStorage } from '../../app/ports.ts';
import { createAppStore, type AppStore } from '../../app/store.ts';
import type { GameLoader } from '../play-screen.ts';
import { mountProjectorPage } from './projector-page.ts';
import type { QrSvg } from './projector-qr.ts';

/** What the call scene may ask of the page (the game's ProjectorIntents, by shape). */
export interface ProjectorIntents {
  viewBridge(bridge: string): void;
  focusParticipant(participant: string | null): void;
}

export interface ProjectorMainOptions {
  /** The call scene for a store and its intents; the page passes Phaser in, so this module never loads it. */
  readonly game?: (store: AppStore, intents: ProjectorIntents) => GameLoader;
  readonly storage: KeyValueStorage;
  /** Draws the join page's QR code as SVG. */
  readonly qr?: QrSvg;
}

/** Starts the projector page of a classroom (`/?host=CODE`) in `root`. */
export function startProjectorPage(root: HTMLElement, code: string, options: ProjectorMainOptions): void {
  const store = createAppStore();
  const controller = createHostController({ code, store, fetch: (url, init) => fetch(url, init), storage: options.storage, endpoint: window.location.origin });
  const intents: ProjectorIntents = { viewBridge: (bridge) => controller.viewBridge(bridge), focusParticipant: () => {} };
  document.title = `Classroom ${code} · Bridge Drill`;
  const page = mountProjectorPage(root, { controller, store, ...(options.game ? { loadGame: options.game(store, intents) } : {}), ...(options.qr ? { qr: options.qr } : {}) });
  void controller.start();
  window.addEventListener('pagehide', () => {
    page.dispose();
    controller.dispose();
  });
}

