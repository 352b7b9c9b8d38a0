import type { ChoiceGroup } from './controls.ts';
import { h } from '../dom.ts';
import { slug } from '../../core/text/slug.ts';
import { button, field, selectOf, textArea, uid } from './controls.ts';
import { actionForm, createFeedback, rejectInput, sendIntent } from './feedback.ts';
import { hint, section, type TabContent, type TabContext } from './section.ts';

/** Resolving, closing, and handing the problem off to longer-term resolution. */
export function createCloseoutTab({ store, controller, compiled }: TabContext): TabContent {
  const { scenario, playbook } = compiled;

  const resolveFeedback = createFeedback();
  const summary = textArea(2, { placeholder: 'e.g. Release rolled back; customers can log in and order again.' });
  const resolve = actionForm(
    'hud-resolve',
    () => {
      const text = summary.value.trim();
      if (sendIntent(store, controller, { type: 'resolve', ...(text ? { summary: text } : {}) }, resolveFeedback)) summary.value = '';
    },
    field('Summary (optional)', summary),
    button('Declare service restored', { type: 'submit', class: 'primary' }),
    resolveFeedback.element,
  );

  const closeFeedback = createFeedback();
  const close = h(
    'div',
    { class: 'hud-form' },
    hint('Close only after the service and business owners have validated the fix.'),
    button('Close incident', { onClick: () => sendIntent(store, controller, { type: 'close' }, closeFeedback) }),
    closeFeedback.element,
  );

  const handFeedback = createFeedback();
  const teams = [...new Map(scenario.cast.map((person) => [slug(person.team), person.team])).entries()].filter(([id]) => id !== '');
  const targets: ChoiceGroup[] = [
    { label: 'Teams', choices: teams.map(([id, name]) => ({ value: id, label: name })) },
    { label: 'People', choices: scenario.cast.map((person) => ({ value: person.id, label: `${person.name}, ${person.role}` })) },
    ...(playbook.escalations?.length ? [{ label: 'Processes', choices: playbook.escalations.map((item) => ({ value: item.id, label: item.name })) }] : []),
  ];
  const target = selectOf(uid('hand-off'), targets);
  const handSummary = textArea(3, { placeholder: 'What is known, what is left to do, and the workaround in place.' });
  const handOff = actionForm(
    'hud-hand-off',
    () => {
      const text = handSummary.value.trim();
      if (!text) return rejectInput(handFeedback, handSummary, 'Write a hand-off summary first.');
      if (sendIntent(store, controller, { type: 'hand-off', to: target.value, summary: text }, handFeedback)) handSummary.value = '';
    },
    field('Hand off to', target),
    field('Summary', handSummary),
    button('Hand off', { type: 'submit', class: 'primary' }),
    handFeedback.element,
  );

  return {
    panel: h('div', {}, section('Resolve', resolve), section('Close', close), section('Hand off', handOff)),
    update() {},
  };
}
