import type { Action } from '../actions/action.ts';
import type { Expr } from '../expr/schema.ts';
import { walkExpr } from '../expr/walk.ts';
import type { Predicate } from '../expr/evaluate.ts';
import { compileMatcher } from '../expr/evaluate.ts';
import type { CompiledScenario, TimedExpectation } from '../scenario/compiled.ts';
import type { Expectation } from '../scenario/schema.ts';
import type { SimState, TimedAction } from '../session/state.ts';
import { ViewsSince } from './view-since.ts';

/** What the replay showed about one expectation: when it started to apply, and when it was met or broken. */
export interface Observation {
  readonly expectation: Expectation;
  /** The expectation's times, resolved to milliseconds. */
  readonly timing: TimedExpectation;
  triggeredAt: number | null;
  /**
   * achieve: when what stands at the end (or when "until" came) began to hold, or null when it does
   * not stand then; avoid: when it was first broken.
   */
  hitAt: number | null;
  /** The action that met or broke it, if one did. */
  hitBy: TimedAction | null;
  /** achieve: when it first held after the trigger, even if it was undone later. */
  firstHitAt: number | null;
  /** achieve: when it stopped holding after having held, while it still had to stand. */
  readonly undoneAt: number[];
  /** achieve: when triggered, it already held through work done before the trigger, which does not count. */
  heldBeforeTrigger: boolean;
  /** cadence: the matching updates after the trigger. */
  readonly updates: TimedAction[];
  /** achieve and cadence: when "until" first held, after which nothing more counts. */
  untilAt: number | null;
  /** can-report: the state right after each report submitted after the trigger. */
  readonly canStates: SimState[];
}

interface Watch {
  readonly observation: Observation;
  readonly trigger: Predicate;
  readonly expect: Predicate | undefined;
  /** Whether the expectation has no "not": then what fails on the whole state fails on any view of it. */
  readonly monotone: boolean;
  /** Whether, once true, it stays true: built only from actions taken, events fired, decisions made and times passed. */
  readonly sticky: boolean;
  /** Whether it is judged on the work since its trigger rather than on the whole state. */
  readonly sinceTrigger: boolean;
  readonly until: Predicate | undefined;
  readonly isUpdate: ((action: Action) => boolean) | undefined;
}

/** Conditions that, once true, stay true as a replay goes on. */
function isSticky(expr: Expr): boolean {
  let sticky = true;
  walkExpr(expr, (node) => {
    if (typeof node === 'boolean' || 'all' in node || 'any' in node) return;
    if (('did' in node && node.inLast === undefined) || 'fired' in node || 'decided' in node || 'after' in node) return;
    sticky = false;
  });
  return sticky;
}

function hasNegation(expr: Expr): boolean {
  let negated = false;
  walkExpr(expr, (node) => {
    if (typeof node === 'object' && 'not' in node) negated = true;
  });
  return negated;
}

/**
 * A priority, classification, escalation or decision made this long before a trigger still counts: an
 * incident manager who sets P1 as the alarm goes red, seconds before the outage is confirmed, anticipated
 * it; one who set it while redundancy still held, long before, did not. Actions such as notices count
 * only from the trigger on.
 */
export const ANTICIPATION_MS = 2 * 60 * 1000;

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
  private resolved = false;
  private readonly views = new ViewsSince(ANTICIPATION_MS);
  /** What is achieved stands until the incident is resolved or closed, unless the item gives its own "until". */
  private readonly incidentResolved = (): boolean => this.resolved;

  constructor(compiled: CompiledScenario) {
    this.watches = compiled.rubric.map((timing) => {
      const { expectation } = timing;
      const trigger = expectation.trigger === undefined ? () => true : compiled.predicate(expectation.trigger);
      const expect = 'expect' in expectation ? compiled.predicate(expectation.expect) : undefined;
      const until =
        (expectation.kind === 'cadence' || expectation.kind === 'achieve') && expectation.until
          ? compiled.predicate(expectation.until)
          : expectation.kind === 'achieve'
            ? this.incidentResolved
            : undefined;
      const isUpdate = expectation.kind === 'cadence' && typeof expectation.expect === 'object' && 'did' in expectation.expect ? compileMatcher(expectation.expect.did, compiled.bridgePurpose) : undefined;
      return {
        observation: { expectation, timing, triggeredAt: null, hitAt: null, hitBy: null, firstHitAt: null, undoneAt: [], heldBeforeTrigger: false, updates: [], untilAt: null, canStates: [] },
        trigger,
        expect,
        monotone: !('expect' in expectation) || !hasNegation(expectation.expect),
        sticky: 'expect' in expectation && isSticky(expectation.expect),
        sinceTrigger: expectation.afterTrigger !== false && expectation.trigger !== undefined,
        until,
        isUpdate,
      };
    });
  }

  /**
   * What an expectation may count: by default only the trainee's work since its trigger. An achieve
   * also ignores settings made before the trigger; an avoid judges the settings that stand, whenever made.
   */
  private viewFor(observation: Observation, state: SimState): SimState {
    const { expectation, triggeredAt } = observation;
    if (expectation.afterTrigger === false || expectation.trigger === undefined || triggeredAt === null) return state;
    if (expectation.kind === 'avoid') return { ...state, actions: state.actions.filter((timed) => timed.at >= triggeredAt) };
    return this.views.viewOf(state, triggeredAt);
  }

  private holds(watch: Watch, state: SimState): boolean {
    const { expect } = watch;
    if (!expect) return false;
    if (!watch.sinceTrigger) return expect(state);
    return (!watch.monotone || expect(state)) && expect(this.viewFor(watch.observation, state));
  }

  observe = (state: SimState): void => {
    const newActions = state.actions.slice(this.seenActions);
    this.seenActions = state.actions.length;
    const latest = newActions.at(-1) ?? null;
    this.resolved ||= newActions.some((timed) => timed.effective && (timed.action.type === 'resolve' || timed.action.type === 'close'));
    for (const watch of this.watches) {
      const observation = watch.observation;
      if (observation.triggeredAt === null) {
        if (!watch.trigger(state)) continue;
        observation.triggeredAt = state.now;
        if (observation.expectation.kind === 'achieve' && observation.expectation.afterTrigger !== false && watch.expect?.(state)) observation.heldBeforeTrigger = true;
      }
      const { expectation } = observation;
      switch (expectation.kind) {
        case 'achieve': {
          if (observation.untilAt !== null || (watch.sticky && observation.hitAt !== null)) break;
          const holds = this.holds(watch, state);
          if (holds && observation.hitAt === null) {
            observation.hitAt = state.now;
            observation.hitBy = latest;
            observation.firstHitAt ??= state.now;
          } else if (!holds && observation.hitAt !== null) {
            observation.undoneAt.push(state.now);
            observation.hitAt = null;
            observation.hitBy = null;
          }
          // Resolving the incident settles what stands; an item it finds not yet done can still be done after.
          const settled = expectation.until !== undefined || observation.hitAt !== null;
          if (settled && watch.until?.(state)) observation.untilAt = state.now;
          break;
        }
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
