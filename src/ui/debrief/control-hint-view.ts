import { h } from '../dom.ts';
import type { ControlHint } from './control-hints.ts';

/** "Actions › Notify › … › Send notification", the separators hidden from screen readers, which hear commas instead. */
export function controlPath(path: readonly string[]): HTMLElement {
  return h(
    'span',
    { class: 'db-control-path' },
    ...path.flatMap((step, index) => [
      index === 0 ? null : h('span', { class: 'db-control-sep', attrs: { 'aria-hidden': 'true' } }, '›'),
      index === 0 ? null : h('span', { class: 'sr-only' }, ', then '),
      h('span', { class: 'db-control-step' }, step),
    ]),
  );
}

/** Which control on the call would have met the expectation: for the trainee to find it next time. */
export function renderControlHint(hint: ControlHint): HTMLElement {
  return h(
    'p',
    { class: 'db-control' },
    h('span', { class: 'db-control-label' }, 'Where to do it on the call'),
    controlPath(hint.path),
    hint.shortcut ? h('span', { class: 'db-control-key' }, 'shortcut ', h('kbd', {}, hint.shortcut)) : null,
    hint.note ? h('span', { class: 'db-control-note' }, hint.note) : null,
  );
}
