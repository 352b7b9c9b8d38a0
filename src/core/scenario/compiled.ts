import type { ActionTest, Predicate } from '../expr/evaluate.ts';
import type { Expr } from '../expr/schema.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { ScenarioClock } from '../time.ts';
import type { Bridge, Effect, Ending, Expectation, Participant, Phase, Scenario } from './schema.ts';
import type { SimState } from '../session/state.ts';

/** An effect with its delay resolved to milliseconds (0 when it happens at once). */
export type TimedEffect = Effect & { readonly delayMs: number };

export interface TimedBeat {
  readonly id: string;
  readonly atMs: number;
  readonly when: Predicate | undefined;
  readonly effect: TimedEffect;
}

export interface CompiledReaction {
  readonly id: string;
  readonly on: ActionTest;
  readonly when: Predicate | undefined;
  readonly repeat: boolean;
  readonly effects: readonly TimedEffect[];
}

export interface CompiledBranch {
  readonly id: string;
  readonly when: Predicate;
  readonly effects: readonly TimedEffect[];
}

export interface CompiledDecision {
  readonly id: string;
  readonly when: Predicate | undefined;
  readonly options: ReadonlyMap<string, readonly TimedEffect[]>;
}

export interface CompiledTransition {
  readonly to: string;
  readonly when: Predicate;
}

export interface CompiledPhase {
  readonly phase: Phase;
  readonly next: readonly CompiledTransition[];
}

export interface CompiledEnding {
  readonly ending: Ending;
  readonly when: Predicate | undefined;
}

/** An expectation with every time it names resolved to milliseconds. */
export interface TimedExpectation {
  readonly expectation: Expectation;
  /** `by`: due at this offset from the start of the clock. */
  readonly dueAtMs: number | undefined;
  /** `within`: due this long after the trigger. */
  readonly withinMs: number | undefined;
  /** achieve `late.within`: how long after the due time late work still earns points (Infinity: any time). */
  readonly lateWithinMs: number;
  /** cadence `every`. */
  readonly everyMs: number;
}

/**
 * A validated scenario made ready to run: every clock time and duration resolved to milliseconds
 * once, and every condition to a function. Nothing downstream parses a time again.
 */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  readonly clock: ScenarioClock;
  readonly mainBridge: string;
  readonly beats: readonly TimedBeat[];
  readonly wakeTimes: readonly number[];
  readonly participants: ReadonlyMap<string, Participant>;
  /** How long after a page each participant joins. */
  readonly pageAnswerMs: ReadonlyMap<string, number>;
  readonly bridges: ReadonlyMap<string, Bridge>;
  readonly bridgePurpose: ReadonlyMap<string, string>;
  readonly decisions: ReadonlyMap<string, CompiledDecision>;
  readonly reactions: readonly CompiledReaction[];
  readonly branches: readonly CompiledBranch[];
  readonly phases: ReadonlyMap<string, CompiledPhase>;
  readonly endings: readonly CompiledEnding[];
  readonly rubric: readonly TimedExpectation[];
  readonly initialState: SimState;
  /** The compiled form of any condition in the scenario, cached by identity. */
  predicate(expr: Expr): Predicate;
}
