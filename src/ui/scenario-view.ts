import { compileScenario } from '../core/scenario/compile.ts';
import { replay } from '../core/session/replay.ts';
import type { CatalogScenario } from '../app/catalog.ts';
import { renderCast } from './cast-list.ts';
import { h } from './dom.ts';
import { clockWindowLabel, difficultyLabel, minutesLabel } from './labels.ts';
import { PresenceTimeline } from './presence.ts';
import { linkTo, type Navigate } from './router.ts';
import { createTranscriptPlayer } from './transcript-player.ts';

export interface ScenarioView {
  readonly element: HTMLElement;
  dispose(): void;
}

/** A scenario's briefing, cast and the do-nothing transcript, ready to play. */
export function renderScenarioView(entry: CatalogScenario, navigate: Navigate): ScenarioView {
  const { scenario, playbook } = entry;
  const compiled = compileScenario(scenario, playbook);
  const presence = new PresenceTimeline();
  const simulation = replay(compiled, { scenario: scenario.id, actions: [] }, presence.record);

  const cast = renderCast(scenario);
  cast.setPresent(presence.after(0));
  const player = createTranscriptPlayer({
    compiled,
    transcript: simulation.state.transcript,
    onProgress: (shown) => cast.setPresent(presence.after(shown)),
  });

  const back = h('a', { class: 'back', attrs: { href: linkTo(null) } }, h('span', { attrs: { 'aria-hidden': 'true' } }, '← '), 'All scenarios');
  back.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(null);
  });

  const element = h(
    'article',
    { class: 'scenario', attrs: { 'aria-labelledby': 'scenario-title' } },
    h(
      'header',
      { class: 'scenario-head' },
      back,
      h('h1', { attrs: { id: 'scenario-title', tabindex: '-1' } }, scenario.title),
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
        'div',
        { class: 'sidebar' },
        h(
          'section',
          { class: 'panel briefing', attrs: { 'aria-labelledby': 'briefing-heading', tabindex: '0' } },
          h('h2', { attrs: { id: 'briefing-heading' } }, 'Briefing'),
          h('p', { class: 'briefing-text' }, scenario.briefing),
          h('h3', { class: 'subheading' }, 'Your objectives'),
          h('ul', { class: 'objectives' }, ...scenario.objectives.map((objective) => h('li', {}, objective))),
        ),
        cast.element,
      ),
      player.element,
    ),
  );
  return { element, dispose: player.dispose };
}
