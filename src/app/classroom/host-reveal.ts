import type { PlaybookAnswer } from '../../classroom/ballots.ts';
import { voteRevealOf, type RoomSnapshot, type VoteReveal } from './classroom-types.ts';

/** Everyone plays: the host's reveal gives the playbook's answer to every question at once. */
export interface EveryoneReveal {
  readonly answers: readonly { readonly ballot: string; readonly prompt: string; readonly answer: PlaybookAnswer | null }[];
}

export type HostReveal = { readonly kind: 'vote'; readonly reveal: VoteReveal } | { readonly kind: 'everyone'; readonly reveal: EveryoneReveal };

/** The last reveal in the room's state, of either kind; null when there is none or it cannot be read. */
export function revealOf(room: RoomSnapshot): HostReveal | null {
  const vote = voteRevealOf(room);
  if (vote) return { kind: 'vote', reveal: vote };
  if (room.reveal === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(room.reveal);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('answers' in value) || !Array.isArray(value.answers)) return null;
  const answers = value.answers.filter(
    (item: unknown): item is EveryoneReveal['answers'][number] =>
      typeof item === 'object' && item !== null && typeof (item as { ballot?: unknown }).ballot === 'string' && typeof (item as { prompt?: unknown }).prompt === 'string',
  );
  return { kind: 'everyone', reveal: { answers: answers.map((item) => ({ ...item, answer: validAnswer(item.answer) })) } };
}

function validAnswer(answer: unknown): PlaybookAnswer | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { choice, why } = answer as { choice?: unknown; why?: unknown };
  return typeof choice === 'string' && typeof why === 'string' ? { choice, why } : null;
}
