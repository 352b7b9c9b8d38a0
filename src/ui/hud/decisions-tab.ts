import { openDecisions } from '../../core/session/open-decisions.ts';
import type { Decision } from '../../core/scenario/schema.ts';
import { bdi, h } from '../dom.ts';
import { button, setHidden, uid } from './controls.ts';
import { createFeedback, sendIntent, type Feedback } from './feedback.ts';
import { hint, section, type TabContent, type TabContext } from './section.ts';

export interface DecisionsTab extends TabContent {
  /** How many decisions are waiting for the trainee right now. */
  readonly waiting: number;
}

/**
 * The scenario's decision points that are open now, each with its options, and the ones already taken.
 * What became of a choice is said where it belongs: a problem under the decision it was made on, the
 * confirmation under "Decided", where the decision moves; never under a decision that opened since.
 */
export function createDecisionsTab({ store, controller, compiled }: TabContext): DecisionsTab {
  const openList = h('div', { class: 'hud-decisions' });
  const none = hint('No decision is waiting.');
  const takenList = h('ul', { class: 'hud-taken' });
  const decided = createFeedback();
  const takenSection = section('Decided', takenList, decided.element);
  const panel = h('div', {}, section('Waiting for you', none, openList), takenSection);

  const choose = (decision: Decision, option: Decision['options'][number], feedback: Feedback) => {
    if (!sendIntent(store, controller, { type: 'decide', decision: decision.id, choice: option.id }, feedback)) return;
    const play = store.getState().play;
    if (play?.sim.decisions[decision.id] !== option.id) return;
    decided.succeeded(`Decided at ${play.compiled.clock.format(play.sim.now)}: ${option.label}`);
  };

  let openKey: string | null = null;
  /** One element per decision, kept while it stays open, so focus on its options survives others opening. */
  const rendered = new Map<string, HTMLElement>();
  let takenKey: string | null = null;
  let waiting = 0;

  const renderDecision = (decision: Decision) => {
    const feedback = createFeedback();
    const promptId = uid('decision');
    const askedBy = decision.askedBy ? compiled.participants.get(decision.askedBy)?.name : undefined;
    return h(
      'div',
      { class: 'hud-decision', attrs: { role: 'group', 'aria-labelledby': promptId } },
      h('p', { class: 'hud-decision-prompt', attrs: { id: promptId } }, bdi(decision.prompt)),
      askedBy ? h('p', { class: 'hud-hint' }, `Asked by ${askedBy}`) : null,
      h(
        'div',
        { class: 'hud-options' },
        ...decision.options.map((option) =>
          button(option.label, { class: 'hud-option', onClick: () => choose(decision, option, feedback) }),
        ),
      ),
      feedback.element,
    );
  };

  return {
    panel,
    get waiting() {
      return waiting;
    },
    update(play) {
      const open = openDecisions(compiled, play.sim);
      waiting = open.length;
      const key = open.map((decision) => decision.id).join('\n');
      if (key !== openKey) {
        openKey = key;
        const hadFocus = openList.contains(document.activeElement);
        const ids = new Set(open.map((decision) => decision.id));
        for (const id of rendered.keys()) if (!ids.has(id)) rendered.delete(id);
        const elements = open.map((decision) => rendered.get(decision.id) ?? rendered.set(decision.id, renderDecision(decision)).get(decision.id)!);
        elements.forEach((element, index) => {
          if (openList.children[index] !== element) openList.insertBefore(element, openList.children[index] ?? null);
        });
        while (openList.children.length > elements.length) openList.lastElementChild?.remove();
        setHidden(none, open.length > 0);
        // The option the trainee was on has gone (taken, or no longer open): keep them in this tab.
        if (hadFocus && !openList.contains(document.activeElement)) panel.closest<HTMLElement>('[role="tabpanel"]')?.focus();
      }

      const taken = Object.entries(play.sim.decisions);
      const nextTakenKey = JSON.stringify(taken);
      if (nextTakenKey !== takenKey) {
        takenKey = nextTakenKey;
        const decisions = compiled.scenario.decisions ?? [];
        takenList.replaceChildren(
          ...taken.map(([id, choice]) => {
            const decision = decisions.find((item) => item.id === id);
            const label = decision?.options.find((option) => option.id === choice)?.label ?? choice;
            return h('li', {}, h('span', { class: 'hud-taken-prompt' }, bdi(decision?.prompt ?? id)), h('span', { class: 'hud-taken-choice' }, bdi(label)));
          }),
        );
        setHidden(takenSection, taken.length === 0);
      }
    },
  };
}
