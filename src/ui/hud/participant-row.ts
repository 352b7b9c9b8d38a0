import type { AppController } from '../../app/controller.ts';
import type { AppStore } from '../../app/store.ts';
import type { Participant } from '../../core/scenario/schema.ts';
import type { ParticipantState } from '../../core/session/state.ts';
import { bdi, h } from '../dom.ts';
import { avatar } from '../transcript-entry.ts';
import { button, field, minutesInput, readMinutes, setAttr, setHidden, setText, textInput, uid } from './controls.ts';
import { actionForm, createFeedback, rejectInput, sendIntent } from './feedback.ts';

export type Presence = 'on-call' | 'muted' | 'noisy' | 'absent';

const PRESENCE_LABEL: Readonly<Record<Presence, string>> = {
  'on-call': 'On the call',
  muted: 'Muted',
  noisy: 'Noisy line',
  absent: 'Not on the bridge',
};

export function presenceOf(state: ParticipantState | undefined): Presence {
  if (!state?.present) return 'absent';
  if (state.muted) return 'muted';
  return state.noise ? 'noisy' : 'on-call';
}

export interface ParticipantRow {
  readonly id: string;
  readonly element: HTMLLIElement;
  readonly toggle: HTMLButtonElement;
  update(state: ParticipantState | undefined): void;
  setOpen(open: boolean): void;
}

interface RowContext {
  readonly store: AppStore;
  readonly controller: AppController;
  /** The trainee opened or closed this person's menu. */
  readonly onToggle: (id: string, open: boolean) => void;
}

/** One person in the roster: who they are, how they are on the call, and a menu of what the trainee can ask of them. */
export function createParticipantRow(participant: Participant, { store, controller, onToggle }: RowContext): ParticipantRow {
  const { id, name } = participant;
  const menuId = uid(`menu-${id}`);
  const feedback = createFeedback();
  const send = (intent: Parameters<AppController['act']>[0]) => sendIntent(store, controller, intent, feedback);

  const badge = h('span', { class: 'hud-presence' });
  const toggle = h(
    'button',
    { class: 'hud-person-toggle', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': menuId } },
    avatar(id, name),
    h('span', { class: 'hud-person-who' }, h('span', { class: 'hud-person-name' }, bdi(name)), h('span', { class: 'sr-only' }, ', '), h('span', { class: 'hud-person-role' }, bdi(participant.role))),
    h('span', { class: 'sr-only' }, ': '),
    badge,
    h('span', { class: 'hud-chevron', attrs: { 'aria-hidden': 'true' } }),
  );
  toggle.addEventListener('click', () => onToggle(id, toggle.getAttribute('aria-expanded') !== 'true'));

  let muted = false;
  const muteButton = button('Mute', { onClick: () => send({ type: muted ? 'unmute' : 'mute', participant: id }) });
  const pageButton = button('Page', { class: 'primary', onClick: () => send({ type: 'page', participant: id }) });
  pageButton.setAttribute('aria-label', `Page ${name} onto the bridge`);
  const updateButton = button('Request update', { onClick: () => send({ type: 'request-update', participant: id }) });
  updateButton.setAttribute('aria-label', `Request an update from ${name}`);

  const task = textInput({ placeholder: 'e.g. Check the host names in the release package' });
  const due = minutesInput({ placeholder: 'none' });
  const assign = actionForm(
    'hud-assign',
    () => {
      const text = task.value.trim();
      if (!text) return rejectInput(feedback, task, `Write the task for ${name} first.`);
      const dueMinutes = readMinutes(due);
      if (Number.isNaN(dueMinutes)) return rejectInput(feedback, due, 'The time box is a whole number of minutes, from 1 to 1440.');
      if (send({ type: 'assign', participant: id, task: text, ...(dueMinutes === undefined ? {} : { dueMinutes }) })) {
        task.value = '';
        due.value = '';
      }
    },
    h('div', { class: 'hud-assign-fields' }, field(`Task for ${name}`, task), field('Time box (min)', due)),
    button('Assign', { type: 'submit', class: 'primary' }),
  );

  const menu = h(
    'div',
    { class: 'hud-person-menu', attrs: { id: menuId, role: 'group', 'aria-label': `Actions for ${name}` } },
    h('div', { class: 'hud-actions' }, pageButton, muteButton, updateButton),
    assign,
    feedback.element,
  );
  menu.hidden = true;

  const element = h('li', { class: 'hud-person', attrs: { 'data-participant': id } }, toggle, menu);
  let presence: Presence | null = null;

  return {
    id,
    element,
    toggle,
    update(state) {
      const now = presenceOf(state);
      muted = state?.muted ?? false;
      setText(muteButton, muted ? 'Unmute' : 'Mute');
      setAttr(muteButton, 'aria-label', `${muted ? 'Unmute' : 'Mute'} ${name}`);
      setHidden(muteButton, now === 'absent');
      setHidden(pageButton, now !== 'absent');
      if (now === presence) return;
      presence = now;
      element.dataset.presence = now;
      setText(badge, PRESENCE_LABEL[now]);
    },
    setOpen(open) {
      setAttr(toggle, 'aria-expanded', String(open));
      setHidden(menu, !open);
      element.classList.toggle('is-open', open);
    },
  };
}
