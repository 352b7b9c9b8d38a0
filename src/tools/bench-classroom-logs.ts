import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ScenarioClock } from '../core/time.ts';

/**
 * What the classroom benchmark's trainees do, and when (scenario times, on the Acme clock): the strong log is the
 * scenario's model answer, the weak log a few late or wrong actions, the idle log nothing. Trainee i plays log
 * i % 3, every action `i % stagger` scenario seconds after its time, so a class does not click in lockstep.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SCENARIO = 'acme-chemical';
/** When the host reveals the answers: in the middle of the busiest minutes. */
export const REVEAL_AT = '03:04:05';
/** `--restart`: when the server is stopped and started again. */
export const RESTART_AT = '02:59:00';
/** `--drop`: when each dropping trainee loses its connection (plus its stagger), just before two of its actions are due. */
export const DROP_AT = '03:02:32';
/** `--drop`: how long a dropped trainee stays away before joining again with its seat token, in wall ms. */
export const DROP_FOR_MS = 1500;
/** `--drop`: trainee i drops when i % 10 is this (10% of the class, across the three logs). */
export const DROP_EVERY = 10;

export interface PlannedAction {
  /** Scenario ms the action is due, before the trainee's stagger. */
  readonly offsetMs: number;
  /** The action without `at`. */
  readonly action: Readonly<Record<string, unknown>>;
}

export type LogKind = 'strong' | 'weak' | 'idle';
export const LOG_KINDS: readonly LogKind[] = ['strong', 'weak', 'idle'];

const WEAK = [
  { at: '02:55:00', type: 'announce-role' },
  { at: '03:12:00', type: 'set-priority', level: 'P3' },
  { at: '03:25:00', type: 'notify', audience: 'executives', channel: 'email', message: 'We have an issue with logins. Looking into it.' },
];

interface ScenarioFile {
  readonly clock: { readonly start: string; readonly end: string };
  readonly modelAnswer: { readonly steps: readonly { readonly action: { readonly at: string } & Record<string, unknown> }[] };
}

export function scenarioClock(): ScenarioClock {
  return new ScenarioClock(scenarioFile().clock);
}

function scenarioFile(): ScenarioFile {
  return JSON.parse(readFileSync(`${ROOT}scenarios/${SCENARIO}.json`, 'utf8')) as ScenarioFile;
}

/** The three logs as actions due at scenario offsets, the ones after `untilMs` left out. */
export function plannedLogs(untilMs = Infinity): Record<LogKind, readonly PlannedAction[]> {
  const file = scenarioFile();
  const clock = new ScenarioClock(file.clock);
  const planned = (actions: readonly ({ readonly at: string } & Record<string, unknown>)[]) =>
    actions
      .map(({ at, ...action }) => ({ offsetMs: clock.offsetOf(at), action }))
      .filter((each) => each.offsetMs <= untilMs);
  return { strong: planned(file.modelAnswer.steps.map((step) => step.action)), weak: planned(WEAK), idle: [] };
}

/** Messages between the benchmark and its child processes. */
export interface ChildStart {
  readonly kind: 'start';
  readonly url: string;
  readonly code: string;
  /** The class-wide index of this child's first trainee, and how many it plays. */
  readonly first: number;
  readonly count: number;
  readonly staggerSeconds: number;
  readonly drop: boolean;
  readonly untilMs: number;
  /** Joins in flight at once in this child. */
  readonly concurrency: number;
}

export type ToChild = ChildStart | { readonly kind: 'finish' };

export interface ChildReport {
  readonly kind: 'report';
  readonly ackMs: readonly number[];
  readonly joinMs: readonly number[];
  /** Wall ms from losing the connection to the seat message again: after a drop of its own, and after the server went away. */
  readonly dropRejoinMs: readonly number[];
  readonly serverRejoinMs: readonly number[];
  /** Epoch ms (timeOrigin + now) each trainee saw the reveal. */
  readonly revealSeenAt: readonly number[];
  /** Actions acknowledged per seat: acks received, plus actions the seat message showed stored whose ack was lost. */
  readonly ackedBySeat: Readonly<Record<string, number>>;
  readonly acks: number;
  readonly recovered: number;
  readonly resent: number;
  readonly rejected: Readonly<Record<string, number>>;
  readonly drops: number;
  readonly rejoins: number;
  readonly joinRetries: number;
  readonly failures: readonly string[];
}

export type FromChild = { readonly kind: 'ready' } | { readonly kind: 'joined'; readonly at: number; readonly failed: number } | { readonly kind: 'done'; readonly at: number } | ChildReport;

/** Wall-clock ms comparable across the processes on this machine. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
