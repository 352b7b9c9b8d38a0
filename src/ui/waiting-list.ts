import type { AppController } from '../app/controller.ts';
import type { AppStore } from '../app/store.ts';
import { waitingOnYou, type WaitingItem } from '../core/session/waiting.ts';
import { h, replaceChildren } from './dom.ts';
import { formatCountdown } from './hud/format.ts';
import { mountPlayView, type HudPanel } from './hud/panel.ts';
import './waiting-list.css';

export interface WaitingListHandlers {
  /** Brings the trainee to where a decision is answered. */
  readonly showDecisions: () => void;
}

/**
 * "Waiting on you", like raised hands on a call: who asked what and how long ago, until answered.
 * An executive or customer request is also announced at once, in an alert.
 */
export function renderWaitingList(store: AppStore, controller: AppController, handlers: WaitingListHandlers): HudPanel {
  const element = h('section', { class: 'waiting', attrs: { 'aria-labelledby': 'waiting-heading' } });
  return mountPlayView(store, element, (first) => {
    const count = h('span', { class: 'waiting-count' });
    const list = h('ul', { class: 'waiting-items' });
    const empty = h('p', { class: 'waiting-empty' }, 'Nobody is waiting on you.');
    const alert = h('div', { class: 'waiting-alert', attrs: { role: 'alert' } });
    const announced = new Set<string>();
    const body = h('div', {}, h('h2', { attrs: { id: 'waiting-heading' } }, 'Waiting on you ', count), alert, empty, list);

    const nameOf = (id: string | undefined) => (id ? (first.compiled.participants.get(id)?.name ?? id) : 'The bridge');
    const roleOf = (id: string | undefined) => (id ? first.compiled.participants.get(id)?.role : undefined);

    const rows = new Map<string, { readonly element: HTMLLIElement; readonly words: HTMLElement; readonly ago: HTMLElement }>();
    const rowFor = (item: WaitingItem) => {
      const words = h('span', {});
      const ago = h('span', { class: 'waiting-ago' });
      const action =
        item.kind === 'decision'
          ? h('button', { class: 'button small', attrs: { type: 'button' } }, 'Answer')
          : item.kind === 'muted'
            ? h('button', { class: 'button small', attrs: { type: 'button' } }, `Unmute ${nameOf(item.who)}`)
            : null;
      action?.addEventListener('click', () => {
        if (item.kind === 'decision') handlers.showDecisions();
        else if (item.who) controller.act({ type: 'unmute', participant: item.who });
      });
      const element = h(
        'li',
        { class: `waiting-item waiting-${item.kind}`, attrs: { 'data-id': item.id } },
        h('p', {}, h('span', { class: 'waiting-who' }, nameOf(item.who)), words, ago),
        action,
      );
      return { element, words, ago };
    };

    return {
      element: body,
      update(play) {
        const items = waitingOnYou(play.sim, play.compiled);
        count.textContent = items.length === 0 ? '' : `(${items.length})`;
        empty.hidden = items.length > 0;
        // Rows are kept by item and changed in place, so the clock ticking never takes the focus off a button.
        const current = new Set(items.map((item) => item.id));
        for (const [id, row] of rows) {
          if (!current.has(id)) {
            row.element.remove();
            rows.delete(id);
          }
        }
        items.forEach((item, index) => {
          let row = rows.get(item.id);
          if (!row) rows.set(item.id, (row = rowFor(item)));
          row.element.classList.toggle('is-alert', item.alert);
          const words = item.kind === 'muted' ? ` ${item.what}` : `: “${item.what}”`;
          if (row.words.textContent !== words) row.words.textContent = words;
          const ago = item.since === undefined ? '' : ` · ${formatCountdown(play.sim.now - item.since)} ago`;
          if (row.ago.textContent !== ago) row.ago.textContent = ago;
          if (list.children[index] !== row.element) list.insertBefore(row.element, list.children[index] ?? null);
        });
        const fresh = items.filter((item) => item.alert && !announced.has(item.askedBy));
        for (const item of fresh) announced.add(item.askedBy);
        const latest = fresh.at(-1);
        if (latest) {
          const role = roleOf(latest.who);
          replaceChildren(alert, h('strong', {}, `${nameOf(latest.who)}${role ? `, ${role},` : ''} is asking: `), latest.what);
        } else if (!items.some((item) => item.alert)) {
          replaceChildren(alert);
        }
        alert.hidden = alert.childElementCount === 0;
      },
    };
  });
}
