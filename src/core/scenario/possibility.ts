import type { Diagnostic } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import type { Expr } from '../expr/schema.ts';
import type { Scalar } from '../schema-primitives.ts';
import type { ScenarioClock } from '../time.ts';
import { walkExpr } from '../expr/walk.ts';
import { AnalysisBudget } from './analysis-budget.ts';
import { effectSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';
import { VarValues } from './var-values.ts';

/**
 * A conservative "can this ever be true?" analysis over a scenario's variables, beats and times.
 * Which beats can never happen is worked out by propagation: a beat is judged again only when a
 * beat its condition names turns out impossible, so a chain of n beats costs n judgements, not n².
 * The work is counted in `budget`; should it run out, the beats not yet proved impossible are
 * treated as possible (no false warning) and `gaveUp` is set.
 */
export class Possibility {
  private readonly values = new Map<string, VarValues>();
  private readonly beatTimes = new Map<string, number>();
  private readonly impossibleBeats = new Set<string>();
  /** True when the budget ran out before every impossible beat was found. */
  readonly gaveUp: boolean;

  constructor(
    scenario: Scenario,
    private readonly clock: ScenarioClock,
    readonly budget: AnalysisBudget = AnalysisBudget.forScenario(scenario),
  ) {
    for (const [name, value] of Object.entries(scenario.variables ?? {})) {
      const values = new VarValues();
      values.add(value);
      this.values.set(name, values);
    }
    const sets = [...scenario.timeline, ...effectSites(scenario).map((site) => site.effect)];
    for (const effect of sets) if (effect.type === 'set') this.values.get(effect.var)?.add(effect.to);
    for (const beat of scenario.timeline) {
      this.beatTimes.set(beat.id, clock.offsetOf(beat.at));
    }
    this.gaveUp = !this.findImpossibleBeats(scenario.timeline);
  }

  /** The fixed point of "a beat is impossible if its condition cannot hold given the impossible beats so far", by a worklist. */
  private findImpossibleBeats(timeline: Scenario['timeline']): boolean {
    const waiting = new Map<string, number[]>();
    timeline.forEach((beat, i) => {
      if (beat.when === undefined) return;
      walkExpr(beat.when, (expr) => {
        if (typeof expr !== 'object' || !('fired' in expr) || !this.beatTimes.has(expr.fired)) return;
        const list = waiting.get(expr.fired);
        if (list === undefined) waiting.set(expr.fired, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      });
    });
    const queue = timeline.map((_, i) => i);
    const queued = timeline.map(() => true);
    for (let head = 0; head < queue.length; head++) {
      if (!this.budget.spend()) return false;
      const i = queue[head]!;
      queued[i] = false;
      const beat = timeline[i]!;
      if (this.impossibleBeats.has(beat.id)) continue;
      const time = this.beatTimes.get(beat.id) ?? 0;
      if (this.clock.contains(beat.at) && (beat.when === undefined || this.mayHold(beat.when, time))) continue;
      this.impossibleBeats.add(beat.id);
      for (const dependent of waiting.get(beat.id) ?? []) {
        if (queued[dependent] || this.impossibleBeats.has(timeline[dependent]!.id)) continue;
        queued[dependent] = true;
        queue.push(dependent);
      }
    }
    return !this.budget.exhausted;
  }

  /** The values a variable can ever take, or undefined for a name the scenario does not declare. */
  possibleValues(name: string): ReadonlySet<Scalar> | undefined {
    return this.values.get(name)?.values;
  }

  /** The warning that the search for impossible beats was cut short, if it was. */
  limitDiagnostics(doc: JsonDocument): Diagnostic[] {
    if (!this.gaveUp) return [];
    return [
      doc.diagnostic(
        'warning',
        'W_ANALYSIS_LIMIT',
        `stopped looking for beats that can never happen after ${this.budget.limit.toLocaleString('en')} steps, the limit for a scenario this size; some may not be reported`,
        ['timeline'],
      ),
    ];
  }

  beatCanHappen(id: string): boolean {
    return !this.impossibleBeats.has(id);
  }

  /** False only when the condition can certainly never hold (at `time`, if given). */
  mayHold(expr: Expr, time?: number): boolean {
    this.budget.spend();
    if (typeof expr === 'boolean') return expr;
    if ('all' in expr) return expr.all.every((part) => this.mayHold(part, time));
    if ('any' in expr) return expr.any.some((part) => this.mayHold(part, time));
    if ('not' in expr) return !this.mustHold(expr.not, time);
    if ('var' in expr) {
      const possible = this.values.get(expr.var);
      return possible === undefined || possible.some(expr);
    }
    if ('fired' in expr) {
      if (this.impossibleBeats.has(expr.fired)) return false;
      const at = this.beatTimes.get(expr.fired);
      return time === undefined || at === undefined || at <= time;
    }
    if ('after' in expr) {
      const at = this.clock.offsetOf(expr.after);
      return at <= (time ?? this.clock.lengthMs);
    }
    if ('before' in expr) {
      const at = this.clock.offsetOf(expr.before);
      return at > 0 && (time === undefined || time < at);
    }
    return true;
  }

  /** True only when the condition certainly always holds. */
  private mustHold(expr: Expr, time?: number): boolean {
    this.budget.spend();
    if (typeof expr === 'boolean') return expr;
    if ('all' in expr) return expr.all.every((part) => this.mustHold(part, time));
    if ('any' in expr) return expr.any.some((part) => this.mustHold(part, time));
    if ('not' in expr) return !this.mayHold(expr.not, time);
    if ('var' in expr) {
      const possible = this.values.get(expr.var);
      return possible !== undefined && possible.every(expr);
    }
    if ('after' in expr) return time !== undefined && this.clock.offsetOf(expr.after) <= time;
    if ('before' in expr) return time !== undefined && time < this.clock.offsetOf(expr.before);
    return false;
  }

  /** The earliest time a condition could first hold. */
  earliest(expr: Expr): number {
    if (typeof expr === 'boolean') return 0;
    if ('all' in expr) return Math.max(0, ...expr.all.map((part) => this.earliest(part)));
    if ('any' in expr) return Math.min(...expr.any.map((part) => this.earliest(part)));
    if ('fired' in expr) return this.beatTimes.get(expr.fired) ?? 0;
    if ('after' in expr) return this.clock.offsetOf(expr.after);
    return 0;
  }
}
