// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { startRouter, type Route, type Router } from '../../src/ui/router.ts';

let router: Router | undefined;

afterEach(() => {
  router?.stop();
  window.history.replaceState(null, '', '/');
});

function start(): { routes: [Route, string][] } {
  const routes: [Route, string][] = [];
  router = startRouter(window, (route, how) => routes.push([route, how]));
  return { routes };
}

/** What the browser does on back, forward or an in-page link: the address changes, then popstate. */
function historyMovesTo(address: string): void {
  window.history.replaceState(null, '', address);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

describe('the router', () => {
  it('routes back and forward between addresses', () => {
    window.history.replaceState(null, '', '/?scenario=acme');
    const { routes } = start();
    historyMovesTo('/');
    expect(routes).toEqual([
      [{ kind: 'scenario', id: 'acme' }, 'load'],
      [{ kind: 'picker' }, 'pop'],
    ]);
  });

  it('leaves the view alone when only the fragment changes, to a section or back from one', () => {
    window.history.replaceState(null, '', '/?scenario=acme');
    const { routes } = start();
    historyMovesTo('/?scenario=acme#db-findings');
    historyMovesTo('/?scenario=acme');
    expect(routes).toEqual([[{ kind: 'scenario', id: 'acme' }, 'load']]);
  });

  it('leaves a fragment of the picker alone too', () => {
    const { routes } = start();
    historyMovesTo('/#open-file-heading');
    expect(routes).toHaveLength(1);
  });

  it('drops the fragment when it routes again to the same address', () => {
    window.history.replaceState(null, '', '/?scenario=acme#db-findings');
    start();
    router!.navigate('acme');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?scenario=acme');
  });

  it('routes a history move to another address after a fragment one', () => {
    window.history.replaceState(null, '', '/?scenario=acme');
    const { routes } = start();
    historyMovesTo('/?scenario=acme#db-timeline');
    historyMovesTo('/#open-file-heading');
    expect(routes.at(-1)).toEqual([{ kind: 'picker' }, 'pop']);
  });
});
