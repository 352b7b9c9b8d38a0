/** Measures a string's width in a given CSS font. */
export type MeasureText = (text: string, font: string) => number;

const ELLIPSIS = '…';

/** `text` cut at a character boundary and ended with "…" so it fits in `maxWidth`; unchanged when it fits. */
export function ellipsize(text: string, font: string, maxWidth: number, measure: MeasureText): string {
  if (measure(text, font) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}
