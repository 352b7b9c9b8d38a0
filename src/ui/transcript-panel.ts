import type { Mode } from '../app/store.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { TranscriptEntry } from '../core/session/state.ts';
import { h, replaceChildren } from './dom.ts';
import { renderEntry, shownDuringPlay } from './transcript-entry.ts';

export interface TranscriptPanel {
  readonly element: HTMLElement;
  /** Shows the transcript so far; only entries not seen before are rendered. */
  update(transcript: readonly TranscriptEntry[]): void;
}

/**
 * Everything said and done on the bridge, newest at the bottom, with a search box that filters it.
 * In exam mode the phase entries are left out (see shownDuringPlay); with no mode given, all are shown.
 */
export function createTranscriptPanel(compiled: CompiledScenario, mode: Mode = 'coach'): TranscriptPanel {
  const list = h('ol', { class: 'transcript', attrs: { 'aria-label': 'Transcript' } });
  const status = h('p', { class: 'transcript-status', attrs: { role: 'status' } });
  const search = h('input', { class: 'search', attrs: { type: 'search', id: 'transcript-search', placeholder: 'Search the transcript', autocomplete: 'off' } });
  const scroller = h('div', { class: 'transcript-scroll', attrs: { tabindex: '0', 'aria-label': 'Transcript, scrollable' } }, list);
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
    scroller,
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
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
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
      if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    },
  };
}
