// @vitest-environment jsdom
import { fireEvent, getAllByRole, getByRole, queryByRole, waitFor, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { SPEEDS } from '../../src/app/store.ts';
import { mountApp, type App } from '../../src/ui/app.ts';
import { SHORTCUT_HELP, shortcutFor, type KeyPress } from '../../src/ui/shortcuts.ts';
import { catalogWith } from '../helpers.ts';
import { startAcme, type HudSession } from './hud-fixture.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, repeat: false, ...more });

describe('which key asks for what', () => {
  const body = () => document.body;

  it('maps each shortcut to its intent', () => {
    expect(shortcutFor(press(' '), body())).toEqual({ kind: 'toggle-pause' });
    expect(['1', '2', '3', '4'].map((key) => shortcutFor(press(key), body()))).toEqual(SPEEDS.map((speed) => ({ kind: 'set-speed', speed })));
    expect(shortcutFor(press('m'), body())).toEqual({ kind: 'toggle-mute' });
    expect(shortcutFor(press('n'), body())).toEqual({ kind: 'show-tab', tab: 'notify' });
    expect(shortcutFor(press('p'), body())).toEqual({ kind: 'show-tab', tab: 'priority' });
    expect(shortcutFor(press('c'), body())).toEqual({ kind: 'show-tab', tab: 'can' });
    expect(shortcutFor(press('?', { shiftKey: true }), body())).toEqual({ kind: 'toggle-help' });
    expect(shortcutFor(press('Escape'), body())).toEqual({ kind: 'close-help' });
  });

  it('reads letters in either case, and ignores keys that are no shortcut', () => {
    expect(shortcutFor(press('M', { shiftKey: true }), body())).toEqual({ kind: 'toggle-mute' });
    for (const key of ['5', '0', 'x', 'Enter', 'Tab', 'ArrowLeft', 'F1']) expect(shortcutFor(press(key), body()), key).toBeNull();
  });

  it('takes the digit row on keyboards that type digits only with Shift, but not a shifted symbol', () => {
    expect(shortcutFor(press('&', { code: 'Digit1' }), body())).toEqual({ kind: 'set-speed', speed: SPEEDS[0] });
    expect(shortcutFor(press('!', { code: 'Digit1', shiftKey: true }), body())).toBeNull();
  });

  it('leaves keys held with Ctrl, Cmd or Alt to the browser', () => {
    for (const modifier of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      for (const key of [' ', '1', 'm', 'n', '?']) expect(shortcutFor(press(key, { [modifier]: true }), body()), `${modifier} ${key}`).toBeNull();
    }
  });

  it('ignores a key held down, so Space does not pause and resume again and again', () => {
    for (const key of [' ', 'm', '?', '2']) expect(shortcutFor(press(key, { repeat: true }), body())).toBeNull();
  });

  it('never fires while the focus is in a field that takes text', () => {
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inside = document.createElement('span');
    editable.append(inside);
    const fields = [document.createElement('input'), document.createElement('textarea'), document.createElement('select'), editable, inside];
    for (const field of fields) {
      for (const key of [' ', '1', 'm', 'n', 'p', 'c', '?']) expect(shortcutFor(press(key), field), `${key} in ${field.tagName}`).toBeNull();
    }
  });

  it('lets Space press a focused button or tab, and still takes the other keys there', () => {
    const button = document.createElement('button');
    const tab = document.createElement('div');
    tab.setAttribute('role', 'tab');
    expect(shortcutFor(press(' '), button)).toBeNull();
    expect(shortcutFor(press(' '), tab)).toBeNull();
    expect(shortcutFor(press('m'), button)).toEqual({ kind: 'toggle-mute' });
  });
});

let app: App | null = null;

afterEach(() => {
  app?.unmount();
  app = null;
  document.body.replaceChildren();
  window.history.replaceState(null, '', '/');
});

/** The page as main.ts mounts it, on a session of Acme already running at `at`. */
function playing(at = '02:46:30'): { session: HudSession; root: HTMLElement } {
  const session = startAcme({ at });
  window.history.replaceState(null, '', '/?scenario=acme-chemical');
  const root = document.createElement('main');
  document.body.append(root);
  app = mountApp(root, { store: session.store, controller: session.controller, catalog: catalogWith(['acme-chemical']), download: () => {}, print: () => {} });
  return { session, root };
}

const key = (target: Element, name: string, more: Partial<KeyPress> = {}) => fireEvent.keyDown(target, { key: name, bubbles: true, cancelable: true, ...more });
const status = (root: HTMLElement) => within(root).getByTestId('shortcut-status');
const helpDialog = () => queryByRole(document.body, 'dialog', { name: 'Keyboard shortcuts' });
// Looked for in the part of the screen that holds them: a role query over the whole call is slow in jsdom.
const part = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector)!;
const column = (root: HTMLElement, name: 'Actions' | 'People') => getByRole(part(root, '.switcher'), 'button', { name });
const openRow = (root: HTMLElement, name: string) => {
  column(root, 'People').click();
  getByRole(part(root, '.hud-people'), 'button', { name: new RegExp(`^${name},`) }).click();
};

