import type { NeedsAttention } from '../app/store.ts';
import { h } from './dom.ts';

export interface NeedsAttentionHandlers {
  /** Shows the kept file in the authoring view, with all its problems. */
  open(item: NeedsAttention): void;
}

/**
 * The scenario files opened in this browser that no longer pass the checks: each with its name and first problem,
 * and a way to see the rest in the authoring view. Null when there are none.
 */
export function renderNeedsAttention(items: readonly NeedsAttention[], handlers: NeedsAttentionHandlers): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'problems needs-attention', attrs: { 'aria-labelledby': 'needs-attention-heading' } },
    h('h2', { attrs: { id: 'needs-attention-heading' } }, 'Needs attention'),
    h(
      'p',
      { class: 'problems-hint' },
      `${items.length === 1 ? 'This scenario file was' : 'These scenario files were'} opened in this browser but no longer ${items.length === 1 ? 'passes' : 'pass'} the checks. ${items.length === 1 ? 'It is' : 'They are'} kept, not playable; open the fixed file again below to replace ${items.length === 1 ? 'it' : 'them'}.`,
    ),
    h('ul', { class: 'needs-attention-list', attrs: { 'aria-label': 'Scenario files that need attention' } }, ...items.map((item) => h('li', {}, renderItem(item, handlers)))),
  );
}

function renderItem(item: NeedsAttention, handlers: NeedsAttentionHandlers): HTMLElement {
  const open = h('button', { class: 'button subtle small', attrs: { type: 'button', 'aria-label': `Open in the authoring view: ${item.file}` } }, 'Open in the authoring view');
  open.addEventListener('click', () => handlers.open(item));
  const more = item.problems.length - 1;
  return h(
    'article',
    { class: 'problem' },
    h('h3', {}, h('span', { class: 'problem-kind' }, 'Scenario'), ' ', h('code', {}, item.file)),
    h(
      'ul',
      { class: 'diagnostics' },
      h('li', { class: 'diagnostic error' }, h('code', {}, item.problems[0] ?? 'It no longer loads.')),
      more > 0 ? h('li', { class: 'needs-attention-more' }, `and ${more === 1 ? '1 more problem' : `${more} more problems`}`) : null,
    ),
    h('p', { class: 'needs-attention-actions' }, open),
  );
}
