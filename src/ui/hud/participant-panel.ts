import type { AppController } from '../../app/controller.ts';
import { openBridges } from '../../app/selectors.ts';
import type { AppStore, PlayState } from '../../app/store.ts';
import { h } from '../dom.ts';
import { field, moveKeepingFocus, selectOf, setHidden, setText, syncOptions, uid } from './controls.ts';
import { createExamPauseLock } from './exam-pause-lock.ts';
import { mountPlayView, type HudPanel, type PlayView } from './panel.ts';
import { createParticipantRow, type ParticipantRow } from './participant-row.ts';
import './hud.css';

/** The roster by bridge, with each person's menu, and the bridge the gallery shows. */
export function renderParticipantPanel(store: AppStore, controller: AppController): HudPanel {
  const headingId = uid('people-heading');
  const element = h('section', { class: 'hud-panel hud-people', attrs: { 'aria-labelledby': headingId } });
  return mountPlayView(store, element, (play) => buildRoster(play, store, controller, headingId));
}

interface Group {
  readonly element: HTMLElement;
  readonly list: HTMLUListElement;
  readonly count: HTMLElement;
  readonly onScreen: HTMLElement;
}

const ABSENT = '';

function buildRoster(first: PlayState, store: AppStore, controller: AppController, headingId: string): PlayView {
  const { compiled } = first;
  let openId: string | null = null;
  let focused: string | null = null;

  const rows = new Map<string, ParticipantRow>();
  const setOpen = (id: string | null) => {
    openId = id;
    for (const row of rows.values()) row.setOpen(row.id === id);
  };
  for (const participant of compiled.scenario.cast) {
    rows.set(
      participant.id,
      createParticipantRow(participant, {
        store,
        controller,
        onToggle: (id, open) => {
          setOpen(open ? id : null);
          controller.focusParticipant(open ? id : null);
        },
      }),
    );
  }

  const group = (title: string, key: string): Group => {
    const count = h('span', { class: 'hud-count' });
    const onScreen = h('span', { class: 'hud-on-screen' }, 'On screen');
    const groupHeading = uid('group');
    const list = h('ul', { class: 'hud-person-list', attrs: { 'aria-labelledby': groupHeading } });
    const element = h('section', { class: 'hud-group', attrs: { 'data-bridge': key } }, h('h3', { attrs: { id: groupHeading } }, title, ' ', count, onScreen), list);
    return { element, list, count, onScreen };
  };
  const groups = new Map<string, Group>(compiled.scenario.bridges.map((bridge) => [bridge.id, group(bridge.name, bridge.id)]));
  groups.set(ABSENT, group('Not on the bridge', 'absent'));

  const viewed = selectOf(uid('viewed-bridge'), []);
  viewed.addEventListener('change', () => controller.viewBridge(viewed.value));

  const roster = h('div', { class: 'hud-roster' }, ...Array.from(groups.values(), (g) => g.element));
  const lock = createExamPauseLock(roster);
  const element = h(
    'div',
    { class: 'hud-people-body' },
    h('div', { class: 'hud-panel-head' }, h('h2', { attrs: { id: headingId } }, 'People'), field('Bridge on screen', viewed)),
    lock.hint,
    roster,
  );

  const view: PlayView = {
    element,
    update(play) {
      const open = openBridges(compiled, play.sim);
      syncOptions(
        viewed,
        open.map((id) => ({ value: id, label: compiled.bridges.get(id)?.name ?? id })),
      );
      if (viewed.value !== play.viewedBridge && open.includes(play.viewedBridge)) viewed.value = play.viewedBridge;

      const members = new Map<string, ParticipantRow[]>(Array.from(groups.keys(), (key) => [key, []]));
      for (const row of rows.values()) {
        const state = play.sim.participants[row.id];
        row.update(state);
        const key = state?.present && groups.has(state.bridge) ? state.bridge : ABSENT;
        members.get(key)!.push(row);
      }
      for (const [key, g] of groups) {
        const people = members.get(key)!;
        people.forEach((row, index) => moveKeepingFocus(row.element, g.list, g.list.children[index] ?? null));
        setText(g.count, String(people.length));
        setHidden(g.element, people.length === 0 && (key === ABSENT || !play.sim.bridges[key]));
        setHidden(g.onScreen, key !== play.viewedBridge);
        g.element.classList.toggle('is-on-screen', key === play.viewedBridge);
      }

      if (play.focusedParticipant !== focused) {
        focused = play.focusedParticipant;
        if (focused !== openId) {
          setOpen(focused);
          const row = focused === null ? undefined : rows.get(focused);
          row?.element.scrollIntoView?.({ block: 'nearest' });
        }
      }
    },
  };

  return { element, update: (play) => lock.update(play, () => view.update(play)) };
}
