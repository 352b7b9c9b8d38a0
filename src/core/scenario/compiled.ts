import type { ActionTest, Predicate } from '../expr/evaluate.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { ScenarioClock } from '../time.ts';
import type { Bridge, Effect, Participant, Scenario } from './schema.ts';
import type { SimMachine } from './machine.ts';
import type { SimState } from '../session/state.ts';

export interface TimedBeat {
  readonly id: string;
  readonly atMs: number;
  readonly when: Predicate | undefined;
  readonly effect: Effect;
}

export interface CompiledReaction {
  readonly id: string;
  readonly on: ActionTest;
  readonly when: Predicate | undefined;
  readonly repeat: boolean;
  readonly effects: readonly Effect[];
}

export interface CompiledBranch {
  readonly id: string;
  readonly when: Predicate;
  readonly effects: readonly Effect[];
}

export interface CompiledDecision {
  readonly id: string;
  readonly when: Predicate | undefined;
  readonly options: ReadonlyMap<string, readonly Effect[]>;
}

/** A validated scenario made ready to run: times resolved to numbers and conditions to functions. */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  readonly clock: ScenarioClock;
  readonly mainBridge: string;
  readonly beats: readonly TimedBeat[];
  readonly wakeTimes: readonly number[];
  readonly participants: ReadonlyMap<string, Participant>;
  readonly bridges: ReadonlyMap<string, Bridge>;
  readonly bridgePurpose: ReadonlyMap<string, string>;
  readonly decisions: ReadonlyMap<string, CompiledDecision>;
  readonly reactions: readonly CompiledReaction[];
  readonly branches: readonly CompiledBranch[];
  readonly initialState: SimState;
  readonly machine: SimMachine;
  /** The compiled form of any condition in the scenario, cached by identity. */
  predicate(expr: import('../expr/schema.ts').Expr): Predicate;
}

/** What the step functions need: everything but the machine that drives them. */
export type ScenarioRuntime = Omit<CompiledScenario, 'machine'>;
