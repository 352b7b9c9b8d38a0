import { everyoneAnswers, type RevealedAnswer } from '../../classroom/ballots.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { voteRevealOf, type RoomSnapshot, type VoteReveal } from './classroom-types.ts';

/** Everyone plays: the host's reveal gives the playbook's answer to every question at once. */
export interface EveryoneReveal {
  readonly answers: readonly RevealedAnswer[];
}

export type HostReveal = { readonly kind: 'vote'; readonly reveal: VoteReveal } | { readonly kind: 'everyone'; readonly reveal: EveryoneReveal };

/** The last reveal in the room's state, of either kind; null when there is none or it cannot be read. */
export function revealOf(room: RoomSnapshot, compiled: CompiledScenario): HostReveal | null {
  const vote = voteRevealOf(room);
  if (vote) return { kind: 'vote', reveal: vote };
  if (room.reveal === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(room.reveal);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== 'everyone') return null;
  return { kind: 'everyone', reveal: { answers: everyoneAnswers(compiled) } };
}
