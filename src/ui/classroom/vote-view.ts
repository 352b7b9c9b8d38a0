import type { TraineeState } from '../../app/classroom/trainee-state.ts';
import type { VoteReveal } from '../../app/classroom/classroom-types.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { createAnnouncer } from '../announcer.ts';
import { createCaptions } from '../captions.ts';
import { h, replaceChildren } from '../dom.ts';
import { setText } from '../hud/controls.ts';
import { createTranscriptPanel } from '../transcript-panel.ts';
import { renderVoteCard } from './vote-card.ts';
import './vote-card.css';

export interface VoteView {
  readonly element: HTMLElement;
  update(state: TraineeState): void;
  dispose(): void;
}

/**
 * Class votes on the trainee's device: the shared bridge's clock, captions and transcript, the open question as
 * a large card, and how the class voted on the last question with the playbook's answer.
 */
export function renderVoteView(compiled: CompiledScenario, vote: (choice: string) => void, now: () => number = () => Date.now()): VoteView {
  const announcer = createAnnouncer();
  const captions = createCaptions(compiled, announcer, 'coach');
  const transcript = createTranscriptPanel(compiled, 'coach');
  const card = renderVoteCard(vote);
  const clock = h('span', { class: 'vote-clock', attrs: { role: 'timer', 'aria-label': 'Scenario time' } });
  const state = h('span', { class: 'vote-clock-state' });
  const reveal = h('section', { class: 'vote-reveal', attrs: { 'aria-live': 'polite' } });
  reveal.hidden = true;
  const element = h(
    'section',
    { class: 'vote-view', attrs: { 'aria-labelledby': 'vote-title' } },
    h('header', { class: 'vote-head' }, h('div', {}, h('p', { class: 'eyebrow' }, 'Class votes'), h('h1', { attrs: { id: 'vote-title', tabindex: '-1' } }, compiled.scenario.title)), h('p', { class: 'vote-time' }, clock, ' ', state)),
    card.element,
    reveal,
    h('div', { class: 'vote-bridge' }, captions.element, transcript.element),
    announcer.element,
  );

  let last: TraineeState | null = null;
  let revealShown: VoteReveal | null = null;
  const draw = (current: TraineeState) => {
    last = current;
    if (current.shared) {
      captions.update(current.shared);
      transcript.update(current.shared.transcript);
      setText(clock, compiled.clock.format(current.shared.now));
    }
    setText(state, current.room?.phase === 'paused' ? 'Paused' : current.ballot ? 'Held for the vote' : '');
    card.update(current, now());
    const latest = current.reveals.at(-1) ?? null;
    if (latest !== revealShown) {
      revealShown = latest;
      renderReveal(reveal, latest, current.votes);
    }
  };
  const ticker = setInterval(() => last?.ballot && card.update(last, now()), 500);
  return {
    element,
    update: draw,
    dispose() {
      clearInterval(ticker);
      captions.dispose();
      transcript.dispose();
    },
  };
}

function renderReveal(element: HTMLElement, reveal: VoteReveal | null, votes: Readonly<Record<string, string>>): void {
  element.hidden = reveal === null;
  if (!reveal) return replaceChildren(element);
  const total = Object.values(reveal.counts).reduce((sum, count) => sum + count, 0);
  const label = (id: string) => reveal.options.find((option) => option.id === id)?.label ?? id;
  const mine = votes[reveal.ballot];
  replaceChildren(
    element,
    h('p', { class: 'eyebrow' }, 'The class answered'),
    h('h2', {}, reveal.prompt),
    h(
      'ul',
      { class: 'vote-bars' },
      ...reveal.options.map((option) => {
        const count = reveal.counts[option.id] ?? 0;
        const share = total === 0 ? 0 : Math.round((count / total) * 100);
        const marks = [option.id === reveal.committed ? 'class choice' : null, option.id === reveal.answer?.choice ? 'playbook' : null, option.id === mine ? 'you' : null].filter((mark): mark is string => mark !== null);
        const fill = h('span', { class: 'vote-bar-fill', attrs: { 'aria-hidden': 'true' } });
        // Through the style object, which the page's Content-Security-Policy allows where a style attribute is not.
        fill.style.width = `${share}%`;
        return h(
          'li',
          { class: `vote-bar${option.id === reveal.committed ? ' is-committed' : ''}${option.id === reveal.answer?.choice ? ' is-answer' : ''}` },
          fill,
          h('span', { class: 'vote-bar-label' }, option.label, marks.length > 0 ? h('span', { class: 'vote-bar-marks' }, ` (${marks.join(', ')})`) : null),
          h('span', { class: 'vote-bar-count' }, `${count} (${share}%)`),
        );
      }),
    ),
    h('p', {}, `The class chose ${label(reveal.committed)}.`),
    reveal.answer ? h('p', { class: 'vote-answer' }, h('strong', {}, `The playbook: ${label(reveal.answer.choice)}. `), reveal.answer.why) : h('p', { class: 'panel-hint' }, 'The playbook gives no single answer here.'),
  );
}
