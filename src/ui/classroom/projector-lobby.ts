import type { HostState } from '../../app/classroom/host-state.ts';
import { h } from '../dom.ts';
import { qrImage, type QrSvg } from './projector-qr.ts';
import { createRoster, type RosterIntents } from './projector-roster.ts';

export interface Lobby {
  readonly element: HTMLElement;
  update(state: HostState): void;
}

/** The short join address as people type it: host and path, no scheme. */
export function shortJoinAddress(joinUrl: string): string {
  try {
    const url = new URL(joinUrl);
    return `${url.host}${url.pathname}`;
  } catch {
    return joinUrl;
  }
}

/**
 * Before the start: the join code as large as the wall allows, a QR code of the join page and its short
 * address, and the names as trainees join, with their count.
 */
export function createLobby(first: HostState, intents: RosterIntents, qr?: QrSvg): Lobby {
  const roster = createRoster(intents);
  const count = h('p', { class: 'pj-count', attrs: { role: 'status', 'aria-live': 'polite' } });
  const empty = h('p', { class: 'pj-empty' }, 'Names appear here as people join.');
  const lockNote = h('p', { class: 'pj-lock-note' }, 'Joining is locked. Press L to open it again.');
  const codeLetters = first.code.split('').map((letter) => h('span', {}, letter));
  const element = h(
    'section',
    { class: 'pj-lobby', attrs: { 'aria-labelledby': 'pj-lobby-heading' } },
    h(
      'div',
      { class: 'pj-join' },
      h('h2', { attrs: { id: 'pj-lobby-heading' } }, 'Join on your phone or laptop'),
      h('div', { class: 'pj-join-how' }, qrImage(first.joinUrl, `QR code of ${first.joinUrl}`, qr), h('div', { class: 'pj-join-words' }, h('p', { class: 'pj-join-label' }, 'Go to'), h('p', { class: 'pj-join-url' }, shortJoinAddress(first.joinUrl)), h('p', { class: 'pj-join-label' }, 'or type the code'))),
      h('p', { class: 'pj-code', attrs: { 'aria-label': `Join code ${first.code.split('').join(' ')}` } }, ...codeLetters),
    ),
    h('div', { class: 'pj-people' }, count, lockNote, empty, roster.element),
  );
  return {
    element,
    update(state) {
      roster.update(state.roster);
      const seated = state.roster.length;
      const here = state.roster.filter((seat) => seat.connected).length;
      count.textContent = seated === 0 ? 'Nobody has joined yet' : seated === here ? `${seated} joined` : `${seated} joined · ${here} connected`;
      empty.hidden = seated > 0;
      lockNote.hidden = !state.room?.locked;
    },
  };
}
