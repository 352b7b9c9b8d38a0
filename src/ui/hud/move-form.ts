import type { PlayState } from '../../app/store.ts';
import { h } from '../dom.ts';
import { button, field, selectOf, setAttr, setHidden, syncOptions, uid } from './controls.ts';
import { actionForm, createFeedback, sendIntent } from './feedback.ts';
import { hint, type TabContext } from './section.ts';

/** Sending someone on the call to another open bridge, e.g. customer service to the business bridge. */
export function createMoveForm({ store, controller, compiled }: TabContext): { readonly element: HTMLElement; update(play: PlayState): void } {
  const feedback = createFeedback();
  const person = selectOf(uid('move-person'), []);
  const destination = selectOf(uid('move-bridge'), []);
  const fields = h('div', { class: 'hud-pair' }, field('Person', person), field('To bridge', destination));
  const onlyOne = hint('Open a second bridge first; then you can send people to it.');
  const moveButton = button('Move', { type: 'submit', class: 'primary' });
  const element = actionForm(
    'hud-move',
    () => {
      if (!person.value || !destination.value) return feedback.failed('Open a second bridge first.');
      sendIntent(store, controller, { type: 'move', participant: person.value, bridge: destination.value }, feedback);
    },
    fields,
    onlyOne,
    moveButton,
    feedback.element,
  );
  const bridgeName = (id: string) => compiled.bridges.get(id)?.name ?? id;

  return {
    element,
    update(play) {
      const open = compiled.scenario.bridges.filter((bridge) => play.sim.bridges[bridge.id]);
      const present = compiled.scenario.cast.filter((member) => play.sim.participants[member.id]?.present);
      syncOptions(
        person,
        present.map((member) => ({ value: member.id, label: `${member.name} (on the ${bridgeName(play.sim.participants[member.id]?.bridge ?? '')})` })),
      );
      syncOptions(
        destination,
        open.map((bridge) => ({ value: bridge.id, label: bridge.name })),
      );
      const none = open.length < 2;
      setHidden(onlyOne, !none);
      setHidden(fields, none);
      setAttr(moveButton, 'aria-disabled', none ? 'true' : null);
    },
  };
}
