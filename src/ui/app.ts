import { findScenario, type Catalog } from '../app/catalog.ts';
import type { AppController } from '../app/controller.ts';
import type { AppState, AppStore } from '../app/store.ts';
import { renderBriefing } from './briefing.ts';
import { renderDebrief } from './debrief/render-debrief.ts';
import { h, replaceChildren } from './dom.ts';
import { renderHistoryList } from './history-list.ts';
import { renderPicker } from './picker.ts';
import { renderPlayScreen, type GameLoader } from './play-screen.ts';
import { renderAuthoringView } from './authoring-view.ts';
import { renderOpenFile } from './open-file.ts';
import { linkTo, navigateOnClick, startRouter, type Router } from './router.ts';

const APP_TITLE = 'Bridge Drill';

export interface AppOptions {
  readonly store: AppStore;
  readonly controller: AppController;
  readonly catalog: Catalog;
  readonly loadGame?: GameLoader;
  /** Hands a file to the person: the browser saves it. */
  readonly download: (fileName: string, mimeType: string, text: string) => void;
  readonly print: () => void;
}

export interface App {
  readonly router: Router;
  unmount(): void;
}

/** Shows the screen the store names, and keeps the address bar and the store in step (`/?scenario=ID`). */
export function mountApp(root: HTMLElement, options: AppOptions, win: Window = window): App {
  const { store, controller, catalog } = options;
  const brand = h('a', { class: 'brand', attrs: { href: linkTo(null, win.location.pathname) } }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), APP_TITLE);
  const notice = h('div', { class: 'notice-bar', attrs: { role: 'alert' } });
  const page = h('div', { class: 'page' });
  replaceChildren(root, h('div', { class: 'topbar' }, brand), notice, page);

  let dispose: () => void = () => {};
  let shown: { screen: AppState['screen']; scenarioId: string | null; keys: readonly unknown[] } | null = null;

  const render = (state: AppState, moveFocus: boolean) => {
    renderNotice(notice, state.notice, controller, page);
    const keys =
      state.screen === 'play' ? [state.play?.compiled] : state.screen === 'debrief' ? [state.debrief] : state.screen === 'picker' ? [state.history, state.inProgress, state.opened] : state.screen === 'authoring' ? [state.authoring] : [];
    if (shown && shown.screen === state.screen && shown.scenarioId === state.scenarioId && shown.keys.every((key, index) => key === keys[index])) return;
    shown = { screen: state.screen, scenarioId: state.scenarioId, keys };
    dispose();
    dispose = () => {};
    const view = screenFor(state);
    page.className = `page page-${state.screen}`;
    replaceChildren(page, view.element);
    dispose = view.dispose;
    // On the first load the address already names this view, and the router is still starting.
    if (state.screen === 'authoring' && state.scenarioId !== null) routerIfStarted?.show({ kind: 'author', id: state.scenarioId });
    win.document.title = state.screen === 'picker' ? APP_TITLE : `${titleOf(state)} · ${APP_TITLE}`;
    if (moveFocus) page.querySelector<HTMLElement>('h1')?.focus();
  };

  const screenFor = (state: AppState): { element: HTMLElement; dispose: () => void } => {
    const entry = state.scenarioId === null ? undefined : findEntry(state, state.scenarioId);
    if (state.screen === 'authoring' && state.authoring) {
      const element = renderAuthoringView(state.authoring, controller, { play: (id) => router.navigate(id), back: () => router.navigate(null) });
      return { element, dispose: () => {} };
    }
    if (state.screen === 'play' && state.play) return renderPlayScreen(store, controller, state.play, options.loadGame);
    if (state.screen === 'debrief' && state.debrief) {
      const debrief = state.debrief;
      const element = renderDebrief(debrief, {
        playAgain: () => router.navigate(debrief.scenario.id),
        backToScenarios: () => router.navigate(null),
        download: options.download,
        print: options.print,
      });
      return { element, dispose: () => {} };
    }
    if (state.screen === 'briefing' && entry) return { element: renderBriefing(entry, controller, (id) => router.navigate(id)), dispose: () => {} };
    const history = renderHistoryList(state.history, { open: (id) => controller.openHistory(id) });
    const picker = renderPicker(catalog, {
      navigate: (id) => router.navigate(id),
      author: (id) => router.go({ kind: 'author', id }),
      opened: state.opened,
      openFile: renderOpenFile(controller),
      history,
      inProgress: new Set(state.inProgress),
    });
    return { element: picker, dispose: () => {} };
  };

  const findEntry = (state: AppState, id: string) => findScenario(catalog, state.opened, id);
  const titleOf = (state: AppState): string => (state.scenarioId === null ? (state.authoring?.file ?? APP_TITLE) : (findEntry(state, state.scenarioId)?.scenario.title ?? APP_TITLE));

  let routerIfStarted: Router | undefined;
  const router = startRouter(win, (route, how) => {
    if (route.kind === 'author') controller.openAuthoring(route.id);
    else controller.openScenario(route.kind === 'scenario' ? route.id : null);
    render(store.getState(), how !== 'load');
    if (how !== 'load') (win.document.scrollingElement ?? win.document.documentElement).scrollTop = 0;
  });
  routerIfStarted = router;
  const unsubscribe = store.subscribe((state, previous) => render(state, state.screen !== previous.screen));
  navigateOnClick(brand, () => router.navigate(null));

  return {
    router,
    unmount() {
      unsubscribe();
      dispose();
      router.stop();
      replaceChildren(root);
    },
  };
}

function renderNotice(element: HTMLElement, text: string | null, controller: AppController, page: HTMLElement): void {
  if (element.dataset.text === (text ?? '')) return;
  element.dataset.text = text ?? '';
  if (text === null) {
    replaceChildren(element);
    element.hidden = true;
    return;
  }
  const dismiss = h('button', { class: 'button ghost small', attrs: { type: 'button' } }, 'Dismiss');
  dismiss.addEventListener('click', () => {
    controller.dismissNotice();
    page.querySelector<HTMLElement>('h1')?.focus();
  });
  replaceChildren(element, h('p', {}, text), dismiss);
  element.hidden = false;
}
