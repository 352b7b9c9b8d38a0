/**
 * Navigation: `/?scenario=ID` opens that scenario's briefing (CONTRACTS.md §5), `/?author=ID` its
 * authoring view, and no parameter the picker. `/?setup=TOKEN` and `/?invite=TOKEN` are the first-visit pages
 * of the results server (the first administrator's setup; an invitation or a password reset); the page takes
 * the token out of the address as soon as it has read it. `/?view=instructor` is the instructor's screen.
 */
export type Route =
  | { readonly kind: 'picker' }
  | { readonly kind: 'scenario'; readonly id: string }
  | { readonly kind: 'author'; readonly id: string }
  | { readonly kind: 'instructor' }
  | { readonly kind: 'welcome'; readonly page: 'setup' | 'invite'; readonly token: string };

export type Navigate = (scenarioId: string | null) => void;

export function routeFrom(search: string): Route {
  const params = new URLSearchParams(search);
  const pick = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === '' ? null : value;
  };
  const setup = pick('setup');
  if (setup !== null) return { kind: 'welcome', page: 'setup', token: setup };
  const invite = pick('invite');
  if (invite !== null) return { kind: 'welcome', page: 'invite', token: invite };
  if (pick('view') === 'instructor') return { kind: 'instructor' };
  const author = pick('author');
  if (author !== null) return { kind: 'author', id: author };
  const scenario = pick('scenario');
  return scenario === null ? { kind: 'picker' } : { kind: 'scenario', id: scenario };
}

/** The address of a route on the current page. */
export function addressOf(route: Route, pathname: string = window.location.pathname): string {
  // A token is never written back into the address, so it does not stay in the history or a bookmark.
  if (route.kind === 'picker' || route.kind === 'welcome') return pathname;
  if (route.kind === 'instructor') return `${pathname}?view=instructor`;
  return `${pathname}?${new URLSearchParams({ [route.kind]: route.id }).toString()}`;
}

/** The address of a scenario's briefing (or of the picker, for null). */
export function linkTo(scenarioId: string | null, pathname: string = window.location.pathname): string {
  return addressOf(scenarioId === null ? { kind: 'picker' } : { kind: 'scenario', id: scenarioId }, pathname);
}

export interface Router {
  readonly navigate: Navigate;
  go(route: Route): void;
  /** Changes the address without a new history entry and without routing, to match what is on screen. */
  show(route: Route): void;
  stop(): void;
}

/** Calls `onRoute` for the current address, after every navigation, and on back and forward. */
export function startRouter(win: Window, onRoute: (route: Route, how: 'load' | 'push' | 'pop') => void): Router {
  const onPop = () => onRoute(routeFrom(win.location.search), 'pop');
  win.addEventListener('popstate', onPop);
  onRoute(routeFrom(win.location.search), 'load');
  const current = () => `${win.location.pathname}${win.location.search}`;
  const go = (route: Route) => {
    const target = addressOf(route, win.location.pathname);
    if (target !== current()) win.history.pushState(null, '', target);
    onRoute(route, 'push');
  };
  return {
    navigate: (scenarioId) => go(scenarioId === null ? { kind: 'picker' } : { kind: 'scenario', id: scenarioId }),
    go,
    show(route) {
      const target = addressOf(route, win.location.pathname);
      if (target !== current()) win.history.replaceState(null, '', target);
    },
    stop() {
      win.removeEventListener('popstate', onPop);
    },
  };
}

/**
 * Makes a link navigate inside the page on a plain left click, and leaves a click with a modifier
 * (new tab, new window) to the browser, so every in-app link still works as a real link.
 */
export function navigateOnClick<T extends HTMLAnchorElement>(link: T, navigate: () => void): T {
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate();
  });
  return link;
}
