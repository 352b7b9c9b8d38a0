import type { RoomSnapshot } from '../../app/classroom/classroom-types.ts';
import type { HostReveal } from '../../app/classroom/host-reveal.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { bdi, h } from '../dom.ts';
import { barList, type Bar } from './projector-bars.ts';
import { questionBars } from './projector-questions.ts';

/**
 * What the playbook says, shown after the host's reveal. Class votes: the closed question, how the class voted,
 * the choice committed to the shared bridge and the playbook's answer with its reason. Everyone plays: every
 * question with how the class chose and the playbook's answer highlighted.
 */
export function renderReveal(compiled: CompiledScenario, reveal: HostReveal, room: RoomSnapshot): HTMLElement {
  if (reveal.kind === 'vote') {
    const { reveal: vote } = reveal;
    const total = Object.values(vote.counts).reduce((sum, count) => sum + count, 0);
    const bars: Bar[] = vote.options.map((option) => ({
      label: option.label,
      count: vote.counts[option.id] ?? 0,
      ...markOf(option.id, vote.answer?.choice ?? null, vote.committed),
    }));
    const chosen = vote.options.find((option) => option.id === vote.committed)?.label ?? vote.committed;
    return h(
      'section',
      { class: 'pj-reveal', attrs: { 'aria-labelledby': 'pj-reveal-heading' } },
      h('p', { class: 'eyebrow' }, 'Revealed'),
      h('h2', { attrs: { id: 'pj-reveal-heading' } }, bdi(vote.prompt)),
      barList(bars, Math.max(total, 1), 'How the class voted'),
      h('p', { class: 'pj-committed' }, 'The class chose ', h('strong', {}, bdi(chosen)), total === 0 ? ' (nobody voted, so the playbook’s answer stands)' : ''),
      whyOf(vote.answer, vote.options),
    );
  }
  return h(
    'section',
    { class: 'pj-reveal pj-reveal-all', attrs: { 'aria-labelledby': 'pj-reveal-heading' } },
    h('p', { class: 'eyebrow' }, 'What the playbook says'),
    h('h2', { attrs: { id: 'pj-reveal-heading' } }, 'The playbook’s answers'),
    ...reveal.reveal.answers.map((item) => {
      const options = questionBars(compiled, item.ballot, room, 'answers');
      const bars: Bar[] = options.map((option) => ({ label: option.label, count: option.count, ...markOf(option.id, item.answer?.choice ?? null, null) }));
      return h('article', { class: 'pj-reveal-item' }, h('h3', {}, bdi(item.ballot === 'priority' ? priorityPrompt(compiled) : item.prompt)), barList(bars, room.seated, item.prompt), whyOf(item.answer, options));
    }),
  );
}

function markOf(id: string, answer: string | null, committed: string | null): Pick<Bar, 'mark' | 'tone'> {
  if (id === answer) return { mark: id === committed ? '· playbook · class choice' : '· playbook', tone: 'answer' };
  if (id === committed) return { mark: '· class choice', tone: 'chosen' };
  return {};
}

function whyOf(answer: { choice: string; why: string } | null, options: readonly { id: string; label: string }[]): HTMLElement {
  if (!answer) return h('p', { class: 'pj-why' }, 'The scenario gives no model answer here: discuss it with the class.');
  const label = options.find((option) => option.id === answer.choice)?.label ?? answer.choice;
  return h('p', { class: 'pj-why' }, h('strong', {}, 'Playbook: ', bdi(label), '. '), bdi(answer.why));
}

function priorityPrompt(compiled: CompiledScenario): string {
  return `What ${compiled.playbook.levelKind} is this incident?`;
}
