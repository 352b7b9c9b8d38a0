import type { Ballot, PlaybookAnswer } from '../../classroom/ballots.ts';
import type { ClassroomMode, RoomPhase } from '../../classroom/messages.ts';

export type { Ballot, PlaybookAnswer } from '../../classroom/ballots.ts';
export type { ClassroomInfo, ClassroomMode, JoinOptions, RoomPhase, ServerMessages } from '../../classroom/messages.ts';

/** The room's shared state as plain JSON, as `room.state.toJSON()` gives it on every patch. */
export interface RoomSnapshot {
  readonly phase: RoomPhase;
  readonly mode: ClassroomMode;
  readonly exam: boolean;
  readonly scenarioId: string;
  readonly title: string;
  /** Scenario ms, in whole seconds. */
  readonly clockMs: number;
  readonly endMs: number;
  readonly speed: number;
  readonly locked: boolean;
  readonly lateJoin: boolean;
  readonly anonymous: boolean;
  readonly seated: number;
  readonly connected: number;
  readonly counts: Readonly<Record<string, number>>;
  /** Class votes: the open ballot as JSON, or empty. */
  readonly ballot: string;
  /** The last reveal as JSON, or empty. */
  readonly reveal: string;
}

/** A ballot open for votes until `closesAt` (wall-clock epoch ms). */
export interface OpenBallot extends Ballot {
  readonly closesAt: number;
}

/** Class votes: how the class voted on a closed ballot, what it committed, and the playbook's answer. */
export interface VoteReveal {
  readonly ballot: string;
  readonly prompt: string;
  readonly options: Ballot['options'];
  readonly counts: Readonly<Record<string, number>>;
  readonly committed: string;
  readonly answer: PlaybookAnswer | null;
}

/** The open ballot of a snapshot, or null when none is open (or its JSON cannot be read). */
export function ballotOf(snapshot: RoomSnapshot): OpenBallot | null {
  const value = parsed(snapshot.ballot);
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.prompt !== 'string' || !Array.isArray(value.options) || typeof value.closesAt !== 'number') return null;
  return value as unknown as OpenBallot;
}

/** The reveal of a class vote in a snapshot; null when there is none, or it is the everyone-plays kind. */
export function voteRevealOf(snapshot: RoomSnapshot): VoteReveal | null {
  const value = parsed(snapshot.reveal);
  if (!isRecord(value) || typeof value.ballot !== 'string' || typeof value.committed !== 'string' || !isRecord(value.counts) || !Array.isArray(value.options)) return null;
  return value as unknown as VoteReveal;
}

function parsed(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
