import { ellipsize, type MeasureText } from './ellipsize.ts';
import { fontString, type FontSpec } from './text-style.ts';

/** How a name is set on a tile: one font size, one or two lines. */
export interface NameFit {
  readonly font: FontSpec;
  /** The lines as drawn; the name whole unless `cut`. */
  readonly lines: readonly string[];
  /** Nothing fitted, so the name was cut short and ends in "…". */
  readonly cut: boolean;
}

export interface NameRoom {
  /** How wide a line may be (device pixels). */
  readonly width: number;
  /** The size the tile would like, and the smallest that is still readable (device pixels). */
  readonly largest: number;
  readonly smallest: number;
  readonly maxLines: 1 | 2;
}

const WEIGHT = '600';
/** A one-line name may shrink to this share of the largest size before wrapping is tried. */
const SHRINK_BEFORE_WRAP = 0.8;

function font(size: number): FontSpec {
  return { size, weight: WEIGHT };
}

function oneLine(name: string, room: NameRoom, from: number, to: number, measure: MeasureText): NameFit | null {
  for (let size = from; size >= to; size--) {
    if (measure(name, fontString(font(size))) <= room.width) return { font: font(size), lines: [name], cut: false };
  }
  return null;
}

/** The split of `name` at a space that makes its longer line shortest. */
function bestSplit(name: string, size: number, measure: MeasureText): readonly [string, string] | null {
  const words = name.split(' ').filter((word) => word !== '');
  let best: readonly [string, string] | null = null;
  let bestWidth = Infinity;
  for (let at = 1; at < words.length; at++) {
    const lines = [words.slice(0, at).join(' '), words.slice(at).join(' ')] as const;
    const widest = Math.max(...lines.map((line) => measure(line, fontString(font(size)))));
    if (widest < bestWidth) {
      best = lines;
      bestWidth = widest;
    }
  }
  return best;
}

function twoLines(name: string, room: NameRoom, measure: MeasureText): NameFit | null {
  for (let size = room.largest; size >= room.smallest; size--) {
    const lines = bestSplit(name, size, measure);
    if (lines && lines.every((line) => measure(line, fontString(font(size))) <= room.width)) return { font: font(size), lines, cut: false };
  }
  return null;
}

/**
 * Sets `name` in `room`: on one line at the largest size that fits, down to a little smaller; then
 * wrapped at a space onto two lines (when allowed); then on one line down to the smallest readable
 * size. Only when none of these fits is the name cut short, at the smallest size.
 */
export function fitName(name: string, room: NameRoom, measure: MeasureText): NameFit {
  const largest = Math.max(room.largest, room.smallest);
  const shrunk = Math.max(room.smallest, Math.round(largest * SHRINK_BEFORE_WRAP));
  const fit =
    oneLine(name, room, largest, shrunk, measure) ??
    (room.maxLines === 2 ? twoLines(name, { ...room, largest }, measure) : null) ??
    oneLine(name, room, shrunk - 1, room.smallest, measure);
  if (fit) return fit;
  const smallest = font(room.smallest);
  return { font: smallest, lines: [ellipsize(name, fontString(smallest), room.width, measure)], cut: true };
}
