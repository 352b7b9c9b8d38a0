import { withoutBidiControls } from '../core/text/bidi.ts';
import type { MeasureText } from './ellipsize.ts';

/**
 * Advance widths, in hundredths of an em, of the printable ASCII characters (space to "~") in
 * DejaVu Sans Bold: what `system-ui` resolves to on a bare Linux, and wider than Segoe UI, Roboto or
 * SF Pro at any weight, so a width estimated with it is never short of what a browser draws.
 */
const ADVANCES = [
  35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, // space to /
  70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58, // 0 to ?
  100, 78, 77, 74, 83, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 85, // @ to O
  74, 85, 77, 72, 69, 82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50, // P to _
  50, 68, 72, 60, 72, 68, 44, 72, 72, 35, 35, 67, 35, 105, 72, 69, // ` to o
  72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84, // p to ~
] as const;

/** Anything outside the table (other scripts, symbols): a full em, wider than most letters. */
const UNKNOWN = 100;
const ELLIPSIS = 100;

function advance(char: string): number {
  if (char === '…') return ELLIPSIS;
  if (char === '’' || char === '‘') return ADVANCES[7];
  const code = char.charCodeAt(0);
  if (char.length === 1 && code >= 32 && code <= 126) return ADVANCES[code - 32]!;
  // An accented Latin letter is as wide as its base letter: "á" as "a".
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== char && base.length > 0) return Array.from(base).reduce((sum, part) => sum + advance(part), 0);
  return UNKNOWN;
}

/** The font size, in pixels, in a CSS font shorthand such as `600 14px system-ui`. */
function fontPixels(font: string): number {
  const match = /(\d+(?:\.\d+)?)px/.exec(font);
  if (!match) throw new Error(`No pixel size in the font "${font}".`);
  return Number(match[1]);
}

/**
 * A deterministic, generous estimate of how wide `text` is drawn in `font`: the sum of the bold
 * advance widths, whatever the weight, with no kerning. Where a real canvas is not at hand (unit
 * tests, Node) it stands in for `measureText` and never measures a name narrower than it is drawn.
 */
export const estimateTextWidth: MeasureText = (text, font) => {
  const size = fontPixels(font);
  let hundredths = 0;
  for (const char of Array.from(withoutBidiControls(text))) hundredths += advance(char);
  return (hundredths * size) / 100;
};
