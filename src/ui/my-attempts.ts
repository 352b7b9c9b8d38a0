import type { AccountIntents } from '../app/account-intents.ts';
import { historyView } from '../app/my-attempts.ts';
import type { AppState, AppStore } from '../app/store.ts';
import { h } from './dom.ts';
import { renderHistoryList, type HistoryListHandlers } from './history-list.ts';
import { liveSection, type LiveSection } from './live.ts';

/**
 * The picker's list of finished attempts. Nobody signed in: this device's history, as always. Signed in: "My
 * attempts", the account's and this device's, with "Show older" while the account has more.
 */
export function renderMyAttempts(store: AppStore, handlers: HistoryListHandlers, account: AccountIntents | undefined): LiveSection {
  return liveSection(
    store,
    h('div', { class: 'my-attempts' }),
    (state) => [state.history, state.accountAttempts, state.sync, state.account.status],
    (state) => {
      const list = state.accountAttempts;
      if (state.account.status !== 'signed-in' || !list) return renderHistoryList(historyView(state), handlers);
      return renderHistoryList(historyView(state), handlers, {
        heading: 'My attempts',
        empty: list.status === 'loading' ? 'Loading your attempts…' : 'No finished attempts in your account yet. When you finish a scenario, it is saved here.',
        status: statusLine(state),
        footer: account && list.next !== null ? olderButton(list.status === 'loading', account) : null,
      });
    },
  );
}

function statusLine(state: AppState): HTMLElement | null {
  const list = state.accountAttempts;
  if (!list) return null;
  if (list.status === 'failed') return h('p', { class: 'list-problem', attrs: { role: 'status' } }, `${list.error ?? 'Your attempts could not be loaded.'} The attempts kept on this device are listed.`);
  if (list.status === 'loading' && list.items.length > 0) return h('p', { class: 'list-loading', attrs: { role: 'status' } }, 'Loading older attempts…');
  return null;
}

function olderButton(loading: boolean, account: AccountIntents): HTMLElement {
  const button = h('button', { class: 'button subtle', attrs: { type: 'button', 'data-focus': 'show-older', 'aria-disabled': String(loading) } }, loading ? 'Loading…' : 'Show older');
  button.addEventListener('click', () => {
    if (!loading) void account.showOlderAttempts();
  });
  return h('p', { class: 'history-more' }, button);
}
