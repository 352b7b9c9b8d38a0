import type { AppController } from '../app/controller.ts';
import type { AppStore, PlayState } from '../app/store.ts';
import { h, replaceChildren } from './dom.ts';
import { focusActionTab } from './hud/action-panel.ts';
import { createShortcutHelp } from './shortcut-help.ts';
import { SHORTCUT_HELP, shortcutFor, type ShortcutIntent, type ShortcutTab } from './shortcuts.ts';

/** How long a shortcut's confirmation stays on screen. */
const STATUS_MS = 4000;

export interface PlayShortcutsOptions {
  readonly store: AppStore;
  readonly controller: AppController;
  /** Where the play screen is drawn: the action panel and the people rows are looked for in it. */
  readonly page: HTMLElement;
  /** The app's root: the help dialog and the confirmations go in it, and the rest of it is inert while the dialog is open. */
  readonly host: HTMLElement;
  /** Where the "Keyboard shortcuts" button goes. */
  readonly toolbar: HTMLElement;
}

export interface PlayShortcuts {
  /** Stops listening and takes the button, the dialog and the confirmations away. */
  dispose(): void;
}

/** The play screen's keyboard shortcuts (see `shortcuts.ts`), from a keydown listener on the document. */
export function installPlayShortcuts({ store, controller, page, host, toolbar }: PlayShortcutsOptions): PlayShortcuts {
  const doc = host.ownerDocument;
  const help = createShortcutHelp(host, SHORTCUT_HELP);

  const openButton = h(
    'button',
    { class: 'button ghost small shortcut-help-open', attrs: { type: 'button', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': '?' } },
    h('span', { class: 'shortcut-help-open-words' }, 'Keyboard shortcuts ('),
    h('kbd', {}, '?'),
    h('span', { class: 'shortcut-help-open-words' }, ')'),
  );
  openButton.addEventListener('click', () => help.open());
  toolbar.append(openButton);

  const status = h('p', { class: 'shortcut-status', attrs: { role: 'status', 'data-testid': 'shortcut-status' } });
  status.hidden = true;
  host.append(status);
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    clearTimeout(statusTimer);
    // Emptied first, so the same words twice in a row are read out twice.
    replaceChildren(status);
    replaceChildren(status, text);
    status.hidden = false;
    statusTimer = setTimeout(() => {
      replaceChildren(status);
      status.hidden = true;
    }, STATUS_MS);
  };

  const carryOut = (intent: ShortcutIntent, play: PlayState) => {
    switch (intent.kind) {
      case 'toggle-help':
        return help.toggle();
      case 'close-help':
        return help.close();
      case 'toggle-pause':
        if (play.paused) controller.resume();
        else controller.pause();
        return say(store.getState().play?.paused ? 'Clock paused' : `Clock running at ${play.speed}×`);
      case 'set-speed':
        controller.setSpeed(intent.speed);
        return say(play.paused ? `Speed ${intent.speed}×, still paused` : `Clock running at ${intent.speed}×`);
      case 'toggle-mute':
        return say(toggleMute(play, controller, doc.activeElement));
      case 'show-tab':
        return showTab(page, intent.tab);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const play = store.getState().play;
    const intent = shortcutFor(event, event.target instanceof Element ? event.target : doc.activeElement);
    if (!play || !intent) return;
    // Escape is left to whatever else uses it unless the help is open.
    if (intent.kind === 'close-help' && !help.isOpen) return;
    event.preventDefault();
    // While the help is open it is the only thing on screen: only the keys that close it work.
    if (help.isOpen && intent.kind !== 'toggle-help' && intent.kind !== 'close-help') return;
    carryOut(intent, play);
  };
  doc.addEventListener('keydown', onKeyDown);

  return {
    dispose() {
      doc.removeEventListener('keydown', onKeyDown);
      clearTimeout(statusTimer);
      help.dispose();
      openButton.remove();
      status.remove();
    },
  };
}

/** Mutes or unmutes the person whose row is open (or, failing that, whose row has the focus); returns what to tell the trainee. */
function toggleMute(play: PlayState, controller: AppController, focused: Element | null): string {
  const id = play.focusedParticipant ?? focused?.closest<HTMLElement>('.hud-person[data-participant]')?.dataset.participant ?? null;
  if (id === null) return "M mutes the person whose row is open: open someone's row under People first.";
  const name = play.compiled.participants.get(id)?.name ?? id;
  const state = play.sim.participants[id];
  if (!state?.present) return `${name} is not on the bridge, so there is no line to mute.`;
  const result = controller.act({ type: state.muted ? 'unmute' : 'mute', participant: id });
  if (!result.ok) return result.error;
  return state.muted ? `${name} unmuted` : `${name} muted`;
}

/** Shows the action panel's tab and puts the focus on it, first switching the HUD column to the actions if another one is shown. */
function showTab(page: HTMLElement, tab: ShortcutTab): void {
  const panel = page.querySelector('.hud-actions-panel');
  if (!panel) return;
  revealHiddenAncestors(panel);
  focusActionTab(panel, tab);
}

/** A hidden part of the screen is shown by the control that names it in aria-controls (the HUD's column switch): press that. */
function revealHiddenAncestors(element: Element): void {
  const controls = Array.from(element.ownerDocument.querySelectorAll<HTMLElement>('[aria-controls]'));
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!node.hidden || !node.id) continue;
    controls.find((control) => control.getAttribute('aria-controls') === node.id && !node.contains(control))?.click();
  }
}
