import type { HistoryEntry } from '../app/store.ts';
import { h, type Child } from './dom.ts';
import { finishedAtIso, finishedAtText } from './debrief/format.ts';
import { modeLabel } from './debrief/labels.ts';
import './debrief/history-list.css';

export interface HistoryListHandlers {
  open(entryId: string): void;
}

export interface HistoryListOptions {
  /** "My attempts" when signed in; "Your past attempts" otherwise. */
  readonly heading?: string;
  /** What is said when the list is empty. */
  readonly empty?: string;
  /** Shown between the heading and the list: a loading or error line. */
  readonly status?: Child;
  /** Shown under the list: "Show older". */
  readonly footer?: Child;
}

/** Where an entry stands, in words, when it is not simply in the account. */
function marks(entry: HistoryEntry): HTMLElement[] {
  const found: HTMLElement[] = [];
  if (entry.where === 'device') found.push(h('span', { class: 'history-mark is-device' }, 'On this device only'));
  if (entry.sync === 'waiting') found.push(h('span', { class: 'history-mark is-waiting' }, 'Waiting to sync'));
  if (entry.sync === 'refused') found.push(h('span', { class: 'history-mark is-refused' }, 'Not accepted by the server'));
  return found;
}

function renderEntry(entry: HistoryEntry, handlers: HistoryListHandlers): HTMLLIElement {
  const when = finishedAtText(entry.finishedAt);
  const verdict = entry.passed ? 'Passed' : 'Not passed';
  const where = entry.where === 'device' ? ', on this device only' : '';
  const open = h(
    'button',
    { class: 'button subtle', attrs: { type: 'button', 'data-focus': `open:${entry.id}`, 'aria-label': `Open debrief: ${entry.scenarioTitle}, ${when}, ${entry.percent}%, ${verdict}${where}` } },
    'Open debrief',
  );
  open.addEventListener('click', () => handlers.open(entry.id));
  return h(
    'li',
    { class: 'history-entry' },
    h(
      'div',
      { class: 'history-main' },
      h('p', { class: 'history-title' }, entry.scenarioTitle),
      h('p', { class: 'history-meta' }, h('time', { attrs: { datetime: finishedAtIso(entry.finishedAt) } }, when), h('span', {}, modeLabel(entry.mode)), ...marks(entry)),
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

/** Finished attempts, newest first, each one a button away from its debrief. */
export function renderHistoryList(entries: readonly HistoryEntry[], handlers: HistoryListHandlers, options: HistoryListOptions = {}): HTMLElement {
  const newestFirst = [...entries].sort((a, b) => b.finishedAt - a.finishedAt);
  return h(
    'section',
    { class: 'panel history', attrs: { 'aria-labelledby': 'history-heading' } },
    h('h2', { attrs: { id: 'history-heading', tabindex: '-1', 'data-focus-fallback': '' } }, options.heading ?? 'Your past attempts'),
    options.status ?? null,
    newestFirst.length === 0
      ? h('p', { class: 'history-empty' }, options.empty ?? 'No finished attempts yet. When you finish a scenario, its debrief is kept here on this device.')
      : h('ol', { class: 'history-list', attrs: { 'aria-labelledby': 'history-heading' } }, ...newestFirst.map((entry) => renderEntry(entry, handlers))),
    options.footer ?? null,
  );
}
