import type { AccountIntents } from '../app/account-intents.ts';
import { besideBundled, findScenario, type Catalog } from '../app/catalog.ts';
import type { AppController } from '../app/controller.ts';
import { historyView } from '../app/my-attempts.ts';
import type { AppState, AppStore } from '../app/store.ts';
import { renderBriefing } from './briefing.ts';
import { renderDebrief } from './debrief/render-debrief.ts';
import { hasBidiControl, isolateText } from '../core/text/bidi.ts';
import { h, replaceChildren } from './dom.ts';
import { renderAccountBar } from './account-bar.ts';
import { renderAssignments } from './assignments.ts';
import { renderCarryOn } from './carry-on-list.ts';
import { renderMyAttempts } from './my-attempts.ts';
import { renderPicker } from './picker.ts';
import { renderPlayScreen, type GameLoader } from './play-screen.ts';
import { installPlayShortcuts } from './play-shortcuts.ts';
import { renderAuthoringView } from './authoring-view.ts';
import { renderOpenFile } from './open-file.ts';
import { renderNeedsAttention } from './needs-attention.ts';
import { addressOf, linkTo, navigateOnClick, startRouter, type Router } from './router.ts';
import { renderSyncStatus } from './sync-status.ts';
import { renderWelcomePage } from './welcome-page.ts';
import type { InstructorIntents } from '../app/instructor-controller.ts';
import { renderInstructorScreen } from './instructor-screen.ts';
import type { ResultsIntents } from '../app/results/results-controller.ts';
import { DEFAULT_QUERY } from '../app/results/results-query.ts';
import type { AccountState } from '../app/store.ts';
import { renderResultsScreen, type ChartDrawer } from './results/results-screen.ts';

const APP_TITLE = 'Bridge Drill';

export interface AppOptions {
  readonly store: AppStore;
  readonly controller: AppController;
  readonly catalog: Catalog;
  readonly loadGame?: GameLoader;
  /** Hands a file to the person: the browser saves it. */
  readonly download: (fileName: string, mimeType: string, text: string) => void;
  readonly print: () => void;
  /** The results server's account, when the page has one: sign-in, sync, "My attempts", assignments. */
  readonly account?: AccountIntents;
  /** The instructor's screen (`/?view=instructor`), when the page has an account. */
  readonly instructor?: InstructorIntents;
  /** The results area (`/?view=results&…`) for HR, admins and instructors, when the page has an account. */
  readonly results?: ResultsIntents;
  /** Where the results API lives (for downloads), and how the results area draws its charts. */
  readonly resultsView?: { readonly apiBase?: string; readonly drawChart?: ChartDrawer };
  /** Wall-clock ms now, for what is overdue. */
  readonly now?: () => number;
  /**
   * Launched by a learning platform (a SCORM package): only this scenario, with no picker, account or results, and
   * a line saying whether the attempt is reported to the platform.
   */
  readonly lms?: { readonly scenarioId: string; readonly reporting: boolean };
}

/** HR has nothing to play for: signing in as HR lands in the results area rather than on the scenarios. */
const isHr = (account: AccountState) => account.status === 'signed-in' && account.user.role === 'hr';

export interface App {
  readonly router: Router;
  unmount(): void;
}

