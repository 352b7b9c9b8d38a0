import { ballotOf } from '../../app/classroom/classroom-types.ts';
import type { HostController } from '../../app/classroom/host-controller.ts';
import { revealOf } from '../../app/classroom/host-reveal.ts';
import type { HostState } from '../../app/classroom/host-state.ts';
import type { LinkStatus } from '../../app/classroom/room-link.ts';
import type { AppStore } from '../../app/store.ts';
import { bdi, h, replaceChildren } from '../dom.ts';
import type { GameLoader } from '../play-screen.ts';
import { createHostControls } from './host-controls.ts';
import { renderClassDebrief } from './projector-debrief.ts';
import { createLobby, shortJoinAddress, type Lobby } from './projector-lobby.ts';
import { renderPulse } from './projector-pulse.ts';
import type { QrSvg } from './projector-qr.ts';
import { renderBallot, renderDecisionsLive } from './projector-questions.ts';
import { renderReveal } from './projector-reveal.ts';
import { createProjectorStage, type ProjectorStage } from './projector-stage.ts';
import './projector.css';

export interface ProjectorPageOptions {
  readonly controller: HostController;
  /** The store the call scene draws: the controller puts the room's bridge into its `play`. */
  readonly store: AppStore;
  readonly loadGame?: GameLoader;
  readonly confirm?: (text: string) => boolean;
  /** Wall-clock ms, for the ballot's countdown. */
  readonly now?: () => number;
  readonly qr?: QrSvg;
  /** Runs `tick` every second while a ballot is open (setInterval in the browser); returns its stop. */
  readonly every?: (ms: number, tick: () => void) => () => void;
}

export interface ProjectorPage {
  dispose(): void;
}

const PHASE_LABEL = { lobby: 'Lobby', running: 'Running', paused: 'Paused', ended: 'Ended' } as const;

/** The connection as the room reads it: said in words, and loudly when it is not open. */
export function linkText(link: LinkStatus | null): string | null {
  if (link === null) return null;
  switch (link.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'open':
      return null;
    case 'reconnecting':
      return 'Reconnecting… The class carries on; the clock does not stop for the projector.';
    case 'failed':
      return link.code === 'E_NOT_HOST' ? 'The server does not take this browser’s host key for this classroom.' : `The classroom refused the projector: ${link.message}`;
    case 'closed':
      return 'Disconnected from the classroom. Reload the page to join again.';
  }
}

/**
 * The projector page of a classroom (`/?host=CODE`), built for a wall: the lobby with the join code and QR
 * code, then the shared call with the class pulse or the open vote, reveals, and the class debrief at the end.
 */
