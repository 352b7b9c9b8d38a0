/**
 * Text for the PDF renderer, which neither falls back to another font for a missing glyph nor reorders
 * right-to-left text: Arabic and Hebrew runs get a font that has them, and the words of each such run are put in
 * the order they are seen in, left to right. The letters within a word are shaped and ordered by the font engine.
 */

export type RunFont = 'Arabic' | 'Hebrew';

export interface ScriptRun {
  readonly text: string;
  /** Absent for the default font. */
  readonly font?: RunFont;
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/u;
const RTL = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
// A run of right-to-left words of one script, with the spaces between them.
const RTL_RUN = /[\u0590-\u05ff\ufb1d-\ufb4f]+(?:\s+[\u0590-\u05ff\ufb1d-\ufb4f]+)*|[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+(?:\s+[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)*/gu;

export const hasRightToLeft = (text: string): boolean => RTL.test(text);

/** `text` cut into runs of the default font and of each right-to-left script, in the order they are drawn. */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    const words = match[0].split(/\s+/u).reverse().join(' ');
    runs.push({ text: words, font: ARABIC.test(match[0]) ? 'Arabic' : HEBREW.test(match[0]) ? 'Hebrew' : 'Arabic' });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
