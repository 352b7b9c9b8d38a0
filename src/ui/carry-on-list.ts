import { carryOnOffers, type CarryOnOffer } from '../app/carry-on.ts';
import { besideBundled, type Catalog } from '../app/catalog.ts';
import type { AppController } from '../app/controller.ts';
import type { AppStore } from '../app/store.ts';
import { finishedAtIso, finishedAtText } from './debrief/format.ts';
import { modeLabel } from './debrief/labels.ts';
import { h } from './dom.ts';
import { liveSection, type LiveSection } from './live.ts';
import type { Navigate } from './router.ts';

/**
 * "Carry on from another device": sessions in progress kept in the account, for scenarios this browser has in
 * exactly the version they were started on. Nothing at all when there are none.
 */
export function renderCarryOn(store: AppStore, catalog: Catalog, controller: AppController, navigate: Navigate): LiveSection {
  return liveSection(
    store,
    h('div', { class: 'carry-on-slot' }),
    (state) => [state.drafts, state.published, state.opened, state.account.status],
    (state) => {
      if (state.account.status !== 'signed-in') return null;
      const offers = carryOnOffers(state.drafts, [...catalog.scenarios, ...besideBundled(state)]);
      if (offers.length === 0) return null;
      return h(
        'section',
        { class: 'panel carry-on', attrs: { 'aria-labelledby': 'carry-on-heading' } },
        h('h2', { attrs: { id: 'carry-on-heading', tabindex: '-1', 'data-focus-fallback': '' } }, 'Carry on from another device'),
        h('p', { class: 'panel-hint' }, 'Exercises you started elsewhere and have not finished. Carrying on replays what you did and picks up, paused, at your last action.'),
        h('ul', { class: 'carry-on-list' }, ...offers.map((offer) => renderOffer(offer, controller, navigate))),
      );
    },
  );
}

function renderOffer(offer: CarryOnOffer, controller: AppController, navigate: Navigate): HTMLElement {
  const title = offer.entry.scenario.title;
  const button = h('button', { class: 'button primary', attrs: { type: 'button', 'data-focus': `carry-on:${offer.attemptId}`, 'aria-label': `Carry on: ${title}, started ${finishedAtText(offer.startedAt)}` } }, 'Carry on');
  button.addEventListener('click', () => {
    button.disabled = true;
    void controller.carryOn(offer.attemptId).then((ready) => {
      if (ready) navigate(offer.entry.scenario.id);
      else button.disabled = false;
    });
  });
  const progress = offer.actions === 0 ? 'No actions yet' : `${offer.actions} ${offer.actions === 1 ? 'action' : 'actions'}, the last at ${offer.reachedAt}`;
  return h(
    'li',
    { class: 'carry-on-item' },
    h(
      'div',
      { class: 'history-main' },
      h('p', { class: 'history-title' }, title),
      h('p', { class: 'history-meta' }, h('span', {}, 'Started ', h('time', { attrs: { datetime: finishedAtIso(offer.startedAt) } }, finishedAtText(offer.startedAt))), h('span', {}, modeLabel(offer.mode)), h('span', {}, progress)),
    ),
    button,
  );
}
