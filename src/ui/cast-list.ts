import type { Participant, Scenario } from '../core/scenario/schema.ts';
import { bdi, h, replaceChildren } from './dom.ts';
import { avatar } from './transcript-entry.ts';

export interface CastList {
  readonly element: HTMLElement;
  /** Marks who is on the call right now. */
  setPresent(present: ReadonlySet<string>): void;
}

/** The people in the scenario: who they are, where they dial in from, and whether they are on the call. */
export function renderCast(scenario: Scenario): CastList {
  const statuses = new Map<string, { item: HTMLElement; status: HTMLElement }>();
  const items = scenario.cast.map((participant) => {
    const status = h('span', { class: 'presence' });
    const item = h(
      'li',
      { class: 'cast-member' },
      avatar(participant.id, participant.name),
      h(
        'div',
        { class: 'who' },
        h('p', { class: 'name' }, bdi(participant.name)),
        h('p', { class: 'role' }, bdi(participant.role), ' · ', bdi(participant.team)),
        h('p', { class: 'where' }, h('span', { class: 'where-label' }, 'Dials in from: '), participant.location),
        h('p', { class: 'badges' }, status, participant.noisyLine ? noisyBadge(participant) : null),
      ),
    );
    statuses.set(participant.id, { item, status });
    return item;
  });

  const setPresent = (present: ReadonlySet<string>) => {
    for (const [id, { item, status }] of statuses) {
      const on = present.has(id);
      item.classList.toggle('absent', !on);
      replaceChildren(status, on ? 'On the call' : 'Not on the call yet');
    }
  };

  const element = h(
    'section',
    { class: 'panel cast', attrs: { 'aria-labelledby': 'cast-heading', tabindex: '0' } },
    h('h2', { attrs: { id: 'cast-heading' } }, 'Cast'),
    h('p', { class: 'panel-hint' }, `${scenario.cast.length} people. Some are on the call when you arrive; others can be paged.`),
    h('ul', { class: 'cast-list', attrs: { 'aria-labelledby': 'cast-heading' } }, ...items),
  );
  return { element, setPresent };
}

function noisyBadge(participant: Participant): HTMLElement {
  const detail = participant.noise ? `Noisy line: ${participant.noise} in the background` : 'Noisy line';
  return h('span', { class: 'badge noisy', attrs: { title: detail } }, 'Noisy line');
}
