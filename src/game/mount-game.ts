import { CALL_STOPPING } from './call-events.ts';
import { AUTO, Game, Scale } from 'phaser';
import type { AppStore } from '../app/store.ts';
import type { BridgeContext, GameIntents } from './bridge-context.ts';
import { Boot } from './scenes/Boot.ts';
import { Bridge } from './scenes/Bridge.ts';
import { COLOURS } from './theme.ts';

export type { GameIntents } from './bridge-context.ts';

export interface MountedGame {
  destroy(): void;
}

export interface MountOptions {
  /** No tweens or pulses. Defaults to the `prefers-reduced-motion` media query. */
  readonly reducedMotion?: boolean;
}

function cssSize(parent: HTMLElement): { width: number; height: number } {
  const bounds = parent.getBoundingClientRect();
  return { width: Math.max(1, Math.floor(bounds.width)), height: Math.max(1, Math.floor(bounds.height)) };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Mounts the call scene in `parent`, filling it. The scene draws `store.getState().play` and calls
 * `intents`; it never changes the store. The canvas is sized in device pixels and shown at CSS
 * size, so text and lines are sharp on any display.
 */
export function mountGame(parent: HTMLElement, store: AppStore, intents: GameIntents, options: MountOptions = {}): MountedGame {
  let dpr = window.devicePixelRatio || 1;
  let size = cssSize(parent);
  const context: BridgeContext = {
    store,
    intents,
    parent,
    reducedMotion: options.reducedMotion ?? prefersReducedMotion(),
    dpr: () => dpr,
  };
  delete parent.dataset.ready;
  const game = new Game({
    type: AUTO,
    parent,
    backgroundColor: COLOURS.bg,
    banner: false,
    roundPixels: true,
    antialiasGL: false,
    audio: { noAudio: true },
    scale: { mode: Scale.NONE, width: Math.round(size.width * dpr), height: Math.round(size.height * dpr), zoom: 1 / dpr },
    scene: [new Boot(), new Bridge(context)],
  });
  game.canvas.style.display = 'block';

  const fit = (): void => {
    const next = cssSize(parent);
    const nextDpr = window.devicePixelRatio || 1;
    if (next.width === size.width && next.height === size.height && nextDpr === dpr) return;
    size = next;
    if (nextDpr !== dpr) {
      dpr = nextDpr;
      game.scale.setZoom(1 / dpr);
    }
    game.scale.resize(Math.round(size.width * dpr), Math.round(size.height * dpr));
    game.canvas.style.width = `${size.width}px`;
    game.canvas.style.height = `${size.height}px`;
  };
  const observer = new ResizeObserver(fit);
  observer.observe(parent);
  window.addEventListener('resize', fit);

  return {
    destroy() {
      observer.disconnect();
      window.removeEventListener('resize', fit);
      game.events.emit(CALL_STOPPING);
      game.destroy(true);
      // The loop sleeps while nothing moves; the destroy happens on its next step.
      if (!game.loop.running) game.loop.wake();
      delete parent.dataset.ready;
      delete parent.dataset.tiles;
      delete parent.dataset.tileWidth;
      delete parent.dataset.cutNames;
      delete parent.dataset.tileBounds;
      delete parent.dataset.galleryArea;
    },
  };
}
