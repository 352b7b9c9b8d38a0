import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import { passesVarTest } from '../expr/compare.ts';
import type { Expr } from '../expr/schema.ts';
import type { Scalar } from '../schema-primitives.ts';
import { parseDuration, ScenarioClock } from '../time.ts';
import { effectSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';

/**
 * Graph and timing checks on a scenario whose references are sound: content that can never
 * happen, phases with no way on, endings nobody can reach, and expectations nobody can meet.
 */
export function lintScenario(doc: JsonDocument, scenario: Scenario): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: 'error' | 'warning', code: string, message: string, path: JsonPath) =>
    diagnostics.push(doc.diagnostic(severity, code, message, path));
  const clock = new ScenarioClock(scenario.clock);
  const analysis = new Possibility(scenario, clock);

  scenario.timeline.forEach((beat, i) => {
    if (!clock.contains(beat.at)) {
      report('error', 'E_OUTSIDE_WINDOW', `beat "${beat.id}" at ${beat.at} is outside the clock window ${scenario.clock.start}-${scenario.clock.end}`, ['timeline', i, 'at']);
    } else if (!analysis.beatCanHappen(beat.id)) {
      report('warning', 'W_UNREACHABLE_BEAT', `beat "${beat.id}" can never happen: its condition can never hold at ${beat.at}`, ['timeline', i, 'when']);
    }
  });
  scenario.branches?.forEach((branch, i) => {
    if (!analysis.mayHold(branch.when)) report('warning', 'W_UNREACHABLE_BRANCH', `branch "${branch.id}" can never be taken: its condition can never hold`, ['branches', i, 'when']);
  });
  scenario.reactions?.forEach((reaction, i) => {
    if (reaction.when && !analysis.mayHold(reaction.when)) report('warning', 'W_UNREACHABLE_REACTION', `reaction "${reaction.id}" can never happen: its condition can never hold`, ['reactions', i, 'when']);
  });

  const reachable = new Set<string>([scenario.phases[0]?.id ?? '']);
  const queue = [...reachable];
  const phaseById = new Map(scenario.phases.map((phase) => [phase.id, phase]));
  while (queue.length > 0) {
    const phase = phaseById.get(queue.shift() ?? '');
    for (const transition of phase?.next ?? []) {
      if (!reachable.has(transition.to) && analysis.mayHold(transition.when)) {
        reachable.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  scenario.phases.forEach((phase, i) => {
    if (!reachable.has(phase.id)) {
      report('warning', 'W_UNREACHABLE_PHASE', `phase "${phase.id}" can never be entered from "${scenario.phases[0]?.id}"`, ['phases', i, 'id']);
      return;
    }
    const next = phase.next ?? [];
    if (next.length > 0 && !next.some((transition) => analysis.mayHold(transition.when))) {
      report('warning', 'W_DEAD_END', `phase "${phase.id}" is a dead end: none of its transitions can ever be taken, so it only ends when the clock runs out`, ['phases', i, 'next']);
    }
  });

  const firstUnconditional = scenario.endings.findIndex((ending) => ending.when === undefined);
  scenario.endings.forEach((ending, i) => {
    const byTransition = scenario.phases.some((phase) => reachable.has(phase.id) && (phase.next ?? []).some((t) => t.to === ending.id && analysis.mayHold(t.when)));
    const atClockEnd = (firstUnconditional === -1 || i <= firstUnconditional) && (ending.when === undefined || analysis.mayHold(ending.when));
    if (!byTransition && !atClockEnd) {
      const why = firstUnconditional !== -1 && i > firstUnconditional ? `it comes after "${scenario.endings[firstUnconditional]?.id}", which has no condition` : 'no transition or condition can lead to it';
      report('warning', 'W_UNREACHABLE_ENDING', `ending "${ending.id}" can never be reached: ${why}`, ['endings', i, 'id']);
    }
  });

  scenario.rubric.forEach((item, i) => {
    const path: JsonPath = ['rubric', i];
    if (item.trigger !== undefined && !analysis.mayHold(item.trigger)) {
      report('warning', 'W_NEVER_TRIGGERED', `expectation "${item.id}" never applies: its trigger can never hold`, [...path, 'trigger']);
    }
    if ((item.kind === 'achieve' || item.kind === 'cadence') && !analysis.mayHold(item.expect)) {
      report('error', 'E_IMPOSSIBLE_EXPECTATION', `expectation "${item.id}" can never be met: its condition can never hold`, [...path, 'expect']);
    }
    if (item.kind !== 'cadence' && item.by !== undefined) {
      if (!clock.contains(item.by)) {
        report('error', 'E_OUTSIDE_WINDOW', `expectation "${item.id}" is due at ${item.by}, outside the clock window`, [...path, 'by']);
      } else if (item.trigger !== undefined && (clock.toOffset(item.by) ?? 0) < analysis.earliest(item.trigger)) {
        report('error', 'E_IMPOSSIBLE_EXPECTATION', `expectation "${item.id}" is due at ${item.by}, before its trigger can first happen at ${clock.format(analysis.earliest(item.trigger))}`, [...path, 'by']);
      }
    }
    if (item.kind === 'cadence' && (parseDuration(item.every) ?? 0) >= clock.lengthMs) {
      report('warning', 'W_CADENCE_TOO_LONG', `expectation "${item.id}" asks for an update every ${item.every}, longer than the whole exercise`, [...path, 'every']);
    }
  });
  return diagnostics;
}

/** A conservative "can this ever be true?" analysis over a scenario's variables, beats and times. */
class Possibility {
  private readonly values = new Map<string, Set<Scalar>>();
  private readonly beatTimes = new Map<string, number>();
  private readonly impossibleBeats = new Set<string>();

  constructor(
    scenario: Scenario,
    private readonly clock: ScenarioClock,
  ) {
    for (const [name, value] of Object.entries(scenario.variables ?? {})) this.values.set(name, new Set([value]));
    const sets = [...scenario.timeline, ...effectSites(scenario).map((site) => site.effect)];
    for (const effect of sets) if (effect.type === 'set') this.values.get(effect.var)?.add(effect.to);
    for (const beat of scenario.timeline) {
      this.beatTimes.set(beat.id, clock.toOffset(beat.at) ?? 0);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const beat of scenario.timeline) {
        if (this.impossibleBeats.has(beat.id)) continue;
        const time = this.beatTimes.get(beat.id) ?? 0;
        if (!clock.contains(beat.at) || (beat.when !== undefined && !this.mayHold(beat.when, time))) {
          this.impossibleBeats.add(beat.id);
          changed = true;
        }
      }
    }
  }

  beatCanHappen(id: string): boolean {
    return !this.impossibleBeats.has(id);
  }

  /** False only when the condition can certainly never hold (at `time`, if given). */
  mayHold(expr: Expr, time?: number): boolean {
    if (typeof expr === 'boolean') return expr;
    if ('all' in expr) return expr.all.every((part) => this.mayHold(part, time));
    if ('any' in expr) return expr.any.some((part) => this.mayHold(part, time));
    if ('not' in expr) return !this.mustHold(expr.not, time);
    if ('var' in expr) {
      const possible = this.values.get(expr.var);
      return possible === undefined || [...possible].some((value) => passesVarTest(expr, value));
    }
    if ('fired' in expr) {
      if (this.impossibleBeats.has(expr.fired)) return false;
      const at = this.beatTimes.get(expr.fired);
      return time === undefined || at === undefined || at <= time;
    }
    if ('after' in expr) {
      const at = this.clock.toOffset(expr.after) ?? 0;
      return at <= (time ?? this.clock.lengthMs);
    }
    if ('before' in expr) {
      const at = this.clock.toOffset(expr.before) ?? 0;
      return at > 0 && (time === undefined || time < at);
    }
    return true;
  }

  /** True only when the condition certainly always holds. */
  private mustHold(expr: Expr, time?: number): boolean {
    if (typeof expr === 'boolean') return expr;
    if ('all' in expr) return expr.all.every((part) => this.mustHold(part, time));
    if ('any' in expr) return expr.any.some((part) => this.mustHold(part, time));
    if ('not' in expr) return !this.mayHold(expr.not, time);
    if ('var' in expr) {
      const possible = this.values.get(expr.var);
      return possible !== undefined && [...possible].every((value) => passesVarTest(expr, value));
    }
    if ('after' in expr) return time !== undefined && (this.clock.toOffset(expr.after) ?? 0) <= time;
    if ('before' in expr) return time !== undefined && time < (this.clock.toOffset(expr.before) ?? 0);
    return false;
  }

  /** The earliest time a condition could first hold. */
  earliest(expr: Expr): number {
    if (typeof expr === 'boolean') return 0;
    if ('all' in expr) return Math.max(0, ...expr.all.map((part) => this.earliest(part)));
    if ('any' in expr) return Math.min(...expr.any.map((part) => this.earliest(part)));
    if ('fired' in expr) return this.beatTimes.get(expr.fired) ?? 0;
    if ('after' in expr) return this.clock.toOffset(expr.after) ?? 0;
    return 0;
  }
}
