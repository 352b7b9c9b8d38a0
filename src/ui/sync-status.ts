import type { AppState, AppStore } from '../app/store.ts';
import { h } from './dom.ts';
import { liveSection, type LiveSection } from './live.ts';
import './account.css';

type Shown = { readonly tone: 'saved' | 'waiting' | 'refused'; readonly text: string } | null;

/** Where an attempt stands with the account, in words; null when nobody is signed in and it never went to one. */
export function syncStatusOf(state: Pick<AppState, 'sync' | 'accountAttempts'>, attemptId: string): Shown {
  const status = state.sync[attemptId];
  if (status?.state === 'saved' || (!status && state.accountAttempts?.items.some((record) => record.attemptId === attemptId))) return { tone: 'saved', text: 'Saved to your account' };
  if (status?.state === 'waiting') return { tone: 'waiting', text: 'Waiting to sync — kept on this device' };
  if (status?.state === 'refused')
    return { tone: 'refused', text: `Not saved to your account: the server cannot take this attempt (${status.detail.replace(/[.\s]+$/, '')}). It stays on this device; download the attempt record to keep a copy.` };
  return null;
}

/** The debrief's sync line. It follows the store, so "Waiting to sync" turns into "Saved to your account" while the debrief is open. */
export function renderSyncStatus(store: AppStore, attemptId: string): LiveSection {
  const element = h('p', { class: 'sync-status', attrs: { role: 'status' } });
  return liveSection(
    store,
    element,
    (state) => [state.sync[attemptId], state.accountAttempts],
    (state) => {
      const shown = syncStatusOf(state, attemptId);
      element.className = shown ? `sync-status is-${shown.tone}` : 'sync-status';
      element.hidden = shown === null;
      return shown ? [h('span', { class: 'sync-icon', attrs: { 'aria-hidden': 'true' } }, shown.tone === 'saved' ? '✓' : shown.tone === 'waiting' ? '↻' : '!'), shown.text] : [];
    },
  );
}
