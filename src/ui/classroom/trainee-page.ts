import type { TraineeController } from '../../app/classroom/trainee-controller.ts';
import { voteAgreement, type TraineeStage, type TraineeState } from '../../app/classroom/trainee-state.ts';
import type { AppState, AppStore } from '../../app/store.ts';
import { renderDebrief } from '../debrief/render-debrief.ts';
import { h, replaceChildren } from '../dom.ts';
import { setHidden, setText } from '../hud/controls.ts';
import { renderPlayScreen, type GameLoader } from '../play-screen.ts';
import { renderJoinForm } from './trainee-join-form.ts';
import { renderTraineeWaiting } from './trainee-waiting.ts';
import { renderVoteView } from './vote-view.ts';
import './trainee.css';

export interface TraineePageOptions {
  readonly controller: TraineeController;
  readonly store: AppStore;
  readonly loadGame?: GameLoader;
  readonly download: (fileName: string, mimeType: string, text: string) => void;
  readonly print: () => void;
  /** Wall-clock ms, for the vote countdown. */
  readonly now?: () => number;
}

interface View {
  readonly element: HTMLElement;
  update(trainee: TraineeState, app: AppState): void;
  dispose(): void;
}

/**
 * The trainee's device in a classroom (`/?join=CODE`): a bar with the classroom and the connection, the notice,
 * and the stage the controller is at, from the join form to the debrief.
 */
export function mountTraineePage(root: HTMLElement, options: TraineePageOptions, win: Window = window): { unmount(): void } {
  const { controller, store } = options;
  const { trainee } = controller;
  const status = h('p', { class: 'trainee-link', attrs: { role: 'status' } });
  const takeBack = h('button', { class: 'button small', attrs: { type: 'button' } }, 'Use this device');
  takeBack.addEventListener('click', () => controller.takeSeatBack());
  const room = h('span', { class: 'tag trainee-room' });
  const notice = h('div', { class: 'notice-bar', attrs: { role: 'alert' } });
  const page = h('main', { class: 'page trainee-page' });
  const home = h('a', { class: 'brand', attrs: { href: win.location.pathname, 'aria-label': 'Bridge Drill' } }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'brand-name' }, 'Bridge Drill'));
  replaceChildren(root, h('div', { class: 'topbar trainee-bar' }, home, room, h('div', { class: 'trainee-link-box' }, status, takeBack)), notice, page);

  let view: View | null = null;
  let shownKey: readonly unknown[] = [];

  const viewFor = (stage: TraineeStage, app: AppState): View => {
    const state = trainee.getState();
    if (stage === 'form') {
      const form = renderJoinForm({ join: (code, name) => void controller.join(code, name) }, state);
      return { element: form.element, update: (current) => form.update(current), dispose: () => {} };
    }
    if (stage === 'waiting') {
      const waiting = renderTraineeWaiting();
      return { element: waiting.element, update: (current) => waiting.update(current), dispose: () => {} };
    }
    if (stage === 'play' && app.play) {
      const screen = renderPlayScreen(store, controller.app, app.play, options.loadGame);
      return { element: screen.element, update: () => {}, dispose: () => screen.dispose() };
    }
    if (stage === 'vote' && state.compiled) {
      const vote = renderVoteView(state.compiled, (choice) => controller.vote(choice), options.now);
      return { element: vote.element, update: (current) => vote.update(current), dispose: () => vote.dispose() };
    }
    if (stage === 'debrief' && app.debrief) {
      const agreement = state.room?.mode === 'vote' ? voteAgreement(state) : null;
      const debrief = renderDebrief(app.debrief, {
        playAgain: () => win.location.assign(`${win.location.pathname}?scenario=${encodeURIComponent(app.debrief?.scenario.id ?? '')}`),
        backToScenarios: () => win.location.assign(win.location.pathname),
        download: options.download,
        print: options.print,
      });
      const line = agreement && agreement.cast > 0 ? h('p', { class: 'panel trainee-agreement' }, `Your votes agreed with the playbook on ${agreement.agreed} of ${agreement.cast} ${agreement.cast === 1 ? 'question' : 'questions'}.`) : null;
      return { element: h('div', { class: 'trainee-debrief' }, line, debrief), update: () => {}, dispose: () => {} };
    }
    return message(stage, state);
  };

  const render = (state: TraineeState, app: AppState) => {
    setText(room, state.code ? `Classroom ${state.code}` : 'Classroom');
    renderStatus(status, takeBack, state);
    renderNotice(notice, app.notice, () => controller.app.dismissNotice());
    const key = [state.stage, state.stage === 'play' ? app.play?.compiled : state.stage === 'debrief' ? app.debrief : null];
    if (!view || key.some((part, index) => part !== shownKey[index])) {
      const moved = shownKey[0] !== state.stage;
      shownKey = key;
      view?.dispose();
      view = viewFor(state.stage, app);
      page.className = `page trainee-page trainee-stage-${state.stage}${state.stage === 'play' ? ' page-play' : state.stage === 'debrief' ? ' page-debrief' : ''}`;
      replaceChildren(page, view.element);
      win.document.title = `${state.info?.scenario.title ?? 'Join a class'} · Bridge Drill`;
      if (moved) page.querySelector<HTMLElement>('h1')?.focus();
    }
    view.update(state, app);
  };

  render(trainee.getState(), store.getState());
  const stopTrainee = trainee.subscribe((state) => render(state, store.getState()));
  const stopApp = store.subscribe((app) => render(trainee.getState(), app));
  return {
    unmount() {
      stopTrainee();
      stopApp();
      view?.dispose();
      replaceChildren(root);
    },
  };
}

