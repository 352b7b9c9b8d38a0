import type { NeedsAttention } from '../app/store.ts';
import { h } from './dom.ts';

export interface NeedsAttentionHandlers {
  /** Shows the kept file in the authoring view, with all its problems. */
  open(item: NeedsAttention): void;
  /** Removes the kept file from this browser, once the person has confirmed it. */
  remove(item: NeedsAttention): void;
}

/**
 * The scenario files opened in this browser that no longer pass the checks: each with its name and first problem,
 * a way to see the rest in the authoring view, and a way to remove it. Null when there are none.
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
    renderActions(item, handlers),
  );
}

/** Open, or remove after a second click that says what goes: the kept text is the only copy in this browser. */
function renderActions(item: NeedsAttention, handlers: NeedsAttentionHandlers): HTMLElement {
  const button = (label: string, name: string, className: string, onClick: () => void) => {
    const element = h('button', { class: `button small ${className}`, attrs: { type: 'button', 'aria-label': `${name}: ${item.file}` } }, label);
    element.addEventListener('click', onClick);
    return element;
  };
  const actions = h('p', { class: 'needs-attention-actions' });
  const offer = (): void => {
    const remove = button('Remove…', 'Remove from this browser', 'ghost', () => confirm());
    actions.replaceChildren(button('Open in the authoring view', 'Open in the authoring view', 'subtle', () => handlers.open(item)), ' ', remove);
  };
  const confirm = (): void => {
    const keep = button('Keep it', 'Keep', 'subtle', () => {
      offer();
      actions.querySelector<HTMLElement>('button:last-of-type')?.focus();
    });
    actions.replaceChildren(`Remove ${item.file} and its text from this browser? `, button('Remove now', 'Remove now', 'danger', () => handlers.remove(item)), ' ', keep);
    keep.focus();
  };
  offer();
  return actions;
}
