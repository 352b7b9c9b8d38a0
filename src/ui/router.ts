/** Navigation between the picker and a scenario: `/?scenario=ID` opens that scenario's briefing. */
export type Navigate = (scenarioId: string | null) => void;

export function scenarioIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get('scenario');
  return id === null || id.trim() === '' ? null : id;
}

/** The address of a scenario's view (or of the picker, for null) on the current page. */
export function linkTo(scenarioId: string | null, pathname: string = window.location.pathname): string {
  return scenarioId === null ? pathname : `${pathname}?${new URLSearchParams({ scenario: scenarioId }).toString()}`;
}

export interface Router {
  readonly navigate: Navigate;
  stop(): void;
}

/** Calls `onRoute` for the current address, after every `navigate`, and on back and forward. */
export function startRouter(win: Window, onRoute: (scenarioId: string | null, how: 'load' | 'push' | 'pop') => void): Router {
  const onPop = () => onRoute(scenarioIdFrom(win.location.search), 'pop');
  win.addEventListener('popstate', onPop);
  onRoute(scenarioIdFrom(win.location.search), 'load');
  return {
    navigate(scenarioId) {
      const target = linkTo(scenarioId, win.location.pathname);
      if (target !== `${win.location.pathname}${win.location.search}`) win.history.pushState({ scenario: scenarioId }, '', target);
      onRoute(scenarioId, 'push');
    },
    stop() {
      win.removeEventListener('popstate', onPop);
    },
  };
}
