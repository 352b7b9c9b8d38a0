import { SPEEDS, type Speed } from '../app/store.ts';

/** The tabs of the action panel a key jumps to, by the panel's own tab keys. */
export type ShortcutTab = 'notify' | 'priority' | 'can';

/** What a key on the play screen asks for; the play screen's shortcut handler carries it out through the controller. */
export type ShortcutIntent =
  | { readonly kind: 'toggle-pause' }
  | { readonly kind: 'set-speed'; readonly speed: Speed }
  | { readonly kind: 'toggle-mute' }
  | { readonly kind: 'show-tab'; readonly tab: ShortcutTab }
  | { readonly kind: 'toggle-help' }
  | { readonly kind: 'close-help' };

/** The parts of a KeyboardEvent the mapping reads, so it can be tested without one. */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly repeat: boolean;
}

/** One line of the help overlay: the keys as printed on the keyboard, and what they do. */
export interface ShortcutHelpRow {
  readonly keys: readonly string[];
  readonly does: string;
}

const SPEED_KEYS = ['1', '2', '3', '4'] as const;

/** Speed keys in order, one for each speed the clock controls offer (at most four). */
const SPEED_BY_KEY: ReadonlyMap<string, Speed> = new Map(SPEED_KEYS.flatMap((key, index) => (SPEEDS[index] === undefined ? [] : [[key, SPEEDS[index]] as const])));

const LETTERS: Readonly<Record<string, ShortcutIntent>> = {
  m: { kind: 'toggle-mute' },
  n: { kind: 'show-tab', tab: 'notify' },
  p: { kind: 'show-tab', tab: 'priority' },
  c: { kind: 'show-tab', tab: 'can' },
};

export const SHORTCUT_HELP: readonly ShortcutHelpRow[] = [
  { keys: ['Space'], does: 'Pause or resume the clock' },
  ...Array.from(SPEED_BY_KEY, ([key, speed]) => ({ keys: [key], does: `Run the clock at ${speed}×` })),
  { keys: ['M'], does: 'Mute or unmute the person whose row is open under People' },
  { keys: ['N'], does: 'Go to the Notify tab' },
  { keys: ['P'], does: 'Go to the Priority (or Severity) tab' },
  { keys: ['C'], does: 'Go to the CAN report tab' },
  { keys: ['?'], does: 'Show or hide this list' },
  { keys: ['Esc'], does: 'Close this list' },
];

/** Fields that take typed text, where every key belongs to the field. */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="searchbox"], [role="combobox"]';

/** Controls that Space presses: there Space keeps its own meaning. */
const PRESSED_BY_SPACE = 'button, summary, a[href], [role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="radio"], [role="menuitem"], [role="option"], [role="link"]';

/** Whether the focus is in a place that takes typed text. */
export function isTyping(focused: Element | null): boolean {
  return focused?.closest(TYPING) != null;
}

/**
 * The shortcut a key press asks for, or null when it asks for none: no key held with Ctrl, Cmd or Alt (those
 * belong to the browser and the system), no auto-repeat (holding Space must not pause and resume), nothing
 * while the focus is in a text field, and no Space on a button, which Space presses instead.
 */
export function shortcutFor(press: KeyPress, focused: Element | null): ShortcutIntent | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  if (isTyping(focused)) return null;
  if (press.key === ' ') return focused?.closest(PRESSED_BY_SPACE) ? null : { kind: 'toggle-pause' };
  if (press.key === '?') return { kind: 'toggle-help' };
  if (press.key === 'Escape') return { kind: 'close-help' };
  const speed = SPEED_BY_KEY.get(digitOf(press) ?? '');
  if (speed !== undefined) return { kind: 'set-speed', speed };
  return LETTERS[press.key.toLowerCase()] ?? null;
}

/**
 * The digit a key press means. Keyboards such as AZERTY type the digits only with Shift, so an unshifted
 * key in the digit row counts as its digit too; a shifted one is a symbol there (Shift+1 is "!").
 */
function digitOf(press: KeyPress): string | null {
  if (/^[0-9]$/.test(press.key)) return press.key;
  const row = /^Digit([0-9])$/.exec(press.code);
  return row && !press.shiftKey ? (row[1] ?? null) : null;
}
