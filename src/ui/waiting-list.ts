import type { AppController } from '../app/controller.ts';
import type { AppStore, PlayState } from '../app/store.ts';
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
    let shownIds = '';
    const body = h('div', {}, h('h2', { attrs: { id: 'waiting-heading' } }, 'Waiting on you ', count), alert, empty, list);

    const nameOf = (id: string | undefined) => (id ? (first.compiled.participants.get(id)?.name ?? id) : 'The bridge');
    const roleOf = (id: string | undefined) => (id ? first.compiled.participants.get(id)?.role : undefined);

    const row = (item: WaitingItem, play: PlayState) => {
      const ago = item.since === undefined ? '' : ` · ${formatCountdown(play.sim.now - item.since)} ago`;
      const who = h('span', { class: 'waiting-who' }, nameOf(item.who));
      const text = item.kind === 'muted' ? ` ${item.what}` : `: “${item.what}”`;
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
      return h(
        'li',
        { class: `waiting-item waiting-${item.kind}${item.alert ? ' is-alert' : ''}`, attrs: { 'data-id': item.id } },
        h('p', {}, who, text, h('span', { class: 'waiting-ago' }, ago)),
        action,
      );
    };

    return {
      element: body,
      update(play) {
        const items = waitingOnYou(play.sim, play.compiled);
        count.textContent = items.length === 0 ? '' : `(${items.length})`;
        empty.hidden = items.length > 0;
        const ids = items.map((item) => `${item.id}@${item.since ?? ''}:${item.what}:${Math.floor((play.sim.now - (item.since ?? 0)) / 1000)}`).join('|');
        if (ids !== shownIds) {
          shownIds = ids;
          replaceChildren(list, ...items.map((item) => row(item, play)));
        }
        const fresh = items.filter((item) => item.alert && !announced.has(item.id));
        for (const item of fresh) announced.add(item.id);
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
