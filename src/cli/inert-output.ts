import type { Output } from './main.ts';

/**
 * Characters a terminal acts on rather than shows: C0 controls other than tab and line feed (escape
 * sequences, carriage returns, bells), C1 controls (a lone CSI), and the bidirectional overrides and
 * isolates that reorder what follows them.
 */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Writes every character a terminal would act on as a visible `\uXXXX` escape, which is also valid inside a JSON string. */
export function inert(text: string): string {
  return text.replace(ACTIVE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An output that makes whatever is written to it inert, so scenario or log text cannot drive the terminal. */
export function inertOutput(output: Output): Output {
  return { write: (text: string) => output.write(inert(text)) };
}
