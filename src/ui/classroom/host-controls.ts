import type { HostController } from '../../app/classroom/host-controller.ts';
import type { HostState } from '../../app/classroom/host-state.ts';
import { h } from '../dom.ts';
import { createShortcutHelp, type ShortcutHelp } from '../shortcut-help.ts';
import { allowedIn, HOST_SHORTCUT_HELP, hostShortcutFor, type HostIntent } from './host-shortcuts.ts';

export interface HostControls {
  readonly element: HTMLElement;
  readonly help: ShortcutHelp;
  update(state: HostState): void;
  dispose(): void;
}

export interface HostControlsOptions {
  /** Where the help dialog opens, and whose keys are listened to. */
  readonly host: HTMLElement;
  readonly confirm: (text: string) => boolean;
  /** Escape with no dialog open: the page goes back to the call from a reveal. */
  readonly onEscape: () => void;
}

const SPEEDS = [1, 2, 5, 10] as const;

/** The host's buttons (Start, Pause/Resume, speed, Lock, Reveal, End) and the same commands on the keyboard. */
export function createHostControls(controller: HostController, options: HostControlsOptions): HostControls {
  const help = createShortcutHelp(options.host, HOST_SHORTCUT_HELP);
  let state: HostState | null = null;

  const run = (intent: HostIntent) => {
    const room = state?.room ?? null;
    if (!allowedIn(intent, room?.phase ?? null)) return;
    switch (intent.kind) {
      case 'start':
        controller.command('start');
        break;
      case 'toggle-pause':
        controller.command(room?.phase === 'running' ? 'pause' : 'resume');
        break;
      case 'speed':
        controller.speed(intent.speed);
        break;
      case 'toggle-lock':
        controller.command(room?.locked ? 'unlock' : 'lock');
        break;
      case 'reveal':
        controller.command('reveal');
        break;
      case 'end':
        if (options.confirm('End the exercise for everyone now? Every attempt is graded and stored, and the class debrief opens.')) controller.command('end');
        break;
      case 'toggle-help':
        help.toggle();
        break;
      case 'escape':
        if (help.isOpen) help.close();
        else options.onEscape();
        break;
    }
  };

  const button = (label: string, intent: HostIntent, key: string, className = 'button ghost') => {
    const element = h('button', { class: `${className} pj-control`, attrs: { type: 'button', 'aria-keyshortcuts': key } }, label, ' ', h('kbd', { attrs: { 'aria-hidden': 'true' } }, key));
    element.addEventListener('click', () => run(intent));
    return element;
  };
  const start = button('Start', { kind: 'start' }, 'S', 'button primary');
  const pause = button('Pause', { kind: 'toggle-pause' }, 'Space');
  const lock = button('Lock joining', { kind: 'toggle-lock' }, 'L');
  const reveal = button('Reveal', { kind: 'reveal' }, 'R');
  const end = button('End', { kind: 'end' }, 'E', 'button ghost pj-end');
  const speedButtons = SPEEDS.map((speed) => {
    const key = speed === 10 ? '0' : String(speed);
    const element = h('button', { class: 'button ghost small pj-speed', attrs: { type: 'button', 'aria-keyshortcuts': key, 'aria-label': `Speed ${speed}×` } }, `${speed}×`);
    element.addEventListener('click', () => run({ kind: 'speed', speed }));
    return element;
  });
  const helpButton = h('button', { class: 'button ghost small pj-help', attrs: { type: 'button', 'aria-keyshortcuts': '?', 'aria-label': 'Keyboard shortcuts' } }, h('kbd', {}, '?'));
  helpButton.addEventListener('click', () => help.toggle());
  const element = h(
    'div',
    { class: 'pj-controls', attrs: { role: 'toolbar', 'aria-label': 'Host controls' } },
    start,
    pause,
    h('span', { class: 'pj-speeds', attrs: { role: 'group', 'aria-label': 'Clock speed' } }, ...speedButtons),
    lock,
    reveal,
    end,
    helpButton,
  );

  const onKey = (event: KeyboardEvent) => {
    const intent = hostShortcutFor(event, event.target instanceof Element ? event.target : null);
    if (!intent) return;
    if (intent.kind === 'escape' && !help.isOpen) {
      options.onEscape();
      return;
    }
    event.preventDefault();
    run(intent);
  };
  const doc = options.host.ownerDocument;
  doc.addEventListener('keydown', onKey);

  return {
    element,
    help,
    update(next) {
      state = next;
      const room = next.room;
      const phase = room?.phase ?? null;
      start.hidden = phase !== 'lobby';
      pause.hidden = phase !== 'running' && phase !== 'paused';
      pause.firstChild!.textContent = phase === 'paused' ? 'Resume' : 'Pause';
      reveal.hidden = pause.hidden;
      lock.firstChild!.textContent = room?.locked ? 'Unlock joining' : 'Lock joining';
      lock.setAttribute('aria-pressed', String(room?.locked ?? false));
      element.hidden = phase === 'ended' || next.link?.kind !== 'open';
      for (const [index, each] of speedButtons.entries()) each.setAttribute('aria-pressed', String(room?.speed === SPEEDS[index]));
    },
    dispose() {
      doc.removeEventListener('keydown', onKey);
      help.dispose();
    },
  };
}
