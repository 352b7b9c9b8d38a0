import type { AppController } from '../app/controller.ts';
import type { AppStore, PlayState } from '../app/store.ts';
import { createAnnouncer } from './announcer.ts';
import { renderAudioControls } from './audio-controls.ts';
import { createCaptions } from './captions.ts';
import { h, replaceChildren } from './dom.ts';
import { focusActionTab, renderActionPanel } from './hud/action-panel.ts';
import { renderCoachPanel } from './hud/coach-panel.ts';
import { renderParticipantPanel } from './hud/participant-panel.ts';
import { renderTimeControls } from './hud/time-controls.ts';
import { createPresentationToggle, presentationAtStart } from './presentation-mode.ts';
import { createTranscriptPanel } from './transcript-panel.ts';
import { renderWaitingList } from './waiting-list.ts';
import './play-screen.css';

/** Starts the call scene in a container; the page passes Phaser in, so the HUD never depends on it. */
export type GameLoader = (container: HTMLElement) => Promise<{ destroy(): void }>;

export interface PlayScreen {
  readonly element: HTMLElement;
  dispose(): void;
}

type Column = 'act' | 'people' | 'coach';

export interface PlayScreenOptions {
  /** Start in presentation mode (large text for a projector); by default as the page or the address asks. */
  readonly presentation?: boolean;
}

/** The bridge: the call scene and captions on the left, the HUD on the right, the controls on top. */
export function renderPlayScreen(store: AppStore, controller: AppController, first: PlayState, loadGame: GameLoader | undefined, options: PlayScreenOptions = {}): PlayScreen {
  const { compiled } = first;
  const announcer = createAnnouncer();
  const captions = createCaptions(compiled, announcer, first.mode);
  const transcript = createTranscriptPanel(compiled, first.mode);
  const time = renderTimeControls(store, controller);
  const audio = renderAudioControls(store, controller);
  const coach = renderCoachPanel(store);
  const actions = renderActionPanel(store, controller);
  const people = renderParticipantPanel(store, controller);
  const waiting = renderWaitingList(store, controller, {
    showDecisions: () => {
      showColumn('act');
      focusActionTab(actions.element, 'decisions');
    },
  });

  const stage = h('div', { class: 'stage', attrs: { 'aria-hidden': 'true' } });
  const stageFrame = h('div', { class: 'stage-frame' }, stage);
  const cleanups: (() => void)[] = [];
  let disposed = false;
  if (loadGame) {
    loadGame(stage)
      .then((game) => (disposed ? game.destroy() : cleanups.push(() => game.destroy())))
      .catch(() => {
        replaceChildren(stage, h('p', { class: 'stage-fallback' }, 'The call view could not start in this browser. Everything still works from the panels, the captions and the transcript.'));
        stage.removeAttribute('aria-hidden');
      });
  }

  const columnButtons = new Map<Column, HTMLButtonElement>();
  const columnBodies = new Map<Column, HTMLElement>([
    ['act', h('div', { class: 'hud-body', attrs: { id: 'hud-act' } }, actions.element)],
    ['people', h('div', { class: 'hud-body', attrs: { id: 'hud-people' } }, people.element)],
  ]);
  const columns: [Column, string][] = [
    ['act', 'Actions'],
    ['people', 'People'],
  ];
  if (first.mode === 'coach') {
    columnBodies.set('coach', h('div', { class: 'hud-body', attrs: { id: 'hud-coach' } }, coach.element));
    columns.push(['coach', 'Coach']);
  }
  const showColumn = (column: Column) => {
    for (const [id, button] of columnButtons) button.setAttribute('aria-pressed', String(id === column));
    for (const [id, body] of columnBodies) body.hidden = id !== column;
  };
  for (const [id, label] of columns) {
    const button = h('button', { class: 'switch', attrs: { type: 'button', 'aria-controls': `hud-${id}` } }, label);
    button.addEventListener('click', () => showColumn(id));
    columnButtons.set(id, button);
  }
  showColumn('act');
  const coachButton = columnButtons.get('coach');

  const resumeNote = h('div', { class: 'resume-note', attrs: { role: 'status' } });
  const playBar = h(
    'header',
    { class: 'play-bar' },
    h('div', { class: 'play-title' }, h('p', { class: 'eyebrow' }, first.mode === 'coach' ? 'Coach mode' : 'Exam mode'), h('h1', { attrs: { id: 'play-title', tabindex: '-1' } }, compiled.scenario.title)),
    time.element,
    audio.element,
  );
  const element = h(
    'section',
    { class: 'play', attrs: { 'aria-labelledby': 'play-title' } },
    playBar,
    resumeNote,
    h(
      'div',
      { class: 'play-grid' },
      h('div', { class: 'stage-column' }, stageFrame, captions.element, transcript.element),
      h(
        'aside',
        { class: 'hud-column', attrs: { 'aria-label': 'Incident controls' } },
        waiting.element,
        h('div', { class: 'switcher', attrs: { role: 'group', 'aria-label': 'Show' } }, ...columnButtons.values()),
        ...columnBodies.values(),
      ),
    ),
    announcer.element,
  );
  playBar.append(createPresentationToggle(element, options.presentation ?? presentationAtStart(document)));

  let shown: PlayState | null = null;
  const render = (play: PlayState) => {
    if (play === shown) return;
    const previous = shown;
    shown = play;
    if (play.sim !== previous?.sim) {
      captions.update(play.sim);
      transcript.update(play.sim.transcript);
    }
    if (play.focusedParticipant !== null && play.focusedParticipant !== previous?.focusedParticipant) showColumn('people');
    if (play.resumed !== previous?.resumed) renderResumeNote(resumeNote, play, controller);
    if (play.coach !== previous?.coach) coachButton?.replaceChildren(coachLabel(play));
  };
  render(first);
  const unsubscribe = store.subscribe((state) => {
    if (state.play) render(state.play);
  });

  return {
    element,
    dispose() {
      disposed = true;
      unsubscribe();
      for (const panel of [time, audio, coach, actions, people, waiting, transcript, captions]) panel.dispose();
      for (const cleanup of cleanups) cleanup();
    },
  };
}

function renderResumeNote(element: HTMLElement, play: PlayState, controller: AppController): void {
  if (!play.resumed) {
    replaceChildren(element);
    element.hidden = true;
    return;
  }
  const carryOn = h('button', { class: 'button primary small', attrs: { type: 'button' } }, 'Carry on');
  carryOn.addEventListener('click', () => controller.resume());
  const startOver = h('button', { class: 'button ghost small', attrs: { type: 'button' } }, 'Start over');
  startOver.addEventListener('click', () => {
    if (element.ownerDocument.defaultView?.confirm('Throw this session away and go back to the briefing?') ?? true) controller.abandon();
  });
  const { at, actions } = play.resumed;
  replaceChildren(
    element,
    h('p', {}, h('strong', {}, 'Welcome back. '), `Your session is restored at ${play.compiled.clock.format(at)} with ${actions === 1 ? '1 action' : `${actions} actions`} kept. The clock is paused.`),
    h('div', { class: 'resume-actions' }, startOver, carryOn),
  );
  element.hidden = false;
}

function coachLabel(play: PlayState): string {
  const waiting = play.coach.filter((item) => item.status === 'due' || item.status === 'overdue').length;
  return waiting === 0 ? 'Coach' : `Coach (${waiting})`;
}
