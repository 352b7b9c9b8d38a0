import { clamp } from './clamp.ts';
import type { Rect } from './gallery-layout.ts';

/** Where the call scene's parts go on a stage of a given size, in device pixels. */
export interface StageLayout {
  readonly header: Rect;
  /** Where the tiles may go; always inside the stage, below the header. */
  readonly gallery: Rect;
  /** Between tiles. */
  readonly gap: number;
  /** The "Nobody is on … yet" line: its size and centre. */
  readonly emptyFontSize: number;
  readonly emptyX: number;
  readonly emptyY: number;
}

/** The header above the gallery takes no more than this share of the stage's height. */
const MAX_HEADER_SHARE = 0.4;

/**
 * The header row along the top and the gallery below it, both inset from the stage's edges. However
 * small the stage, every part stays inside it: on a very short stage the margins and header shrink.
 */
export function stageLayout(width: number, height: number, dpr: number): StageLayout {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const pad = Math.min(Math.round(clamp(Math.min(w, h) * 0.03, 10 * dpr, 28 * dpr)), Math.floor(w / 8), Math.floor(h / 8));
  const headerHeight = Math.min(Math.round(clamp(h * 0.085, 40 * dpr, 68 * dpr)), Math.floor((h - pad * 2) * MAX_HEADER_SHARE));
  const top = pad + headerHeight + Math.round(pad * 0.75);
  const gallery = { x: pad, y: top, width: Math.max(0, w - pad * 2), height: Math.max(0, h - top - pad) };
  return {
    header: { x: pad, y: pad, width: Math.max(0, w - pad * 2), height: headerHeight },
    gallery,
    gap: Math.round(clamp(w * 0.009, 6 * dpr, 14 * dpr)),
    emptyFontSize: Math.round(clamp(h * 0.03, 14 * dpr, 24 * dpr)),
    emptyX: Math.round(w / 2),
    emptyY: Math.round((top + h) / 2),
  };
}
