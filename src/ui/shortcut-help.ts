import { h } from './dom.ts';
import type { ShortcutHelpRow } from './shortcuts.ts';
import './shortcut-help.css';

export interface ShortcutHelp {
  readonly isOpen: boolean;
  open(): void;
  close(): void;
  toggle(): void;
  /** Closes it without moving the focus, for when the screen it belongs to goes away. */
  dispose(): void;
}

const TITLE_ID = 'shortcut-help-title';
const NOTE_ID = 'shortcut-help-note';

/**
 * The list of keyboard shortcuts as a modal dialog placed in `host`. While it is open the rest of `host` is
 * inert, Tab stays inside it, Escape or a click outside closes it, and the focus goes back where it was.
 */
export function createShortcutHelp(host: HTMLElement, rows: readonly ShortcutHelpRow[]): ShortcutHelp {
  const close = h('button', { class: 'button subtle small shortcut-help-close', attrs: { type: 'button' } }, 'Close');
  const dialog = h(
    'div',
    { class: 'shortcut-help', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': TITLE_ID, 'aria-describedby': NOTE_ID, tabindex: '-1' } },
    h('div', { class: 'shortcut-help-head' }, h('h2', { attrs: { id: TITLE_ID } }, 'Keyboard shortcuts'), close),
    shortcutTable(rows),
    h('p', { class: 'shortcut-help-note', attrs: { id: NOTE_ID } }, 'Shortcuts rest while you type in a field or hold Ctrl, Alt or Cmd. On a focused button, Space presses the button.'),
  );
  const backdrop = h('div', { class: 'shortcut-help-backdrop' }, dialog);

  let returnFocusTo: HTMLElement | null = null;
  let madeInert: HTMLElement[] = [];

  const hide = (restoreFocus: boolean) => {
    if (!backdrop.isConnected) return;
    backdrop.remove();
    for (const element of madeInert) element.inert = false;
    madeInert = [];
    if (restoreFocus && returnFocusTo?.isConnected) returnFocusTo.focus();
    returnFocusTo = null;
  };
  const show = () => {
    if (backdrop.isConnected) return;
    const active = host.ownerDocument.activeElement;
    returnFocusTo = active instanceof HTMLElement && active !== host.ownerDocument.body ? active : null;
    madeInert = Array.from(host.children).filter((child): child is HTMLElement => child instanceof HTMLElement && !child.inert);
    for (const element of madeInert) element.inert = true;
    host.append(backdrop);
    close.focus();
  };

  close.addEventListener('click', () => hide(true));
  backdrop.addEventListener('click', (event) => {
    if (event.target === backdrop) hide(true);
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide(true);
    } else if (event.key === 'Tab') {
      // The close button is the only control inside, so Tab and Shift+Tab both stay on it.
      event.preventDefault();
      close.focus();
    }
  });

  return {
    get isOpen() {
      return backdrop.isConnected;
    },
    open: show,
    close: () => hide(true),
    toggle: () => (backdrop.isConnected ? hide(true) : show()),
    dispose: () => hide(false),
  };
}

function shortcutTable(rows: readonly ShortcutHelpRow[]): HTMLTableElement {
  return h(
    'table',
    { class: 'shortcut-help-table' },
    h('caption', { class: 'sr-only' }, 'Keys and what they do on the call'),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Key'), h('th', { attrs: { scope: 'col' } }, 'What it does'))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, ...row.keys.flatMap((key, index) => [index > 0 ? ' or ' : null, h('kbd', {}, key)])),
          h('td', {}, row.does),
        ),
      ),
    ),
  );
}