function message(stage: TraineeStage, state: TraineeState): View {
  const [title, text] =
    stage === 'removed'
      ? ['Removed', 'The host removed you from this classroom.']
      : stage === 'ended'
        ? ['The exercise has ended', 'Your debrief opens here as soon as it is graded.']
        : ['Joining…', state.info ? `Taking your seat in “${state.info.scenario.title}”.` : 'Finding your classroom.'];
  const element = h('section', { class: `panel trainee-card trainee-${stage}` }, h('p', { class: 'eyebrow' }, 'Classroom'), h('h1', { attrs: { tabindex: '-1' } }, title), h('p', {}, text));
  if (stage === 'removed') element.append(h('p', {}, h('a', { class: 'button', attrs: { href: `?join=${state.code ?? ''}` } }, 'Join again')));
  return { element, update: () => {}, dispose: () => {} };
}

function renderStatus(element: HTMLElement, takeBack: HTMLButtonElement, state: TraineeState): void {
  const { link } = state;
  const queued = state.queued === 0 ? '' : ` · ${state.queued === 1 ? '1 action waits' : `${state.queued} actions wait`} to be sent`;
  const text =
    state.replaced
      ? 'Your seat is open on another tab or device'
      : link === null || link.kind === 'failed' || (link.kind === 'closed' && !state.seat)
        ? ''
        : link.kind === 'open'
          ? `Connected${queued}`
          : link.kind === 'connecting'
            ? 'Connecting…'
            : link.kind === 'reconnecting'
              ? `Reconnecting…${queued}`
              : '';
  setText(element, text);
  element.dataset.link = state.replaced ? 'replaced' : (link?.kind ?? 'none');
  setHidden(takeBack, !state.replaced);
}

function renderNotice(element: HTMLElement, text: string | null, dismiss: () => void): void {
  if (element.dataset.text === (text ?? '')) return;
  element.dataset.text = text ?? '';
  element.hidden = text === null;
  if (text === null) return replaceChildren(element);
  const button = h('button', { class: 'button ghost small', attrs: { type: 'button' } }, 'Dismiss');
  button.addEventListener('click', dismiss);
  replaceChildren(element, h('p', {}, text), button);
}
