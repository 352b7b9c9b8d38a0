/** Bidirectional marks, embeddings, overrides and isolates: the characters that reorder the text around them. */
export const BIDI_CONTROL_CLASS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

const ANY_BIDI_CONTROL = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'u');
const EVERY_BIDI_CONTROL = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'gu');

export const hasBidiControl = (text: string): boolean => ANY_BIDI_CONTROL.test(text);

export const withoutBidiControls = (text: string): string => text.replace(EVERY_BIDI_CONTROL, '');

/**
 * Text for a surface that cannot hold markup (a canvas, a select option): its own bidi controls removed
 * and the rest wrapped in a first strong isolate, so nothing in it can reorder what is drawn after it.
 */
export function isolateText(text: string): string {
  return `\u2068${withoutBidiControls(text)}\u2069`;
}
