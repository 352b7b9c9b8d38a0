import { bdi, h } from '../dom.ts';

export interface Bar {
  readonly label: string;
  readonly count: number;
  /** Drawn as the playbook's answer (or the class's committed choice), with words that say so. */
  readonly mark?: string;
  readonly tone?: 'answer' | 'chosen';
}

/** One row per option: its label, a bar as wide as its share of `total`, and the count in figures. */
export function barList(bars: readonly Bar[], total: number, label: string): HTMLElement {
  return h(
    'ul',
    { class: 'pj-bars', attrs: { 'aria-label': label } },
    ...bars.map((bar) => {
      const share = total > 0 ? Math.min(1, bar.count / total) : 0;
      const fill = h('span', { class: 'pj-bar-fill' });
      fill.style.width = `${Math.round(share * 100)}%`;
      return h(
        'li',
        { class: `pj-bar${bar.tone ? ` is-${bar.tone}` : ''}` },
        h('span', { class: 'pj-bar-label' }, bdi(bar.label), bar.mark ? h('strong', { class: 'pj-bar-mark' }, ` ${bar.mark}`) : null),
        h('span', { class: 'pj-bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
        h('span', { class: 'pj-bar-count' }, String(bar.count)),
      );
    }),
  );
}
