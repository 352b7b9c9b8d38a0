import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import type { SimState } from '../../core/session/state.ts';
import type { ClassroomInfo, OpenBallot, RoomSnapshot, VoteReveal } from './classroom-types.ts';
import type { LinkStatus } from './room-link.ts';

/**
 * What the trainee's classroom page shows: the join form, the wait for the host, their own bridge (everyone
 * plays; the bridge itself is the app store's `play`), the class vote, or the debrief (the app store's `debrief`).
 */
export type TraineeStage = 'form' | 'joining' | 'waiting' | 'play' | 'vote' | 'ended' | 'debrief' | 'removed';

export interface JoinForm {
  readonly code: string;
  readonly name: string;
  readonly busy: boolean;
  /** What is wrong, by field (`code`, `name`), or with the join as a whole (`form`): the server's words, without its code. */
  readonly errors: { readonly code?: string; readonly name?: string; readonly form?: string };
}

export interface TraineeState {
  readonly stage: TraineeStage;
  readonly code: string | null;
  readonly info: ClassroomInfo | null;
  readonly form: JoinForm;
  readonly link: LinkStatus | null;
  /** This seat was opened on another tab or device, which has it now. */
  readonly replaced: boolean;
  readonly room: RoomSnapshot | null;
  readonly seat: { readonly seatId: string; readonly name: string } | null;
  /** Actions made while the connection was down, waiting to be sent. */
  readonly queued: number;
  readonly compiled: CompiledScenario | null;
  /** Class votes: the shared bridge now. */
  readonly shared: SimState | null;
  readonly ballot: OpenBallot | null;
  /** Class votes: this trainee's choice on each ballot, as the server took it. */
  readonly votes: Readonly<Record<string, string>>;
  /** A vote sent and not answered yet. */
  readonly voting: { readonly ballot: string; readonly choice: string } | null;
  readonly voteError: string | null;
  /** Class votes: every reveal seen, oldest first. */
  readonly reveals: readonly VoteReveal[];
}

export type TraineeStore = StoreApi<TraineeState>;

export function initialTraineeState(code: string | null): TraineeState {
  return {
    stage: code === null ? 'form' : 'joining',
    code,
    info: null,
    form: { code: code ?? '', name: '', busy: false, errors: {} },
    link: null,
    replaced: false,
    room: null,
    seat: null,
    queued: 0,
    compiled: null,
    shared: null,
    ballot: null,
    votes: {},
    voting: null,
    voteError: null,
    reveals: [],
  };
}

export function createTraineeStore(code: string | null): TraineeStore {
  return createStore<TraineeState>()(() => initialTraineeState(code));
}

/** Class votes: on how many of the ballots revealed (with a playbook answer) this trainee chose what the playbook does. */
export function voteAgreement(state: Pick<TraineeState, 'reveals' | 'votes'>): { readonly agreed: number; readonly cast: number } {
  let agreed = 0;
  let cast = 0;
  for (const reveal of state.reveals) {
    const choice = state.votes[reveal.ballot];
    if (choice === undefined || reveal.answer === null) continue;
    cast++;
    if (choice === reveal.answer.choice) agreed++;
  }
  return { agreed, cast };
}
