import type { AccountState, AppState, AppStore } from '../app/store.ts';
import { replaceChildren } from './dom.ts';

export interface GatedScreen {
  readonly element: HTMLElement;
  dispose(): void;
}

export interface GatedScreenParts {
  /** Whether the account may see the screen at all. */
  readonly allowed: (account: AccountState) => boolean;
  /** Whether the screen's state has arrived, so its body can be built. */
  readonly ready: (state: AppState) => boolean;
  /** The screen itself, built once each time it comes into view. */
  readonly body: () => { readonly children: readonly HTMLElement[]; dispose(): void };
  /** What shows instead: sign in, not for this role, or loading. */
  readonly gate: (state: AppState) => HTMLElement;
}

/**
 * A screen for some accounts only: its gate until the account may see it and its state is there, then its body.
 * Either is built again only when what it depends on changes, and the new heading takes the focus.
 */
export function gatedScreen(element: HTMLElement, store: AppStore, parts: GatedScreenParts): GatedScreen {
  let shown: { readonly kind: string; dispose(): void } | null = null;
  const update = (state: AppState) => {
    const { account } = state;
    const kind = !parts.allowed(account) ? `gate:${account.status}:${account.status === 'signed-in' ? account.user.role : ''}` : parts.ready(state) ? 'screen' : 'gate:loading';
    if (shown?.kind === kind) return;
    shown?.dispose();
    if (kind === 'screen') {
      const body = parts.body();
      replaceChildren(element, ...body.children);
      shown = { kind, dispose: body.dispose };
    } else {
      replaceChildren(element, parts.gate(state));
      shown = { kind, dispose: () => {} };
    }
    if (element.isConnected) element.querySelector<HTMLElement>('h1')?.focus();
  };
  update(store.getState());
  const unsubscribe = store.subscribe((state) => update(state));
  return {
    element,
    dispose() {
      unsubscribe();
      shown?.dispose();
    },
  };
}
