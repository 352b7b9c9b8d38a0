import type { Action } from '../actions/action.ts';
import type { Predicate } from '../expr/evaluate.ts';
import { compileMatcher } from '../expr/evaluate.ts';
import type { CompiledScenario, TimedExpectation } from '../scenario/compiled.ts';
import type { Expectation } from '../scenario/schema.ts';
import type { SimState, TimedAction } from '../session/state.ts';

/** What the replay showed about one expectation: when it started to apply, and when it was met or broken. */
export interface Observation {
  readonly expectation: Expectation;
  /** The expectation's times, resolved to milliseconds. */
  readonly timing: TimedExpectation;
  triggeredAt: number | null;
  /** achieve: when it became true; avoid: when it was first broken. */
  hitAt: number | null;
  /** The action that met or broke it, if one did. */
  hitBy: TimedAction | null;
  /** cadence: the matching updates after the trigger. */
  readonly updates: TimedAction[];
  untilAt: number | null;
  /** can-report: the state right after each report submitted after the trigger. */
  readonly canStates: SimState[];
}

interface Watch {
  readonly observation: Observation;
  readonly trigger: Predicate;
  readonly expect: Predicate | undefined;
  readonly until: Predicate | undefined;
  readonly isUpdate: ((action: Action) => boolean) | undefined;
}

/** Absolute due time of an expectation once triggered, in ms, or undefined when due by the end. */
export function dueTime(timing: TimedExpectation, triggeredAt: number): number | undefined {
  if (timing.expectation.kind === 'cadence') return undefined;
  if (timing.dueAtMs !== undefined) return timing.dueAtMs;
  if (timing.withinMs !== undefined) return triggeredAt + timing.withinMs;
  return undefined;
}

/** Watches every state of a replay and records, per expectation, the moments grading needs. */
export class ExpectationTracker {
  private readonly watches: Watch[];
  private seenActions = 0;

  constructor(compiled: CompiledScenario) {
    this.watches = compiled.rubric.map((timing) => {
      const { expectation } = timing;
      const trigger = expectation.trigger === undefined ? () => true : compiled.predicate(expectation.trigger);
      const expect = 'expect' in expectation ? compiled.predicate(expectation.expect) : undefined;
      const until = expectation.kind === 'cadence' && expectation.until ? compiled.predicate(expectation.until) : undefined;
      const isUpdate = expectation.kind === 'cadence' && typeof expectation.expect === 'object' && 'did' in expectation.expect ? compileMatcher(expectation.expect.did, compiled.bridgePurpose) : undefined;
      return {
        observation: { expectation, timing, triggeredAt: null, hitAt: null, hitBy: null, updates: [], untilAt: null, canStates: [] },
        trigger,
        expect,
        until,
        isUpdate,
      };
    });
  }

  private viewFor(observation: Observation, state: SimState): SimState {
    const since = observation.triggeredAt;
    if (!observation.expectation.afterTrigger || since === null) return state;
    return { ...state, actions: state.actions.filter((timed) => timed.at >= since) };
  }

  observe = (state: SimState): void => {
    const newActions = state.actions.slice(this.seenActions);
    this.seenActions = state.actions.length;
    const latest = newActions.at(-1) ?? null;
    for (const watch of this.watches) {
      const observation = watch.observation;
      if (observation.triggeredAt === null) {
        if (!watch.trigger(state)) continue;
        observation.triggeredAt = state.now;
      }
      const { expectation } = observation;
      switch (expectation.kind) {
        case 'achieve':
          if (observation.hitAt === null && watch.expect?.(this.viewFor(observation, state))) {
            observation.hitAt = state.now;
            observation.hitBy = latest;
          }
          break;
        case 'avoid': {
          const due = dueTime(observation.timing, observation.triggeredAt);
          if (observation.hitAt === null && (due === undefined || state.now <= due) && watch.expect?.(this.viewFor(observation, state))) {
            observation.hitAt = state.now;
            observation.hitBy = latest;
          }
          break;
        }
        case 'cadence':
          if (observation.untilAt !== null) break;
          for (const timed of newActions) if (timed.effective && watch.isUpdate?.(timed.action)) observation.updates.push(timed);
          if (watch.until?.(state)) observation.untilAt = state.now;
          break;
        case 'can-report':
          if (newActions.some((timed) => timed.action.type === 'can-report')) observation.canStates.push(state);
          break;
      }
    }
  };

  get observations(): Observation[] {
    return this.watches.map((watch) => watch.observation);
  }
}
