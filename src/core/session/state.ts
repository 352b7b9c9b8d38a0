import type { Action } from '../actions/action.ts';
import type { TimedEffect } from '../scenario/compiled.ts';
import type { NOISE_SOUNDS } from '../scenario/schema.ts';
import type { Expr } from '../expr/schema.ts';
import type { Scalar } from '../schema-primitives.ts';

export type NoiseSound = (typeof NOISE_SOUNDS)[number];

/** A request a line makes of the trainee: answered once `until` holds. */
export interface SayAsks {
  readonly until: Expr;
  readonly alert?: boolean;
}

export interface ParticipantState {
  readonly present: boolean;
  readonly muted: boolean;
  readonly noise: NoiseSound | null;
  readonly bridge: string;
}

export type TranscriptKind =
  | 'say'
  | 'unheard'
  | 'join'
  | 'leave'
  | 'noise-start'
  | 'noise-stop'
  | 'report'
  | 'inject'
  | 'action'
  | 'phase'
  | 'ending';

/** One thing that happened on the bridge, in the order it happened. */
export interface TranscriptEntry {
  /** Milliseconds after the scenario clock's start. */
  readonly at: number;
  readonly kind: TranscriptKind;
  readonly text: string;
  readonly speaker?: string;
  readonly bridge?: string;
  readonly title?: string;
  readonly sound?: NoiseSound;
  readonly overlap?: boolean;
  /** say: what the line asks the trainee for, and whether it is an executive or customer request to announce. */
  readonly asks?: SayAsks;
  /** unheard: the words someone spoke on a muted line, kept for the debrief; nobody on the call heard them. */
  readonly words?: string;
  /** action: the system turned the action down or it changed nothing; the text says why. */
  readonly refusal?: boolean;
  /** leave: whether they said they were leaving, or just dropped off. */
  readonly announced?: boolean;
  /** The beat, reaction, branch or action index this entry came from. */
  readonly source: string;
}

export interface TimedAction {
  readonly at: number;
  readonly index: number;
  readonly action: Action;
  /**
   * False when the action changed nothing: a task or question for someone not on the bridge,
   * a bridge that was already open, a decision not open yet or already taken. Such actions
   * stay in the log but never meet an expectation or trigger a reaction.
   */
  readonly effective: boolean;
}

export interface PendingEffect {
  readonly due: number;
  readonly seq: number;
  readonly effect: TimedEffect;
  readonly source: string;
}

/** Everything the simulation knows at one instant. Plain data, so snapshots serialise and compare. */
export interface SimState {
  readonly now: number;
  readonly phase: string;
  readonly ending: string | null;
  readonly vars: Readonly<Record<string, Scalar>>;
  readonly participants: Readonly<Record<string, ParticipantState>>;
  readonly bridges: Readonly<Record<string, boolean>>;
  readonly level: string | null;
  readonly classification: string | null;
  readonly escalations: readonly string[];
  readonly decisions: Readonly<Record<string, string>>;
  /** When each beat, reaction and branch first happened. */
  readonly fired: Readonly<Record<string, number>>;
  readonly cancelled: Readonly<Record<string, true>>;
  readonly actions: readonly TimedAction[];
  readonly pending: readonly PendingEffect[];
  /** Index of the next timeline beat to consider. */
  readonly nextBeat: number;
  readonly seq: number;
  /** When the trainee's promised next update falls due, for the HUD's countdown; cleared by the next notification. */
  readonly nextUpdateDue: number | null;
  readonly transcript: readonly TranscriptEntry[];
}

type ContainerKey = 'vars' | 'participants' | 'bridges' | 'decisions' | 'fired' | 'cancelled' | 'transcript' | 'actions' | 'pending' | 'escalations';

/** A container of the state made writable: a list becomes an array, a record a plain record. */
type Writable<T> = T extends readonly (infer E)[] ? E[] : T extends Readonly<Record<string, infer V>> ? Record<string, V> : never;

/**
 * A working copy of the state for one step. Its scalar fields may be set directly; its records and
 * lists stay read-only, because they are still shared with earlier snapshots until `own` copies them.
 */
export type Draft = { -readonly [K in Exclude<keyof SimState, ContainerKey>]: SimState[K] } & { readonly [K in ContainerKey]: SimState[K] } & { readonly [draftBrand]: true };

/** Only `draftOf` makes a Draft: a snapshot cannot be passed where a step may write. */
declare const draftBrand: unique symbol;

const CONTAINER_BIT: Readonly<Record<ContainerKey, number>> = {
  vars: 1, participants: 2, bridges: 4, decisions: 8, fired: 16, cancelled: 32, transcript: 64, actions: 128, pending: 256, escalations: 512,
};
const ALL_SHARED = 1023;
/** For each draft, a bit per container it still shares with the state it was made from. */
const sharedWithState = new WeakMap<Draft, number>();

/** A working copy of the state whose containers are copied only when a step first changes them. */
export function draftOf(state: SimState): Draft {
  const draft = { ...state } as Draft;
  sharedWithState.set(draft, ALL_SHARED);
  return draft;
}

/** The draft's own writable copy of one of its records or lists; the snapshot it came from never changes. */
export function own<K extends ContainerKey>(draft: Draft, key: K): Writable<SimState[K]> {
  const shared = sharedWithState.get(draft) ?? ALL_SHARED;
  const bit = CONTAINER_BIT[key];
  const containers = draft as unknown as Record<ContainerKey, unknown>;
  if (shared & bit) {
    sharedWithState.set(draft, shared & ~bit);
    const value = containers[key];
    containers[key] = Array.isArray(value) ? [...value] : { ...(value as object) };
  }
  return containers[key] as Writable<SimState[K]>;
}
