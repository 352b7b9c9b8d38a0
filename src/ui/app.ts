import type { Catalog } from '../app/catalog.ts';
import { h, replaceChildren } from './dom.ts';
import { renderPicker } from './picker.ts';
import { linkTo, startRouter, type Router } from './router.ts';
import { renderScenarioView } from './scenario-view.ts';

const APP_TITLE = 'Bridge Drill';

export interface App {
  readonly router: Router;
  unmount(): void;
}

/** Shows the picker or a scenario, following the address bar (`/?scenario=ID`). */
export function mountApp(root: HTMLElement, catalog: Catalog, win: Window = window): App {
  const brand = h('a', { class: 'brand', attrs: { href: linkTo(null, win.location.pathname) } }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), APP_TITLE);
  const page = h('div', { class: 'page' });
  replaceChildren(root, h('div', { class: 'topbar' }, brand, h('span', { class: 'tag' }, 'Preview')), page);

  let dispose: () => void = () => {};
  const router = startRouter(win, (scenarioId, how) => {
    dispose();
    dispose = () => {};
    const entry = scenarioId === null ? undefined : catalog.find(scenarioId);
    if (entry) {
      const view = renderScenarioView(entry, (id) => router.navigate(id));
      dispose = view.dispose;
      replaceChildren(page, view.element);
      win.document.title = `${entry.scenario.title} · ${APP_TITLE}`;
    } else {
      const notice = scenarioId === null ? undefined : `There is no scenario called “${scenarioId}”. Pick one of the scenarios below.`;
      replaceChildren(page, renderPicker(catalog, { navigate: (id) => router.navigate(id), ...(notice ? { notice } : {}) }));
      win.document.title = APP_TITLE;
    }
    if (how !== 'load') {
      (win.document.scrollingElement ?? win.document.documentElement).scrollTop = 0;
      page.querySelector<HTMLElement>('h1')?.focus();
    }
  });

  brand.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.navigate(null);
  });

  return {
    router,
    unmount() {
      dispose();
      router.stop();
      replaceChildren(root);
    },
  };
}
