import type { ActionLog, ActionOf } from '../actions/action.ts';
import { describeExpr } from '../expr/describe.ts';
import type { Expr } from '../expr/schema.ts';
import {
  percentOf,
  roundPoints,
  type CanFeedback,
  type CompetencyScore,
  type Finding,
  type FindingStatus,
  type ScoreReport,
} from '../report/score-report.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import type { CanRubric, Expectation } from '../scenario/schema.ts';
import type { SimState } from '../session/state.ts';
import { COMPETENCIES, type Competency } from '../schema-primitives.ts';
import { describeAction } from '../session/describe-action.ts';
import { formatDuration } from '../time.ts';
import { gradeCan } from './can-grader.ts';
import { dueTime, type Observation } from './tracker.ts';
import { verdictOf } from './verdict.ts';

const DEFAULT_PASS_PERCENT = 70;
const LATE_CAN_SHARE = 0.5;
/** Undoing what was achieved while it still had to stand (lowering the priority mid-outage) halves the credit. */
const UNDONE_SHARE = 0.5;

/** The score report from what a tracker observed over a run, as of the run's current state. */
export function reportOf(compiled: CompiledScenario, observations: readonly Observation[], state: SimState, trainee?: ActionLog['trainee']): ScoreReport {
  const { scenario, playbook } = compiled;
  let can: CanFeedback | null = null;
  const findings = observations.flatMap((observation) => {
    const result = judge(observation, compiled, state);
    if (result?.can) can = result.can;
    return result ? [result.finding] : [];
  });

  const competencies: CompetencyScore[] = COMPETENCIES.flatMap((id: Competency) => {
    const own = findings.filter((finding) => finding.competency === id);
    if (own.length === 0) return [];
    const points = roundPoints(own.reduce((sum, f) => sum + f.points, 0));
    const max = own.reduce((sum, f) => sum + f.max, 0);
    return [{ id, points, max, percent: percentOf(points, max) }];
  });
  const points = roundPoints(findings.reduce((sum, f) => sum + f.points, 0));
  const max = findings.reduce((sum, f) => sum + f.max, 0);
  const percent = percentOf(points, max);
  const passPercent = scenario.passPercent ?? DEFAULT_PASS_PERCENT;
  const ending = scenario.endings.find((e) => e.id === state.ending);
  const verdict = verdictOf(percent, passPercent, findings, ending);
  return {
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title },
    playbook: { id: playbook.id, version: playbook.version, title: playbook.title },
    ...(trainee ? { trainee } : {}),
    total: { points, max, percent },
    passed: verdict.reasons.length === 0,
    passPercent,
    competencies,
    findings,
    can,
    ending: ending ? { id: ending.id, title: ending.title, outcome: ending.outcome } : null,
    verdict,
  };
}

interface Judgement {
  readonly finding: Finding;
  readonly can?: CanFeedback;
}

