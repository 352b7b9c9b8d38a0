import type { OpenBallot, RoomSnapshot } from '../../app/classroom/classroom-types.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { openDecisions } from '../../core/session/open-decisions.ts';
import type { SimState } from '../../core/session/state.ts';
import { bdi, h } from '../dom.ts';
import { barList } from './projector-bars.ts';

/** The options of a question (`priority` or `decision:ID`) with the class's counts under `prefix`. */
export function questionBars(compiled: CompiledScenario, ballot: string, room: RoomSnapshot, prefix: 'vote' | 'answers'): { label: string; id: string; count: number }[] {
  const count = (key: string) => room.counts[key] ?? 0;
  if (ballot === 'priority') return compiled.playbook.levels.map((level) => ({ id: level.id, label: level.name, count: count(prefix === 'vote' ? `vote:${level.id}` : `priority:${level.id}`) }));
  const id = ballot.slice('decision:'.length);
  const decision = (compiled.scenario.decisions ?? []).find((each) => each.id === id);
  return (decision?.options ?? []).map((option) => ({ id: option.id, label: option.label, count: count(prefix === 'vote' ? `vote:${option.id}` : `decide:${id}:${option.id}`) }));
}

/**
 * Everyone plays: each decision open on the room's timeline, and each one someone already took, with how the
 * class chose so far (out of everyone seated). Open ones first; at most `limit`.
 */
export function renderDecisionsLive(compiled: CompiledScenario, sim: SimState, room: RoomSnapshot, limit = 2): HTMLElement | null {
  const open = new Set(openDecisions(compiled, sim).map((decision) => decision.id));
  const taken = (compiled.scenario.decisions ?? []).filter((decision) => Object.keys(room.counts).some((key) => key.startsWith(`decide:${decision.id}:`)));
  const shown = [...(compiled.scenario.decisions ?? []).filter((decision) => open.has(decision.id)), ...taken.filter((decision) => !open.has(decision.id)).reverse()].slice(0, limit);
  if (shown.length === 0) return null;
  return h(
    'section',
    { class: 'pj-questions', attrs: { 'aria-label': 'Decisions' } },
    ...shown.map((decision) => {
      const bars = questionBars(compiled, `decision:${decision.id}`, room, 'answers');
      const decided = bars.reduce((sum, bar) => sum + bar.count, 0);
      return h(
        'article',
        { class: 'pj-question' },
        h('h3', {}, open.has(decision.id) ? h('span', { class: 'pj-open-tag' }, 'Open now ') : null, bdi(decision.prompt)),
        barList(bars, room.seated, decision.prompt),
        h('p', { class: 'pj-of' }, `${decided} of ${room.seated} decided`),
      );
    }),
  );
}

/** Whole seconds left until `closesAt`, never below zero. */
export function secondsLeft(closesAt: number, now: number): number {
  return Math.max(0, Math.ceil((closesAt - now) / 1000));
}

/** Class votes: the open question, the votes on each option so far, and the time left to vote. */
export function renderBallot(compiled: CompiledScenario, ballot: OpenBallot, room: RoomSnapshot, now: number): HTMLElement {
  const bars = questionBars(compiled, ballot.id, room, 'vote');
  // The ballot's own options, when the compiled scenario does not list them (it always should).
  const options = bars.length > 0 ? bars : ballot.options.map((option) => ({ id: option.id, label: option.label, count: room.counts[`vote:${option.id}`] ?? 0 }));
  const cast = options.reduce((sum, bar) => sum + bar.count, 0);
  const left = secondsLeft(ballot.closesAt, now);
  return h(
    'section',
    { class: 'pj-ballot', attrs: { 'aria-labelledby': 'pj-ballot-heading' } },
    h('p', { class: 'eyebrow' }, 'The class votes'),
    h('h2', { attrs: { id: 'pj-ballot-heading' } }, bdi(ballot.prompt)),
    barList(options, Math.max(room.seated, cast), 'Votes so far'),
    h(
      'p',
      { class: 'pj-ballot-foot' },
      h('span', { class: 'pj-votes' }, `${cast} of ${room.seated} voted`),
      h('span', { class: `pj-countdown${left === 0 ? ' is-closed' : ''}`, attrs: { role: 'timer' } }, left > 0 ? `Closes in ${clockText(left)}` : 'Voting closed · press R to reveal'),
    ),
  );
}

function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
