import type { Action } from '../core/actions/action.ts';
import type { ActionIntent } from '../core/actions/intent.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import { openDecisions } from '../core/session/open-decisions.ts';
import type { SimState } from '../core/session/state.ts';

/**
 * Class votes: the questions a voting class answers together on its shared bridge. The priority is asked
 * first, then each decision as it opens. Pure, so the server and every client agree on the open question.
 */

export interface Ballot {
  /** `priority`, or `decision:ID`. */
  readonly id: string;
  readonly kind: 'priority' | 'decision';
  readonly prompt: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
}

/** What the playbook's model answer chose on a ballot, and why; null when the scenario has no model answer for it. */
export interface PlaybookAnswer {
  readonly choice: string;
  readonly why: string;
}

/** The question the class answers next on the shared bridge, or null when none is open. */
export function openBallot(compiled: CompiledScenario, sim: SimState, actions: readonly Action[]): Ballot | null {
  if (!actions.some((action) => action.type === 'set-priority')) {
    const { playbook } = compiled;
    return {
      id: 'priority',
      kind: 'priority',
      prompt: `What ${playbook.levelKind} is this incident?`,
      options: playbook.levels.map((level) => ({ id: level.id, label: level.name })),
    };
  }
  const decision = openDecisions(compiled, sim)[0];
  if (!decision) return null;
  return { id: `decision:${decision.id}`, kind: 'decision', prompt: decision.prompt, options: decision.options.map((option) => ({ id: option.id, label: option.label })) };
}

/** The action that commits the class's choice on a ballot. */
export function ballotAction(ballot: Ballot, choice: string): ActionIntent {
  return ballot.kind === 'priority' ? { type: 'set-priority', level: choice } : { type: 'decide', decision: ballot.id.slice('decision:'.length), choice };
}

export function playbookAnswer(compiled: CompiledScenario, ballotId: string): PlaybookAnswer | null {
  for (const step of compiled.scenario.modelAnswer?.steps ?? []) {
    const { action } = step;
    if (ballotId === 'priority' && action.type === 'set-priority') return { choice: action.level, why: step.why };
    if (action.type === 'decide' && ballotId === `decision:${action.decision}`) return { choice: action.choice, why: step.why };
  }
  return null;
}

/** One question of an everyone-plays reveal: its ballot id, its prompt, and the playbook's answer. */
export interface RevealedAnswer {
  readonly ballot: string;
  readonly prompt: string;
  readonly answer: PlaybookAnswer | null;
}

/**
 * Everyone plays: what a reveal shows, the playbook's answer to the priority and to every decision. Each device
 * works it out from the scenario it already holds, so the reveal itself is a few bytes for 2,000 devices.
 */
export function everyoneAnswers(compiled: CompiledScenario): readonly RevealedAnswer[] {
  const decisions = (compiled.scenario.decisions ?? []).map((decision) => ({ ballot: `decision:${decision.id}`, prompt: decision.prompt, answer: playbookAnswer(compiled, `decision:${decision.id}`) }));
  return [{ ballot: 'priority', prompt: 'Priority', answer: playbookAnswer(compiled, 'priority') }, ...decisions];
}

/** Everyone plays: the reveal in the room's state, stamped with when it was made (epoch ms) so a second reveal shows again. */
export const everyoneRevealText = (revealedAt: number): string => JSON.stringify({ kind: 'everyone', at: revealedAt });

/** The most chosen option; a tie goes to the option listed first. Null when nobody voted. */
export function winningChoice(ballot: Ballot, votes: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const choice of votes) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  let best: string | null = null;
  for (const option of ballot.options) {
    const count = counts.get(option.id) ?? 0;
    if (count > 0 && (best === null || count > (counts.get(best) ?? 0))) best = option.id;
  }
  return best;
}
