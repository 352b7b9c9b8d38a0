import type { Output } from './main.ts';

/**
 * Characters a terminal acts on rather than shows: C0 controls other than tab and line feed (escape
 * sequences, carriage returns, bells), C1 controls (a lone CSI), and the bidirectional marks, embeddings,
 * overrides and isolates that reorder what follows them.
 */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Writes every character a terminal would act on as a visible `\uXXXX` escape, which is also valid inside a JSON string. */
export function inert(text: string): string {
  return text.replace(ACTIVE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The writer every command writes through: inert text, and for a message stream, a cap on how much. */
export interface GuardedOutput extends Output {
  /** From now on, writes past `characters` in all are dropped and counted, for `finish` to summarise. */
  cap(characters: number): void;
  /** Writes the summary of what the cap dropped, if anything was. */
  finish(): void;
}

/**
 * An output that makes whatever is written to it inert, so scenario or log text cannot drive the
 * terminal, and that stops a flood of messages at its cap with one closing line saying how much was cut.
 */
export function inertOutput(output: Output, capCharacters = Infinity): GuardedOutput {
  let cap = capCharacters;
  let written = 0;
  let droppedLines = 0;
  let droppedCharacters = 0;
  return {
    write(text: string) {
      const safe = inert(text);
      if (written + safe.length <= cap) {
        written += safe.length;
        return output.write(safe);
      }
      const room = Math.max(0, cap - written);
      const fits = safe.lastIndexOf('\n', room - 1) + 1;
      if (fits > 0) output.write(safe.slice(0, fits));
      written = cap;
      const rest = safe.slice(fits);
      droppedCharacters += rest.length;
      droppedLines += rest.split('\n').length - (rest.endsWith('\n') ? 1 : 0);
      return true;
    },
    cap(characters: number) {
      cap = characters;
    },
    finish() {
      if (droppedCharacters === 0) return;
      output.write(`bridge-drill: ${droppedLines} more line(s) of messages (${droppedCharacters} characters) not shown; the output is capped at ${cap} characters\n`);
      droppedLines = 0;
      droppedCharacters = 0;
    },
  };
}
