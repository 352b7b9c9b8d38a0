import type { AppState, AppStore } from '../app/store.ts';
import { replaceChildren, type Child } from './dom.ts';

export interface LiveSection {
  readonly element: HTMLElement;
  dispose(): void;
}

/**
 * A part of a page that follows the store on its own: it renders again only when the slices `select` picks change
 * (compared one by one), so the rest of the page, and whatever the person is doing there, stays as it is. Focus
 * inside it survives a render: the element with the same `data-focus` key gets it back, or else the section does.
 */
export function liveSection(store: AppStore, element: HTMLElement, select: (state: AppState) => readonly unknown[], render: (state: AppState) => Child | readonly Child[]): LiveSection {
  let shown: readonly unknown[] | null = null;
  const update = (state: AppState) => {
    const keys = select(state);
    if (shown && shown.length === keys.length && shown.every((key, index) => key === keys[index])) return;
    shown = keys;
    const active = element.ownerDocument.activeElement;
    const hadFocus = active instanceof HTMLElement && element.contains(active);
    const focusKey = hadFocus ? active.closest<HTMLElement>('[data-focus]')?.dataset.focus : undefined;
    const children = render(state);
    replaceChildren(element, ...(Array.isArray(children) ? (children as readonly Child[]) : [children as Child]));
    if (!hadFocus) return;
    const again = focusKey === undefined ? null : ([...element.querySelectorAll<HTMLElement>('[data-focus]')].find((candidate) => candidate.dataset.focus === focusKey) ?? null);
    const fallback = element.querySelector<HTMLElement>('[data-focus-fallback]');
    (again ?? fallback)?.focus();
  };
  update(store.getState());
  const unsubscribe = store.subscribe((state) => update(state));
  return { element, dispose: unsubscribe };
}
