import type { HistoryEntry } from '../app/store.ts';
import { h } from './dom.ts';
import { finishedAtIso, finishedAtText } from './debrief/format.ts';
import { modeLabel } from './debrief/labels.ts';
import './debrief/history-list.css';

export interface HistoryListHandlers {
  open(entryId: string): void;
}

function renderEntry(entry: HistoryEntry, handlers: HistoryListHandlers): HTMLLIElement {
  const when = finishedAtText(entry.finishedAt);
  const verdict = entry.passed ? 'Passed' : 'Not passed';
  const open = h('button', { class: 'button subtle', attrs: { type: 'button', 'aria-label': `Open debrief: ${entry.scenarioTitle}, ${when}, ${entry.percent}%, ${verdict}` } }, 'Open debrief');
  open.addEventListener('click', () => handlers.open(entry.id));
  return h(
    'li',
    { class: 'history-entry' },
    h(
      'div',
      { class: 'history-main' },
      h('p', { class: 'history-title' }, entry.scenarioTitle),
      h('p', { class: 'history-meta' }, h('time', { attrs: { datetime: finishedAtIso(entry.finishedAt) } }, when), h('span', {}, modeLabel(entry.mode))),
    ),
    h(
      'p',
      { class: `history-score ${entry.passed ? 'is-passed' : 'is-failed'}` },
      h('span', { class: 'history-percent' }, `${entry.percent}%`),
      h('span', { class: 'history-verdict' }, h('span', { attrs: { 'aria-hidden': 'true' } }, entry.passed ? '✓ ' : '✕ '), verdict),
    ),
    open,
  );
}

/** Finished attempts kept on this device, newest first, each one a button away from its debrief. */
export function renderHistoryList(entries: readonly HistoryEntry[], handlers: HistoryListHandlers): HTMLElement {
  const newestFirst = [...entries].sort((a, b) => b.finishedAt - a.finishedAt);
  return h(
    'section',
    { class: 'panel history', attrs: { 'aria-labelledby': 'history-heading' } },
    h('h2', { attrs: { id: 'history-heading' } }, 'Your past attempts'),
    newestFirst.length === 0
      ? h('p', { class: 'history-empty' }, 'No finished attempts yet. When you finish a scenario, its debrief is kept here on this device.')
      : h('ol', { class: 'history-list', attrs: { 'aria-labelledby': 'history-heading' } }, ...newestFirst.map((entry) => renderEntry(entry, handlers))),
  );
}