describe('shortcuts on the call', () => {
  it('pauses and resumes with Space, and says so', () => {
    const { session, root } = playing();
    expect(session.play().paused).toBe(true);
    expect(key(document.body, ' ', { code: 'Space' })).toBe(false);
    expect(session.play().paused).toBe(false);
    expect(status(root).textContent).toBe(`Clock running at ${session.play().speed}×`);
    key(document.body, ' ', { code: 'Space' });
    expect(session.play().paused).toBe(true);
    expect(status(root).textContent).toBe('Clock paused');
  });

  it('sets each speed the clock controls offer with 1 to 4', () => {
    const { session, root } = playing();
    const offered = within(part(root, '.hud-speeds')).getAllByRole('button');
    SPEEDS.forEach((speed, index) => {
      key(document.body, String(index + 1));
      expect(session.play().speed).toBe(speed);
      expect(offered[index]!.getAttribute('aria-pressed')).toBe('true');
    });
  });

  it('mutes and unmutes the person whose row is open with M', () => {
    const { session, root } = playing();
    openRow(root, 'Priya Shah');
    key(document.body, 'm');
    expect(session.intents.at(-1)).toEqual({ type: 'mute', participant: 'noisy-sme' });
    expect(status(root).textContent).toBe('Priya Shah muted');
    key(document.body, 'M', { shiftKey: true });
    expect(session.intents.at(-1)).toEqual({ type: 'unmute', participant: 'noisy-sme' });
    expect(status(root).textContent).toBe('Priya Shah unmuted');
  });

  it('explains M instead of muting anyone when no row is open, or the person is not on the call', () => {
    const { session, root } = playing();
    key(document.body, 'm');
    expect(session.intents).toEqual([]);
    expect(status(root).textContent).toMatch(/open someone's row under People first/);
    openRow(root, 'Gloria Chen');
    key(document.body, 'm');
    expect(session.intents).toEqual([]);
    expect(status(root).textContent).toBe('Gloria Chen is not on the bridge, so there is no line to mute.');
  });

  it('goes to the Notify, Priority and CAN tabs with N, P and C, from the People column too', () => {
    const { root } = playing();
    column(root, 'People').click();
    for (const [letter, name] of [['n', 'Notify'], ['p', 'Priority'], ['c', 'CAN']] as const) {
      key(document.body, letter);
      const tab = getByRole(part(root, '[role="tablist"]'), 'tab', { name });
      expect(document.activeElement).toBe(tab);
      expect(tab.getAttribute('aria-selected')).toBe('true');
      expect(column(root, 'Actions').getAttribute('aria-pressed')).toBe('true');
    }
  });

  it('does nothing while the trainee types, or with Ctrl, Cmd or Alt, or on a held key', () => {
    const { session, root } = playing();
    key(document.body, 'n');
    const message = getByRole(part(root, '.hud-notify'), 'textbox', { name: 'Message' });
    message.focus();
    for (const letter of [' ', 'm', 'p', '1', '?']) key(message, letter);
    expect(session.play().paused).toBe(true);
    expect(session.play().speed).toBe(10);
    expect(helpDialog()).toBeNull();
    expect(document.activeElement).toBe(message);

    key(document.body, ' ', { ctrlKey: true });
    key(document.body, ' ', { repeat: true });
    key(document.body, '1', { altKey: true });
    key(document.body, '?', { metaKey: true });
    expect(session.play().paused).toBe(true);
    expect(session.play().speed).toBe(10);
    expect(helpDialog()).toBeNull();
  });

  it('stops listening when the call is no longer on screen', async () => {
    const { session, root } = playing();
    app!.router.navigate(null);
    await waitFor(() => expect(session.store.getState().screen).toBe('picker'));
    expect(queryByRole(root, 'button', { name: 'Keyboard shortcuts (?)' })).toBeNull();
    key(document.body, '?');
    expect(helpDialog()).toBeNull();
  });
});

describe('the list of shortcuts', () => {
  it('opens with ?, as a labelled modal dialog with every shortcut in a table, and gives the focus back on Escape', () => {
    const { session, root } = playing();
    const pause = getByRole(part(root, '.hud-time'), 'button', { name: 'Resume the clock' });
    pause.focus();
    key(pause, '?', { shiftKey: true });

    const dialog = helpDialog()!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    const rows = within(getByRole(dialog, 'table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(SHORTCUT_HELP.length);
    const keysListed = rows.map((row) => row.querySelector('kbd')?.textContent);
    expect(keysListed).toEqual(['Space', '1', '2', '3', '4', 'M', 'N', 'P', 'C', '?', 'Esc']);
    expect(getAllByRole(dialog, 'columnheader').map((cell) => cell.textContent)).toEqual(['Key', 'What it does']);
    // Everything behind the dialog is out of reach while it is open.
    expect(root.querySelector<HTMLElement>('.page')!.inert).toBe(true);

    key(document.activeElement!, ' ', { code: 'Space' });
    key(document.activeElement!, '1');
    expect(session.play().paused).toBe(true);
    expect(session.play().speed).toBe(10);

    key(document.activeElement!, 'Escape');
    expect(helpDialog()).toBeNull();
    expect(document.activeElement).toBe(pause);
    expect(root.querySelector<HTMLElement>('.page')!.inert).toBe(false);
  });

  it('closes with ? again, and keeps Tab inside while open', () => {
    const { root } = playing();
    const title = getByRole(root, 'heading', { level: 1 });
    title.focus();
    key(title, '?');
    const close = getByRole(helpDialog()!, 'button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    key(close, 'Tab');
    expect(document.activeElement).toBe(close);
    key(close, '?');
    expect(helpDialog()).toBeNull();
    expect(document.activeElement).toBe(title);
  });

  it('opens from the button in the top bar and gives the focus back to it on Close', () => {
    const { root } = playing();
    const open = getByRole(root.querySelector<HTMLElement>('.topbar')!, 'button', { name: 'Keyboard shortcuts (?)' });
    expect(open.getAttribute('aria-haspopup')).toBe('dialog');
    open.focus();
    open.click();
    getByRole(helpDialog()!, 'button', { name: 'Close' }).click();
    expect(helpDialog()).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('leaves Escape alone when it is closed', () => {
    playing();
    expect(key(document.body, 'Escape')).toBe(true);
  });
});
