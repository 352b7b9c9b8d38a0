import { passesVarTest } from '../expr/compare.ts';
import type { Expr } from '../expr/schema.ts';
import type { Scalar } from '../schema-primitives.ts';
import type { ScenarioClock } from '../time.ts';
import { effectSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';

/** A conservative "can this ever be true?" analysis over a scenario's variables, beats and times. */
export class Possibility {
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
      this.beatTimes.set(beat.id, clock.offsetOf(beat.at));
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

  /** The values a variable can ever take, or undefined for a name the scenario does not declare. */
  possibleValues(name: string): ReadonlySet<Scalar> | undefined {
    return this.values.get(name);
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
    if (typeof expr === 'boolean') return expr;
    if ('all' in expr) return expr.all.every((part) => this.mustHold(part, time));
    if ('any' in expr) return expr.any.some((part) => this.mustHold(part, time));
    if ('not' in expr) return !this.mayHold(expr.not, time);
    if ('var' in expr) {
      const possible = this.values.get(expr.var);
      return possible !== undefined && [...possible].every((value) => passesVarTest(expr, value));
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