/** Shows the screen the store names, and keeps the address bar and the store in step (`/?scenario=ID`). */
export function mountApp(root: HTMLElement, options: AppOptions, win: Window = window): App {
  const { store, controller, catalog, account, instructor, results } = options;
  const now = options.now ?? (() => Date.now());
  const lms = options.lms;
  const brand = lms
    ? h('span', { class: 'brand' }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), APP_TITLE)
    : h('a', { class: 'brand', attrs: { href: linkTo(null, win.location.pathname) } }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), APP_TITLE);
  const lmsLine = lms
    ? h('p', { class: 'lms-status', attrs: { 'data-lms': lms.reporting ? 'reporting' : 'unreported' } }, lms.reporting ? 'Running in your learning platform: your result is reported to it when the exercise ends.' : 'No learning platform answered: this attempt is not reported to one.')
    : null;
  const notice = h('div', { class: 'notice-bar', attrs: { role: 'alert' } });
  const page = h('div', { class: 'page' });
  const accountBar = account
    ? renderAccountBar(store, account, {
        afterSignIn: () => page.querySelector<HTMLElement>('h1')?.focus(),
        ...(instructor ? { instructor: { href: addressOf({ kind: 'instructor' }, win.location.pathname), open: () => routerIfStarted?.go({ kind: 'instructor' }) } } : {}),
        ...(results ? { results: { href: addressOf({ kind: 'results', query: DEFAULT_QUERY }, win.location.pathname), open: () => routerIfStarted?.go({ kind: 'results', query: DEFAULT_QUERY }) } } : {}),
      })
    : null;
  const topbar = h('div', { class: 'topbar' }, brand, lmsLine, accountBar?.element ?? null);
  replaceChildren(root, topbar, notice, page);

  let dispose: () => void = () => {};
  let shown: { screen: AppState['screen']; scenarioId: string | null; keys: readonly unknown[] } | null = null;

  const render = (state: AppState, moveFocus: boolean) => {
    renderNotice(notice, state.notice, controller, page);
    const keys =
      state.screen === 'play'
        ? [state.play?.compiled]
        : state.screen === 'debrief'
          ? [state.debrief]
          : state.screen === 'picker'
            ? [state.inProgress, state.opened, state.openedNeedingAttention, state.published]
            : state.screen === 'authoring'
              ? [state.authoring]
              : state.screen === 'welcome'
                ? [state.welcome?.token]
                : [];
    if (shown && shown.screen === state.screen && shown.scenarioId === state.scenarioId && shown.keys.every((key, index) => key === keys[index])) return;
    shown = { screen: state.screen, scenarioId: state.scenarioId, keys };
    dispose();
    dispose = () => {};
    const view = screenFor(state);
    page.className = `page page-${state.screen}`;
    // The same screen drawn again (a list from the server arrived): keyboard focus stays on the page, not on nothing.
    const focusWasHere = page.contains(win.document.activeElement);
    replaceChildren(page, view.element);
    if (focusWasHere && !moveFocus) page.querySelector<HTMLElement>('h1')?.focus();
    dispose = view.dispose;
    // On the first load the address already names this view, and the router is still starting.
    if (state.screen === 'authoring' && state.scenarioId !== null) routerIfStarted?.show({ kind: 'author', id: state.scenarioId });
    win.document.title = state.screen === 'picker' ? APP_TITLE : `${windowTitle(titleOf(state))} · ${APP_TITLE}`;
    if (moveFocus) page.querySelector<HTMLElement>('h1')?.focus();
  };

  const screenFor = (state: AppState): { element: HTMLElement; dispose: () => void } => {
    const entry = state.scenarioId === null ? undefined : findEntry(state, state.scenarioId);
    if (state.screen === 'authoring' && state.authoring) {
      const element = renderAuthoringView(state.authoring, controller, { play: (id) => router.navigate(id), back: () => router.navigate(null) });
      return { element, dispose: () => {} };
    }
    if (state.screen === 'play' && state.play) {
      const play = renderPlayScreen(store, controller, state.play, options.loadGame);
      const shortcuts = installPlayShortcuts({ store, controller, page, host: root, toolbar: topbar });
      return {
        element: play.element,
        dispose: () => {
          shortcuts.dispose();
          play.dispose();
        },
      };
    }
    if (state.screen === 'welcome' && state.welcome && account) return renderWelcomePage(store, account, (id) => router.navigate(id));
    if (state.screen === 'instructor' && instructor) return renderInstructorScreen(store, instructor, { openAttempt: (record) => void controller.openRecord(record) }, win);
    if (state.screen === 'results' && results) {
      return renderResultsScreen(store, results, {
        go: (query) => router.go({ kind: 'results', query }),
        href: (query) => addressOf({ kind: 'results', query }, win.location.pathname),
        scenarios: [...catalog.scenarios, ...state.published].map((entry) => ({ id: entry.scenario.id, title: entry.scenario.title })),
        ...(options.resultsView?.apiBase ? { apiBase: options.resultsView.apiBase } : {}),
        ...(options.resultsView?.drawChart ? { drawChart: options.resultsView.drawChart } : {}),
      });
    }
    if (state.screen === 'debrief' && state.debrief) {
      const debrief = state.debrief;
      const sync = account && debrief.attempt ? renderSyncStatus(store, debrief.attempt.attemptId) : null;
      const element = renderDebrief(debrief, {
        playAgain: () => router.navigate(debrief.scenario.id),
        backToScenarios: () => router.navigate(null),
        download: options.download,
        print: options.print,
        history: historyView(state),
        replayFrom: (start) => {
          controller.replayFrom(start);
          router.show({ kind: 'scenario', id: start.scenarioId });
        },
        ...(sync ? { syncStatus: sync.element } : {}),
      });
      return { element, dispose: () => sync?.dispose() };
    }
    if (state.screen === 'briefing' && entry) return { element: renderBriefing(entry, controller, (id) => router.navigate(id)), dispose: () => {} };
    const navigate = (id: string | null) => router.navigate(id);
    const history = renderMyAttempts(store, { open: (id) => void controller.openHistory(id) }, account);
    const assigned = account ? renderAssignments(store, catalog, navigate, now) : null;
    const carryOn = account ? renderCarryOn(store, catalog, controller, navigate) : null;
    const picker = renderPicker(catalog, {
      navigate,
      author: (id) => router.go({ kind: 'author', id }),
      opened: besideBundled(state),
      openFile: renderOpenFile(controller),
      history: history.element,
      inProgress: new Set(state.inProgress),
      published: new Set(state.published.map((entry) => entry.scenario.id)),
      needsAttention: renderNeedsAttention(state.openedNeedingAttention, {
        open: (item) => void controller.openFile(item.file, item.text),
        remove: (item) => void controller.forgetOpenedFile(item.file),
      }),
      ...(assigned ? { assigned: assigned.element } : {}),
      ...(carryOn ? { carryOn: carryOn.element } : {}),
    });
    return {
      element: picker,
      dispose: () => {
        history.dispose();
        assigned?.dispose();
        carryOn?.dispose();
      },
    };
  };

  const findEntry = (state: AppState, id: string) => findScenario(catalog, besideBundled(state), id);
  const titleOf = (state: AppState): string => {
    if (state.screen === 'instructor') return 'Instructor';
    if (state.screen === 'results') return 'Results';
    if (state.screen === 'welcome') return state.welcome?.kind === 'setup' ? 'Set up' : state.welcome?.kind === 'reset' ? 'Set a new password' : 'Invitation';
    return state.scenarioId === null ? (state.authoring?.file ?? APP_TITLE) : (findEntry(state, state.scenarioId)?.scenario.title ?? APP_TITLE);
  };

  let routerIfStarted: Router | undefined;
  const router = startRouter(win, (route, how) => {
    // In a learning platform, every address leads back to the packaged scenario.
    if (lms) void controller.openScenario(lms.scenarioId);
    else if (route.kind === 'welcome') {
      // The token leaves the address bar (and the history) as soon as it is read.
      win.history.replaceState(null, '', addressOf(route, win.location.pathname));
      if (account) void account.openWelcome(route.page, route.token);
      else void controller.openScenario(null);
    } else if (route.kind === 'instructor') {
      if (instructor) instructor.open();
      else void controller.openScenario(null);
    } else if (route.kind === 'results') {
      if (results) results.open(route.query);
      else void controller.openScenario(null);
    } else if (route.kind === 'author') controller.openAuthoring(route.id);
    else void controller.openScenario(route.kind === 'scenario' ? route.id : null);
    if (route.kind === 'picker') account?.refresh();
    render(store.getState(), how !== 'load');
    if (how !== 'load') (win.document.scrollingElement ?? win.document.documentElement).scrollTop = 0;
  });
  routerIfStarted = router;
  const unsubscribe = store.subscribe((state, previous) => {
    // Signed in as HR (or found signed in on load) while on the scenarios: the results area instead, in place of this entry.
    if (results && state.account !== previous.account && isHr(state.account) && !isHr(previous.account) && state.screen === 'picker') {
      router.show({ kind: 'results', query: DEFAULT_QUERY });
      results.open(DEFAULT_QUERY);
      // Opening it drew the screen already; the state this call was given is out of date.
      return;
    }
    render(state, state.screen !== previous.screen);
  });
  if (brand.tagName === 'A') navigateOnClick(brand as HTMLAnchorElement, () => router.navigate(null));

  return {
    router,
    unmount() {
      unsubscribe();
      dispose();
      accountBar?.dispose();
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
  replaceChildren(element, ...text.split('\n').map((line) => h('p', {}, line)), dismiss);
  element.hidden = false;
}

/** A window title cannot hold markup: text with bidi controls of its own is isolated by characters instead. */
const windowTitle = (text: string): string => (hasBidiControl(text) ? isolateText(text) : text);
