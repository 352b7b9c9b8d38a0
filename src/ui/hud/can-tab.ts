import { h } from '../dom.ts';
import { button, field, textArea } from './controls.ts';
import { actionForm, createFeedback, rejectInput, sendIntent } from './feedback.ts';
import { hint, section, type TabContent, type TabContext } from './section.ts';

/** The CAN report: Conditions, Actions, Needs. */
export function createCanTab({ store, controller }: TabContext): TabContent {
  const feedback = createFeedback();
  const conditions = textArea(3, { placeholder: 'What is happening now, and what it affects.' });
  const actions = textArea(3, { placeholder: 'What is being done, and by whom.' });
  const needs = textArea(3, { placeholder: 'What you need, or “no additional needs”.' });
  const form = actionForm(
    'hud-can',
    () => {
      if (![conditions, actions, needs].some((area) => area.value.trim())) return rejectInput(feedback, conditions, 'Write at least one section of the report.');
      const sent = sendIntent(store, controller, { type: 'can-report', conditions: conditions.value.trim(), actions: actions.value.trim(), needs: needs.value.trim() }, feedback);
      if (sent) for (const area of [conditions, actions, needs]) area.value = '';
    },
    field('Conditions', conditions),
    field('Actions', actions),
    field('Needs', needs),
    button('Submit CAN report', { type: 'submit', class: 'primary' }),
    feedback.element,
  );
  return {
    panel: h('div', {}, section('CAN report', hint('Give it when someone asks for a status, in three parts.'), form)),
    update() {},
  };
}
