import type { Mode } from '../app/store.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { TranscriptEntry } from '../core/session/state.ts';
import { h, replaceChildren } from './dom.ts';
import { followLatest } from './follow-latest.ts';
import { renderEntry, shownDuringPlay } from './transcript-entry.ts';
import './transcript-panel.css';

export interface TranscriptPanel {
  readonly element: HTMLElement;
  /** Shows the transcript so far; only entries not seen before are rendered. */
  update(transcript: readonly TranscriptEntry[]): void;
  dispose(): void;
}

/**
 * Everything said and done on the bridge, newest at the bottom, with a search box that filters it.
 * New lines are followed unless the trainee has scrolled up; then "Jump to latest" brings them back.
 * In exam mode the phase entries are left out (see shownDuringPlay); with no mode given, all are shown.
 */
export function createTranscriptPanel(compiled: CompiledScenario, mode: Mode = 'coach'): TranscriptPanel {
  const list = h('ol', { class: 'transcript', attrs: { 'aria-label': 'Transcript' } });
  const status = h('p', { class: 'transcript-status', attrs: { role: 'status' } });
  const search = h('input', { class: 'search', attrs: { type: 'search', id: 'transcript-search', placeholder: 'Search the transcript', autocomplete: 'off' } });
  const scroller = h('div', { class: 'transcript-scroll', attrs: { tabindex: '0', 'aria-label': 'Transcript, scrollable' } }, list);
  const jump = h('button', { class: 'button small transcript-latest', attrs: { type: 'button' } }, 'Jump to latest', h('span', { attrs: { 'aria-hidden': 'true' } }, '↓'));
  jump.hidden = true;
  const follower = followLatest(scroller, (following) => {
    jump.hidden = following;
  });
  jump.addEventListener('click', () => {
    follower.jumpToLatest();
    scroller.focus();
  });
  const items: { readonly entry: TranscriptEntry; readonly element: HTMLLIElement; readonly haystack: string }[] = [];
  /** How many transcript entries have been looked at, shown or not. */
  let seen = 0;
  let query = '';

  const matches = (haystack: string) => query === '' || haystack.includes(query);
  const applyFilter = () => {
    let shown = 0;
    for (const item of items) {
      const visible = matches(item.haystack);
      item.element.hidden = !visible;
      if (visible) shown++;
    }
    replaceChildren(status, query === '' ? '' : `${shown} of ${items.length} lines match “${search.value.trim()}”`);
    follower.contentChanged();
  };
  search.addEventListener('input', () => {
    query = search.value.trim().toLowerCase();
    applyFilter();
  });

  const element = h(
    'section',
    { class: 'panel transcript-panel', attrs: { 'aria-labelledby': 'transcript-heading' } },
    h('div', { class: 'transcript-head' }, h('h2', { attrs: { id: 'transcript-heading' } }, 'Transcript'), h('label', { class: 'sr-only', attrs: { for: 'transcript-search' } }, 'Search the transcript'), search),
    status,
    h('div', { class: 'transcript-view' }, scroller, jump),
  );

  return {
    element,
    update(transcript) {
      if (transcript.length < seen) {
        seen = 0;
        items.length = 0;
        replaceChildren(list);
      }
      if (transcript.length === seen) return;
      const fresh = transcript.slice(seen);
      seen = transcript.length;
      for (const entry of fresh) {
        if (!shownDuringPlay(entry, mode)) continue;
        const item = renderEntry(entry, compiled);
        const speaker = entry.speaker ? compiled.participants.get(entry.speaker)?.name ?? '' : '';
        const haystack = `${speaker} ${entry.title ?? ''} ${entry.text} ${compiled.clock.format(entry.at)}`.toLowerCase();
        item.hidden = !matches(haystack);
        items.push({ entry, element: item, haystack });
        list.appendChild(item);
      }
      if (query !== '') applyFilter();
      else follower.contentChanged();
    },
    dispose: () => follower.dispose(),
  };
}
