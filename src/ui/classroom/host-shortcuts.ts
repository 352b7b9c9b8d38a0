import type { RoomPhase } from '../../app/classroom/classroom-types.ts';
import { isTyping, type KeyPress, type ShortcutHelpRow } from '../shortcuts.ts';

/** What a key on the projector page asks for. */
export type HostIntent =
  | { readonly kind: 'start' }
  | { readonly kind: 'toggle-pause' }
  | { readonly kind: 'speed'; readonly speed: 1 | 2 | 5 | 10 }
  | { readonly kind: 'toggle-lock' }
  | { readonly kind: 'reveal' }
  | { readonly kind: 'end' }
  | { readonly kind: 'toggle-help' }
  | { readonly kind: 'escape' };

const SPEED_KEYS: ReadonlyMap<string, 1 | 2 | 5 | 10> = new Map([
  ['1', 1],
  ['2', 2],
  ['5', 5],
  ['0', 10],
]);

const LETTERS: Readonly<Record<string, HostIntent>> = {
  s: { kind: 'start' },
  l: { kind: 'toggle-lock' },
  r: { kind: 'reveal' },
  e: { kind: 'end' },
};

export const HOST_SHORTCUT_HELP: readonly ShortcutHelpRow[] = [
  { keys: ['S'], does: 'Start the exercise (from the lobby)' },
  { keys: ['Space'], does: 'Pause or resume the class’s clock' },
  { keys: ['1', '2', '5', '0'], does: 'Run the clock at 1×, 2×, 5× or 10×' },
  { keys: ['L'], does: 'Lock or unlock joining' },
  { keys: ['R'], does: 'Reveal what the playbook says (class votes: close the open question)' },
  { keys: ['E'], does: 'End the exercise, after a confirmation' },
  { keys: ['?'], does: 'Show or hide this list' },
  { keys: ['Esc'], does: 'Close this list, or go back to the call from a reveal' },
];

/** Controls that Space presses: there Space keeps its own meaning. */
const PRESSED_BY_SPACE = 'button, summary, a[href], [role="button"], input, select, textarea';

/** The host's shortcut for a key press, or null: no modifiers, no auto-repeat, nothing while typing. */
export function hostShortcutFor(press: KeyPress, focused: Element | null): HostIntent | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  if (press.key === 'Escape') return { kind: 'escape' };
  if (isTyping(focused)) return null;
  if (press.key === ' ') return focused?.closest(PRESSED_BY_SPACE) ? null : { kind: 'toggle-pause' };
  if (press.key === '?') return { kind: 'toggle-help' };
  const speed = SPEED_KEYS.get(press.key);
  if (speed !== undefined) return { kind: 'speed', speed };
  return LETTERS[press.key.toLowerCase()] ?? null;
}

/** Whether a command makes sense in this phase; the server refuses the rest anyway. */
export function allowedIn(intent: HostIntent, phase: RoomPhase | null): boolean {
  switch (intent.kind) {
    case 'start':
      return phase === 'lobby';
    case 'toggle-pause':
    case 'reveal':
      return phase === 'running' || phase === 'paused';
    case 'speed':
    case 'toggle-lock':
    case 'end':
      return phase !== null && phase !== 'ended';
    default:
      return true;
  }
}
