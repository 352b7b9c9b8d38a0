/** Bidirectional embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Scenario text as drawn on the canvas: its own bidi controls removed and the rest wrapped in a first
 * strong isolate, so a right-to-left override in a name cannot reorder what is drawn after it.
 */
export function isolateText(text: string): string {
  return `\u2068${text.replace(BIDI_CONTROLS, '')}\u2069`;
}
