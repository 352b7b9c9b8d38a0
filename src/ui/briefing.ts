import type { CatalogScenario } from '../app/catalog.ts';
import type { AppController } from '../app/controller.ts';
import type { Mode } from '../app/store.ts';
import { renderCast } from './cast-list.ts';
import { bdi, h } from './dom.ts';
import { clockWindowLabel, difficultyLabel, minutesLabel } from './labels.ts';
import { linkTo, navigateOnClick, type Navigate } from './router.ts';

const MODES: readonly { readonly id: Mode; readonly label: string; readonly detail: string }[] = [
  { id: 'coach', label: 'Coach mode', detail: 'Shows what the playbook expects, when it falls due, and the rule behind it. Pause freely.' },
  { id: 'exam', label: 'Exam mode', detail: 'Hides due times and hints. You are graded the same way. The bridge does not wait while you pause.' },
];

/** What pausing does in each mode, as the briefing states it under the choice. */
export const PAUSE_RULES: Readonly<Record<Mode, string>> = {
  coach: 'In coach mode you can pause freely: the clock stops, and you can still act and think it through.',
  exam: 'In exam mode, pausing stops the clock but not the bridge: you cannot act while paused, and your pauses (how many, and for how long, time away from the page included) are recorded with your result.',
};

/** A scenario's briefing: the situation, the objectives, the people, and the choice of mode. */
export function renderBriefing(entry: CatalogScenario, controller: AppController, navigate: Navigate): HTMLElement {
  const { scenario, playbook } = entry;
  const cast = renderCast(scenario);
  cast.setPresent(new Set(scenario.cast.filter((participant) => participant.present !== false).map((participant) => participant.id)));

  const modeInputs = MODES.map((mode, index) => {
    const input = h('input', { attrs: { type: 'radio', name: 'mode', value: mode.id, id: `mode-${mode.id}` } });
    input.checked = index === 0;
    input.addEventListener('change', () => showPauseRule(mode.id));
    return h('label', { class: 'mode-option', attrs: { for: `mode-${mode.id}` } }, input, h('span', { class: 'mode-name' }, mode.label), h('span', { class: 'mode-detail' }, mode.detail));
  });
  const pauseRule = h('p', { class: 'panel-hint pause-rule', attrs: { 'data-testid': 'pause-rule' } });
  const showPauseRule = (mode: Mode) => pauseRule.replaceChildren(PAUSE_RULES[mode]);
  showPauseRule(MODES[0]!.id);
  const form = h(
    'form',
    { class: 'panel start', attrs: { 'aria-labelledby': 'start-heading' } },
    h('h2', { attrs: { id: 'start-heading' } }, 'Take the bridge'),
    h('fieldset', { class: 'modes' }, h('legend', {}, 'Mode'), ...modeInputs),
    h(
      'p',
      { class: 'panel-hint' },
      `The clock starts at ${scenario.clock.start} and runs to ${scenario.clock.end}. You can pause, and play at 1×, 2×, 5× or 10×. Your progress is saved as you go: close the tab and come back to carry on.`,
    ),
    pauseRule,
    h('button', { class: 'button primary start-button', attrs: { type: 'submit' } }, 'Start the exercise'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;
    controller.start(chosen === 'exam' ? 'exam' : 'coach');
  });

  const back = navigateOnClick(h('a', { class: 'back', attrs: { href: linkTo(null) } }, h('span', { attrs: { 'aria-hidden': 'true' } }, '← '), 'All scenarios'), () => navigate(null));

  return h(
    'article',
    { class: 'scenario', attrs: { 'aria-labelledby': 'scenario-title' } },
    h(
      'header',
      { class: 'scenario-head' },
      back,
      h('p', { class: 'eyebrow' }, 'Briefing'),
      h('h1', { attrs: { id: 'scenario-title', tabindex: '-1' } }, bdi(scenario.title)),
      h(
        'p',
        { class: 'chips' },
        h('span', { class: `chip difficulty difficulty-${scenario.difficulty}` }, difficultyLabel(scenario.difficulty)),
        h('span', { class: 'chip' }, minutesLabel(scenario.estimatedMinutes)),
        h('span', { class: 'chip' }, h('span', { class: 'sr-only' }, 'Incident clock '), clockWindowLabel(scenario)),
        h('span', { class: 'chip' }, `Playbook: ${playbook.title}`),
      ),
    ),
    h(
      'div',
      { class: 'scenario-layout' },
      h(
        'section',
        { class: 'panel briefing', attrs: { 'aria-labelledby': 'briefing-heading', tabindex: '0' } },
        h('h2', { attrs: { id: 'briefing-heading' } }, 'The situation'),
        h('p', { class: 'briefing-text' }, bdi(scenario.briefing)),
        h('h3', { class: 'subheading' }, 'Your objectives'),
        h('ul', { class: 'objectives' }, ...scenario.objectives.map((objective) => h('li', {}, bdi(objective)))),
      ),
      h('div', { class: 'sidebar' }, form, cast.element),
    ),
  );
}
