import { MAX_ACTIONS, type Action, type ActionLog } from '../actions/action.ts';
import type { ActionIntent } from '../actions/intent.ts';
import type { DiagnosticCode } from '../diagnostic-codes.ts';
import type { ScoreReport } from '../report/score-report.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import { reportOf } from '../scoring/report.ts';
import { ExpectationTracker, type Observation } from '../scoring/tracker.ts';
import { act, earliestEvent, end, nextWake, startState, tick } from './engine.ts';
import type { SimState, TranscriptEntry } from './state.ts';
import { validateLog } from './validate-log.ts';

export type Trainee = NonNullable<ActionLog['trainee']>;

/** Why a live session refused an action: a log diagnostic, or the session's own reason. */
export interface SubmitProblem {
  readonly code: DiagnosticCode;
  /** Plain and capitalised, for the trainee: it names no log position. */
  readonly message: string;
}

export type SubmitResult =
  | { readonly ok: true; readonly action: Action; readonly index: number }
  | { readonly ok: false; readonly problems: readonly SubmitProblem[] };

export interface SessionOptions {
  readonly trainee?: Trainee;
  /** Called with every state the engine steps through (not with quiet seconds when only the clock moves). */
  readonly onStep?: (state: SimState) => void;
}

export interface TranscriptPage {
  readonly entries: readonly TranscriptEntry[];
  /** Pass this to the next call to get only what happened since. */
  readonly cursor: number;
}

const SECOND = 1000;

/**
 * One trainee's run of a scenario, headless: it owns the engine state, stamps and validates
 * actions, keeps the action log, and answers the transcript and the report. The browser drives it
 * from a local clock, the classroom server from the room's clock, the CLI and tests from a log;
 * nothing outside re-implements replay, stamping or validation.
 */
export class Session {
  private current!: SimState;
  private readonly tracker: ExpectationTracker;
  private readonly stamped: Action[] = [];
  private nextEvent: number | null = null;

  private readonly trainee: Trainee | undefined;
  private readonly onStep: ((state: SimState) => void) | undefined;

  constructor(
    readonly compiled: CompiledScenario,
    options: SessionOptions = {},
  ) {
    this.trainee = options.trainee;
    this.onStep = options.onStep;
    this.tracker = new ExpectationTracker(compiled);
    this.step(startState(compiled));
  }

  /** Replays a validated log from the start of the clock to its end. The same log always gives the same run. */
  static replay(compiled: CompiledScenario, log: ActionLog, options: Omit<SessionOptions, 'trainee'> = {}): Session {
    const session = new Session(compiled, { ...options, ...(log.trainee ? { trainee: log.trainee } : {}) });
    for (const action of log.actions) session.applyStamped(action, compiled.clock.offsetOf(action.at));
    session.finish();
    return session;
  }

  get state(): SimState {
    return this.current;
  }

  get now(): number {
    return this.current.now;
  }

  get endMs(): number {
    return this.compiled.clock.lengthMs;
  }

  /** An ending has been reached; the session takes no more actions. */
  get ended(): boolean {
    return this.current.ending !== null;
  }

  /** What the grader has seen so far, per expectation: coach mode reads it. */
  get observations(): readonly Observation[] {
    return this.tracker.observations;
  }

  get actions(): readonly Action[] {
    return this.stamped;
  }

  /** The action log of this run (CONTRACTS §2). */
  get log(): ActionLog {
    const { scenario, playbook } = this.compiled;
    return { scenario: scenario.id, playbook: playbook.id, ...(this.trainee ? { trainee: this.trainee } : {}), actions: [...this.stamped] };
  }

  /**
   * Moves the clock to `ms` after the start (never back, never past the end), stopping at every
   * instant something is due. Scenario time moves in whole seconds, as logs and reports write it,
   * so the fraction of a second is dropped.
   */
  advanceTo(ms: number): void {
    if (Number.isNaN(ms) || this.ended) return;
    const target = Math.min(Math.floor(ms / SECOND) * SECOND, this.endMs);
    while (!this.ended && this.nextEventAt() <= target) {
      const wake = nextWake(this.current, this.compiled);
      if (wake > target) break;
      this.step(tick(this.current, wake, this.compiled));
    }
    if (this.ended || this.current.now >= target) return;
    if (this.nextEventAt() > target) this.current = { ...this.current, now: target };
    else this.step(tick(this.current, target, this.compiled));
  }

  /**
   * Stamps an intent with the scenario time `atMs` (default: now), validates it as the log
   * validator would, and applies it. Actions land on whole seconds, as the log writes them, so a
   * replay of the log goes through exactly the same states.
   */
  submit(intent: ActionIntent, atMs: number = this.now): SubmitResult {
    const at = Math.floor(atMs / SECOND) * SECOND;
    if (this.ended) return refused('E_SESSION_ENDED', 'The exercise has ended; no more actions are taken.');
    if (!Number.isFinite(at) || at < this.now) return refused('E_LOG_OUT_OF_ORDER', `The action comes before the session's current time ${this.compiled.clock.format(this.now)}.`);
    if (at > this.endMs) return refused('E_LOG_OUTSIDE_WINDOW', 'The action comes after the end of the exercise.');
    if (this.stamped.length >= MAX_ACTIONS) return refused('E_LOG_TOO_MANY_ACTIONS', `An exercise can hold at most ${MAX_ACTIONS} actions.`);
    const { scenario, playbook, clock } = this.compiled;
    const checked = validateLog({ scenario: scenario.id, actions: [{ ...intent, at: clock.format(at) }] }, scenario, playbook);
    if (!checked.ok) return { ok: false, problems: checked.diagnostics.map(({ code, message }) => ({ code, message })) };
    const action = checked.log.actions[0]!;
    const index = this.applyStamped(action, at);
    return { ok: true, action, index };
  }

  /** Transcript entries after `cursor` (0 for all), and the cursor for the next call. */
  transcriptSince(cursor: number): TranscriptPage {
    const { transcript } = this.current;
    const from = Math.max(0, Math.min(Math.trunc(cursor) || 0, transcript.length));
    return { entries: transcript.slice(from), cursor: transcript.length };
  }

  /** Runs the rest of the clock without the trainee, reaches the ending whose condition holds, and grades. */
  finish(): ScoreReport {
    this.advanceTo(this.endMs);
    if (!this.ended) this.step(end(this.current, this.compiled));
    return this.report();
  }

  /** The score report: final once finished; before that, what has been earned and missed so far. */
  report(): ScoreReport {
    return reportOf(this.compiled, this.tracker.observations, this.current, this.trainee);
  }

  private applyStamped(action: Action, at: number): number {
    this.advanceTo(at);
    const index = this.stamped.length;
    this.stamped.push(action);
    this.step(act(this.current, action, index, this.compiled));
    return index;
  }

  /**
   * The earliest instant at which anything can happen: the next beat, scheduled effect or time a
   * condition waits for. Cached until the next step, so a quiet second costs almost nothing.
   */
  private nextEventAt(): number {
    if (this.nextEvent === null) this.nextEvent = earliestEvent(this.current, this.compiled);
    return this.nextEvent;
  }

  private step(next: SimState): void {
    this.nextEvent = null;
    this.current = next;
    this.tracker.observe(next);
    this.onStep?.(next);
  }
}

function refused(code: DiagnosticCode, message: string): SubmitResult {
  return { ok: false, problems: [{ code, message }] };
}