function judge(observation: Observation, compiled: CompiledScenario, state: SimState): Judgement | undefined {
  const { expectation: item } = observation;
  const end = state.now;
  if (observation.triggeredAt === null && item.optional) return undefined;
  const { clock } = compiled;
  if (observation.triggeredAt === null) return judgeUntriggered(item, compiled);
  const triggeredAt = observation.triggeredAt;
  const due = dueTime(observation.timing, triggeredAt);
  const dueText = due === undefined ? null : clock.format(due);
  const triggerText = item.trigger === undefined ? '' : ` after ${item.triggerLabel ?? describeExpr(item.trigger)} (${clock.format(triggeredAt)})`;
  const deadline = dueText === null ? ' by the end of the exercise' : ` by ${dueText}`;
  const hitText = observation.hitBy ? describeAction(observation.hitBy.action, compiled) : 'the condition held.';
  const hitIndex = observation.hitBy?.index ?? null;
  const make = findingMaker(item, compiled, dueText);

  switch (item.kind) {
    case 'achieve': {
      const standUntil = observation.untilAt === null ? 'the end of the exercise' : clock.format(observation.untilAt);
      const expected = `${item.title}${triggerText}${deadline}, standing until ${item.until === undefined ? 'the incident is resolved' : describeExpr(item.until)}.`;
      const hit = observation.hitAt;
      const undone = observation.undoneAt;
      const undoneText = undone.length === 0 ? '' : ` It was undone at ${undone.map((at) => clock.format(at)).join(', ')} while it still had to stand, which halves the credit.`;
      if (hit === null) {
        if (observation.firstHitAt === null) {
          const unanswered = unansweredDecision(item.expect, state, compiled);
          if (unanswered !== undefined) {
            const observed = `Nobody answered "${unanswered}" by the end of the exercise (${clock.format(end)}).`;
            const message = item.feedback?.unanswered ?? defaultMessage('missed', item.title, observed, 0, null);
            return { finding: { ...make('missed', 0, observed, expected, null), message } };
          }
          const before = observation.heldBeforeTrigger
            ? `It held only from before ${item.triggerLabel ?? 'the trigger'} (${clock.format(triggeredAt)}), and work from before the trigger does not count: it had to be done again after.`
            : `Not done by the end of the exercise (${clock.format(end)}).`;
          return { finding: make('missed', 0, before, expected, null) };
        }
        const observed = `Done at ${clock.format(observation.firstHitAt)}, but undone at ${clock.format(undone.at(-1) ?? end)} and not put right by ${standUntil}: what stands is what counts.`;
        return { finding: make('missed', 0, observed, expected, null) };
      }
      const share = undone.length === 0 ? 1 : UNDONE_SHARE;
      if (due === undefined || hit <= due) {
        return { finding: make(share === 1 ? 'on-time' : 'partial', item.points * share, `Done at ${clock.format(hit)}: ${hitText}${undoneText}`, expected, hit, hitIndex) };
      }
      const lateBy = hit - due;
      const inLateWindow = item.late !== undefined && lateBy <= observation.timing.lateWithinMs;
      const latePoints = inLateWindow ? Math.min(item.late?.points ?? 0, item.points) * share : 0;
      const lateText = inLateWindow ? '' : ' Too late to earn points.';
      return { finding: make(inLateWindow ? 'late' : 'missed', latePoints, `Done at ${clock.format(hit)}, ${formatDuration(lateBy)} late: ${hitText}${lateText}${undoneText}`, expected, hit, hitIndex) };
    }
    case 'avoid': {
      const expected = `Avoid: ${describeExpr(item.expect)}${triggerText}${dueText === null ? '' : ` until ${dueText}`}.`;
      const hit = observation.hitAt;
      if (hit === null) return { finding: make('avoided', item.points, 'Avoided throughout.', expected, null) };
      return { finding: make('violated', 0, `Happened at ${clock.format(hit)}: ${hitText}`, expected, hit, hitIndex) };
    }
    case 'cadence': {
      const every = observation.timing.everyMs;
      const stop = observation.untilAt ?? end;
      const updateTimes = observation.updates.map((timed) => timed.at);
      const { met, due } = cadenceWindows(triggeredAt, updateTimes, every, stop);
      const share = due === 0 ? (observation.updates.length > 0 ? 1 : 0) : met / due;
      const expected = `${item.title}: an update at least every ${formatDuration(every)}${triggerText}${observation.untilAt === null ? '' : ` until ${clock.format(observation.untilAt)}`}.`;
      const sent = observation.updates.length === 0 ? 'No update was sent' : `${updateTimes.length} update(s) sent at ${updateTimes.map((t) => clock.format(t)).join(', ')}`;
      const observed = due === 0 ? `${sent}; no full ${formatDuration(every)} period passed before the end.` : `${sent}; ${met} of ${due} period(s) of ${formatDuration(every)} had an update.`;
      const status: FindingStatus = share === 1 ? 'on-time' : share === 0 ? 'missed' : 'partial';
      const first = observation.updates[0];
      return { finding: make(status, item.points * share, observed, expected, first?.at ?? null, first?.index ?? null) };
    }
    case 'can-report': {
      const rubric = compiled.scenario.can;
      if (!rubric) return undefined;
      const expected = `${item.title}${triggerText}${deadline}: the facts that belong under Conditions, Actions and Needs.`;
      const best = bestCanReport(observation.canStates, rubric, due, compiled);
      if (!best) {
        return { finding: make('missed', 0, `No CAN report was given after ${item.triggerLabel ?? 'it was asked for'}.`, expected, null), can: noCanReport(rubric) };
      }
      const { can, fraction, at, late, index } = best;
      const observed = `Report at ${clock.format(at)}${late && due !== undefined ? ` (${formatDuration(at - due)} late, half credit)` : ''}: ${can.found.length} of ${can.facts.length} facts found${can.missed.length > 0 ? `; missing: ${can.facts.filter((f) => f.foundIn === null).map((f) => f.label).join('; ')}` : ''}.`;
      const status: FindingStatus = late ? 'late' : fraction >= 1 ? 'on-time' : fraction === 0 ? 'missed' : 'partial';
      return { finding: make(status, best.points(item.points), observed, expected, at, index), can };
    }
  }
}

