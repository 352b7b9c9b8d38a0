/**
 * Navigation: `/?scenario=ID` opens that scenario's briefing (CONTRACTS.md §5), `/?author=ID` its
 * authoring view, and no parameter the picker. `/?setup=TOKEN` and `/?invite=TOKEN` are the first-visit pages
 * of the results server (the first administrator's setup; an invitation or a password reset); the page takes
 * the token out of the address as soon as it has read it. `/?view=instructor` is the instructor's screen, and
 * `/?view=results&…` the results area, its filter, sort and pages in the address (see results-query.ts).
 */
import { paramsOfQuery, queryFromParams, type ResultsQuery } from '../app/results/results-query.ts';

export type Route =
  | { readonly kind: 'picker' }
  | { readonly kind: 'scenario'; readonly id: string }
  | { readonly kind: 'author'; readonly id: string }
  | { readonly kind: 'instructor' }
  | { readonly kind: 'results'; readonly query: ResultsQuery }
  | { readonly kind: 'welcome'; readonly page: 'setup' | 'invite'; readonly token: string }
  /** A trainee's device in a classroom (`/?join=CODE`, where `/j/CODE` leads); null: the bare join form. */
  | { readonly kind: 'join'; readonly code: string | null }
  /** A classroom's projector page (`/?host=CODE`), for the instructor who created it. */
  | { readonly kind: 'host'; readonly code: string };

export type Navigate = (scenarioId: string | null) => void;

export function routeFrom(search: string): Route {
  const params = new URLSearchParams(search);
  const pick = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === '' ? null : value;
  };
  if (params.has('join')) return { kind: 'join', code: pick('join') };
  const host = pick('host');
  if (host !== null) return { kind: 'host', code: host };
  const setup = pick('setup');
  if (setup !== null) return { kind: 'welcome', page: 'setup', token: setup };
  const invite = pick('invite');
  if (invite !== null) return { kind: 'welcome', page: 'invite', token: invite };
  if (pick('view') === 'instructor') return { kind: 'instructor' };
  if (pick('view') === 'results') return { kind: 'results', query: queryFromParams(params) };
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
  if (route.kind === 'results') return `${pathname}?${paramsOfQuery(route.query).toString()}`;
  if (route.kind === 'join') return `${pathname}?join=${encodeURIComponent(route.code ?? '')}`;
  if (route.kind === 'host') return `${pathname}?host=${encodeURIComponent(route.code)}`;
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

/**
 * Calls `onRoute` for the current address, after every navigation, and on back and forward. A history
 * move that changes only the fragment (an in-page link such as `#db-findings`, or back from one) is not
 * a navigation: the browser scrolls to the fragment and the view on screen stays.
 */
export function startRouter(win: Window, onRoute: (route: Route, how: 'load' | 'push' | 'pop') => void): Router {
  const current = () => `${win.location.pathname}${win.location.search}`;
  let routed = current();
  const route = (next: Route, how: 'load' | 'push' | 'pop') => {
    onRoute(next, how);
    // onRoute may rewrite the address (a welcome token leaves it), so what was routed is read afterwards.
    routed = current();
  };
  const onPop = () => {
    if (current() !== routed) route(routeFrom(win.location.search), 'pop');
  };
  win.addEventListener('popstate', onPop);
  route(routeFrom(win.location.search), 'load');
  const go = (next: Route) => {
    const target = addressOf(next, win.location.pathname);
    if (target !== current()) win.history.pushState(null, '', target);
    else if (win.location.hash !== '') win.history.replaceState(null, '', target);
    route(next, 'push');
  };
  return {
    navigate: (scenarioId) => go(scenarioId === null ? { kind: 'picker' } : { kind: 'scenario', id: scenarioId }),
    go,
    show(next) {
      const target = addressOf(next, win.location.pathname);
      if (target !== current()) win.history.replaceState(null, '', target);
      routed = current();
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
