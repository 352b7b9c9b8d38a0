import { h } from '../dom.ts';
import { setAttr, setHidden, setText, uid } from './controls.ts';

export interface TabSpec {
  readonly key: string;
  readonly label: string;
  readonly panel: HTMLElement;
}

export interface Tabs {
  readonly element: HTMLElement;
  select(key: string, focus?: boolean): void;
  /** A small count beside a tab's label ("2 waiting"), or nothing. */
  setBadge(key: string, count: number, what: string): void;
}

/**
 * ARIA tabs (the WAI-ARIA Authoring Practices pattern): one tab in the tab order, arrow keys,
 * Home and End move between tabs and show the tab they land on.
 */
export function createTabs(label: string, specs: readonly TabSpec[]): Tabs {
  const base = uid('tabs');
  const tabs = specs.map((spec) => {
    const badge = h('span', { class: 'hud-tab-badge', attrs: { 'aria-hidden': 'true' } });
    badge.hidden = true;
    const tab = h(
      'button',
      { class: 'hud-tab', attrs: { type: 'button', role: 'tab', id: `${base}-${spec.key}-tab`, 'aria-controls': `${base}-${spec.key}` } },
      h('span', {}, spec.label),
      badge,
    );
    spec.panel.id = `${base}-${spec.key}`;
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', tab.id);
    spec.panel.tabIndex = -1;
    spec.panel.classList.add('hud-tabpanel');
    return { spec, tab, badge };
  });

  const select = (key: string, focus = false) => {
    for (const { spec, tab } of tabs) {
      const selected = spec.key === key;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      setHidden(spec.panel, !selected);
      if (selected && focus) tab.focus();
    }
  };

  const tablist = h('div', { class: 'hud-tablist', attrs: { role: 'tablist', 'aria-label': label } }, ...tabs.map(({ tab }) => tab));
  tabs.forEach(({ spec, tab }, index) => {
    tab.addEventListener('click', () => select(spec.key));
    tab.addEventListener('keydown', (event) => {
      const last = tabs.length - 1;
      const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      select(tabs[target]!.spec.key, true);
    });
  });
  select(specs[0]?.key ?? '');

  return {
    element: h('div', { class: 'hud-tabs' }, tablist, ...specs.map((spec) => spec.panel)),
    select,
    setBadge(key, count, what) {
      const entry = tabs.find(({ spec }) => spec.key === key);
      if (!entry) return;
      setHidden(entry.badge, count === 0);
      // The space keeps the visible text "Decide 1", which the name must start with (WCAG 2.5.3, label in name).
      setText(entry.badge, count === 0 ? '' : ` ${count}`);
      setAttr(entry.tab, 'aria-label', count === 0 ? null : `${entry.spec.label} ${count} ${what}`);
    },
  };
}