/** Of every CAN report given after the trigger, the one that earns most: a later, fuller report can improve on an early one. */
function bestCanReport(states: readonly SimState[], rubric: CanRubric, due: number | undefined, compiled: CompiledScenario) {
  let best: { can: CanFeedback; fraction: number; at: number; late: boolean; index: number; points: (max: number) => number } | undefined;
  for (const state of states) {
    const timed = state.actions.findLast((candidate) => candidate.action.type === 'can-report');
    const action = timed?.action as ActionOf<'can-report'> | undefined;
    if (!timed || !action) continue;
    const { fraction, ...can } = gradeCan(rubric, action, (expr) => compiled.predicate(expr)(state), compiled.clock.format(state.now));
    const late = due !== undefined && state.now > due;
    const share = fraction * (late ? LATE_CAN_SHARE : 1);
    if (!best || share > best.fraction * (best.late ? LATE_CAN_SHARE : 1)) best = { can, fraction, at: state.now, late, index: timed.index, points: (max) => max * share };
  }
  return best;
}

type FindingMaker = (status: FindingStatus, points: number, observed: string, expected: string, at: number | null, actionIndex?: number | null) => Finding;

/** Builds an expectation's findings: what every finding of it shares, plus the outcome. */
function findingMaker(item: Expectation, compiled: CompiledScenario, due: string | null): FindingMaker {
  const rule = compiled.playbook.rules.find((r) => r.id === item.rule);
  const feedbackKey = (status: FindingStatus) => (status === 'on-time' || status === 'avoided' ? 'met' : status === 'late' || status === 'partial' ? 'late' : 'missed');
  return (status, points, observed, expected, at, actionIndex = null) => ({
    id: item.id,
    title: item.title,
    competency: item.competency,
    rule: item.rule,
    met: status === 'on-time' || status === 'avoided',
    status,
    due,
    at: at === null ? null : compiled.clock.format(at),
    points: roundPoints(points),
    max: item.points,
    message: item.feedback?.[feedbackKey(status)] ?? defaultMessage(status, item.title, observed, points, at),
    expected,
    observed,
    reference: `${compiled.playbook.id} §${rule?.section ?? item.rule}`,
    ...(actionIndex === null ? {} : { actionIndex }),
    ...(item.critical ? { critical: true as const } : {}),
  });
}

/** An expectation whose trigger never happened: missed, except that an avoid was avoided. */
function judgeUntriggered(item: Expectation, compiled: CompiledScenario): Judgement {
  const make = findingMaker(item, compiled, null);
  const trigger = item.trigger === undefined ? 'the start' : (item.triggerLabel ?? describeExpr(item.trigger));
  const observed = `It never came due, because this never happened: ${trigger}.`;
  const expected = `${item.title} after ${trigger}.`;
  if (item.kind === 'avoid') return { finding: make('avoided', item.points, `Avoided: ${observed}`, expected, null) };
  const rubric = compiled.scenario.can;
  return { finding: make('missed', 0, observed, expected, null), ...(item.kind === 'can-report' && rubric ? { can: noCanReport(rubric) } : {}) };
}

function noCanReport(rubric: CanRubric): CanFeedback {
  const { fraction: _fraction, ...can } = gradeCan(rubric, undefined, () => false, null);
  return can;
}

/**
 * Splits the time from the trigger to the stop into whole periods of `every` and counts those
 * with at least one update. Many updates in one period count once, so sending more never pays.
 */
export function cadenceWindows(start: number, updates: readonly number[], every: number, stop: number): { met: number; due: number } {
  if (!(every > 0)) return { met: 0, due: 0 };
  const due = Math.max(0, Math.floor((stop - start) / every));
  let met = 0;
  for (let window = 0; window < due; window++) {
    const from = start + window * every;
    if (updates.some((update) => update >= from && update < from + every)) met++;
  }
  return { met, due };
}

/** The generated message: what happened in a word, then what was observed. */
function defaultMessage(status: FindingStatus, title: string, observed: string, points: number, at: number | null): string {
  switch (status) {
    case 'on-time':
    case 'avoided':
      return `${title}: done. ${observed}`;
    case 'late':
      return points > 0 ? `${title}: done late. ${observed}` : `${title}: done late, for no points. ${observed}`;
    case 'partial':
      return `${title}: only partly done. ${observed}`;
    case 'violated':
      return `${title}: broken. ${observed}`;
    default:
      return at === null ? `${title}: not done. ${observed}` : `${title}: done, but it earned no points. ${observed}`;
  }
}

/**
 * The prompt of a decision the expectation wants a particular answer to, when nobody answered it
 * at all: then a custom "missed" message, written for a wrong answer, does not apply.
 */
function unansweredDecision(expect: Expr, state: SimState, compiled: CompiledScenario): string | undefined {
  const required = typeof expect === 'object' && 'all' in expect ? expect.all : [expect];
  for (const part of required) {
    if (typeof part !== 'object' || !('decided' in part) || part.choice === undefined) continue;
    if (state.decisions[part.decided] === undefined) return compiled.scenario.decisions?.find((d) => d.id === part.decided)?.prompt ?? part.decided;
  }
  return undefined;
}
