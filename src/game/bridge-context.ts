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
  /** The element the canvas sits in; it carries `data-ready`, `data-tiles` and `data-tile-width` for end-to-end tests. */
  readonly parent: HTMLElement;
  /** No tweens or pulses: changes happen at once. */
  readonly reducedMotion: boolean;
  /** Device pixels per CSS pixel now; the game draws in device pixels so text stays sharp. */
  dpr(): number;
}