export function mountProjectorPage(root: HTMLElement, options: ProjectorPageOptions): ProjectorPage {
  const { controller, store } = options;
  const win = root.ownerDocument.defaultView;
  const confirm = options.confirm ?? ((text: string) => win?.confirm(text) ?? false);
  const now = options.now ?? (() => Date.now());
  const every = options.every ?? ((ms, tick) => {
    const handle = setInterval(tick, ms);
    return () => clearInterval(handle);
  });
  const host = controller.host;
  const first = host.getState();

  const title = h('h1', { class: 'pj-title', attrs: { tabindex: '-1' } }, 'Classroom ', first.code);
  const joinHint = h('p', { class: 'pj-join-hint' });
  const clock = h('p', { class: 'pj-clock', attrs: { 'aria-label': 'Scenario clock' } });
  const phase = h('p', { class: 'pj-phase', attrs: { role: 'status' } });
  const status = h('p', { class: 'pj-status', attrs: { role: 'status' } });
  const refusal = h('p', { class: 'pj-refusal', attrs: { role: 'alert' } });
  const body = h('div', { class: 'pj-body' });
  const page = h('main', { class: 'projector' });
  let dismissedReveal: string | null = null;
  const controls = createHostControls(controller, {
    host: root,
    confirm,
    onEscape: () => {
      const reveal = host.getState().room?.reveal ?? '';
      if (reveal !== '' && dismissedReveal !== reveal) {
        dismissedReveal = reveal;
        render(host.getState());
      }
    },
  });
  const bar = h('header', { class: 'pj-bar' }, h('div', { class: 'pj-heading' }, title, joinHint), clock, phase, controls.element);
  replaceChildren(page, bar, status, refusal, body);
  replaceChildren(root, page);
  title.focus();

  let lobby: Lobby | null = null;
  let stage: ProjectorStage | null = null;
  const side = h('aside', { class: 'pj-side', attrs: { 'aria-label': 'The class' } });
  let view: 'none' | 'message' | 'lobby' | 'play' | 'debrief' = 'none';
  let debriefShown: HostState['results'] = null;
  let message = '';
  let stopTicking: (() => void) | null = null;

  const show = (next: typeof view, ...children: HTMLElement[]) => {
    view = next;
    replaceChildren(body, ...children);
  };

  const showMessage = (text: string) => {
    if (view === 'message' && message === text) return;
    message = text;
    show('message', h('p', { class: 'pj-message' }, text));
  };

  const renderSide = (state: HostState) => {
    const room = state.room;
    if (!room || state.content.status !== 'ready') return;
    const compiled = state.content.compiled;
    const reveal = revealOf(room, compiled);
    const sim = store.getState().play?.sim;
    const parts: (HTMLElement | null)[] = [];
    if (reveal && room.reveal !== dismissedReveal) parts.push(renderReveal(compiled, reveal, room), h('p', { class: 'pj-hint' }, 'Press Esc to go back to the class.'));
    else if (room.mode === 'vote') {
      const ballot = ballotOf(room);
      parts.push(ballot ? renderBallot(compiled, ballot, room, now()) : h('p', { class: 'pj-hint' }, 'No question is open: the class watches the call until the next one.'));
      parts.push(h('p', { class: 'pj-of' }, `${room.connected} of ${room.seated} connected`));
    } else {
      parts.push(renderPulse(compiled, room));
      if (sim) parts.push(renderDecisionsLive(compiled, sim, room));
    }
    replaceChildren(side, ...parts);
    side.classList.toggle('is-reveal', reveal !== null && room.reveal !== dismissedReveal);
    const ticking = room.mode === 'vote' && ballotOf(room) !== null;
    if (ticking && !stopTicking) stopTicking = every(1000, () => renderSide(host.getState()));
    if (!ticking && stopTicking) {
      stopTicking();
      stopTicking = null;
    }
  };

  const render = (state: HostState) => {
    const room = state.room;
    controls.update(state);
    const said = linkText(state.link);
    status.textContent = said ?? '';
    status.hidden = said === null;
    status.classList.toggle('is-alarm', state.link?.kind === 'reconnecting' || state.link?.kind === 'failed' || state.link?.kind === 'closed');
    refusal.textContent = state.refusal ?? '';
    refusal.hidden = state.refusal === null;
    if (room) {
      replaceChildren(title, bdi(room.title || `Classroom ${state.code}`));
      replaceChildren(joinHint, `Join: ${shortJoinAddress(state.joinUrl)} · code `, h('strong', {}, state.code));
      joinHint.hidden = room.phase === 'lobby' || room.phase === 'ended';
      phase.textContent = room.phase === 'running' ? `${PHASE_LABEL.running} ${room.speed}×` : PHASE_LABEL[room.phase];
      phase.dataset.phase = room.phase;
      page.dataset.phase = room.phase;
    }
    const compiled = state.content.status === 'ready' ? state.content.compiled : null;
    clock.textContent = room && compiled && room.phase !== 'lobby' ? `${compiled.clock.format(room.clockMs)}` : '';
    clock.hidden = clock.textContent === '';

    if (state.content.status === 'failed' && state.link === null) return showMessage(`${state.content.message} Open this page from the browser that created the classroom, or create a new one from the scenario list.`);
    if (state.link?.kind === 'failed') return showMessage(linkText(state.link) ?? '');
    if (!room) return showMessage('Joining the classroom…');
    if (room.phase === 'lobby') {
      if (view !== 'lobby' || !lobby) {
        lobby = createLobby(state, { remove: (seat) => controller.remove(seat), rename: (seat, name) => controller.rename(seat, name), confirm }, options.qr);
        show('lobby', lobby.element);
      }
      lobby.update(state);
      return;
    }
    if (room.phase === 'ended') {
      if (!state.results) return showMessage('The exercise has ended. Grading every attempt…');
      if (view === 'debrief' && debriefShown === state.results) return;
      debriefShown = state.results;
      stage?.dispose();
      stage = null;
      return show('debrief', renderClassDebrief(state.results, { anonymous: room.anonymous, podium: true }));
    }
    if (state.content.status === 'failed') return showMessage(state.content.message);
    if (!compiled) return showMessage('Loading the scenario…');
    if (view !== 'play' || !stage) {
      stage = createProjectorStage(store, compiled, options.loadGame);
      show('play', h('div', { class: 'pj-play' }, stage.element, side));
    }
    renderSide(state);
  };

  render(first);
  const unsubscribe = host.subscribe((state) => render(state));
  const unsubscribePlay = store.subscribe((state, previous) => {
    if (state.play?.sim !== previous.play?.sim && view === 'play') renderSide(host.getState());
  });
  return {
    dispose() {
      unsubscribe();
      unsubscribePlay();
      stopTicking?.();
      controls.dispose();
      stage?.dispose();
    },
  };
}
