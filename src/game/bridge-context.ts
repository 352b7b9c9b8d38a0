import type { AppStore } from '../app/store.ts';

/** What the scene may ask of the app: the views' intents, never a change to the store. */
export interface GameIntents {
  viewBridge(bridge: string): void;
  focusParticipant(participant: string | null): void;
}

/** What the scenes are given when the game is mounted. */
export interface BridgeContext {
  readonly store: AppStore;
  readonly intents: GameIntents;
  /**
   * The element the canvas sits in. For end-to-end tests it carries `data-ready`, `data-tiles`,
   * `data-tile-width`, `data-cut-names` (tiles whose name is cut short), and `data-gallery-area` and
   * `data-tile-bounds` ("x y width height" in CSS pixels: where tiles may go, and the box round the tiles drawn now).
   */
  readonly parent: HTMLElement;
  /** No tweens or pulses: changes happen at once. */
  readonly reducedMotion: boolean;
  /** Device pixels per CSS pixel now; the game draws in device pixels so text stays sharp. */
  dpr(): number;
}
