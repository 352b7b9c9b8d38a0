import { walkExpr } from '../expr/walk.ts';
import { effectSites, exprSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';

/** Steps every analysis may take whatever the input's size, so small scenarios are never cut short. */
const FLOOR = 200_000;
/** Further steps per unit of input (a beat, a phase, a transition, an effect, a node of a condition). */
const PER_UNIT = 64;

/**
 * A count of the steps an analysis takes, with a limit proportional to the size of its input. An
 * analysis that runs out stops, keeps what it has proved, and says so in a warning instead of
 * running on: no input can make `check` take more than a bounded multiple of its size.
 */
export class AnalysisBudget {
  used = 0;

  constructor(readonly limit: number) {}

  static forUnits(units: number): AnalysisBudget {
    return new AnalysisBudget(FLOOR + PER_UNIT * units);
  }

  static forScenario(scenario: Scenario): AnalysisBudget {
    return AnalysisBudget.forUnits(scenarioUnits(scenario));
  }

  /** Counts `steps`; false once the limit is passed. */
  spend(steps = 1): boolean {
    this.used += steps;
    return this.used <= this.limit;
  }

  /** Counts `steps` only if they fit in what is left; false, counting nothing, if they do not. */
  afford(steps: number): boolean {
    if (this.used + steps > this.limit) return false;
    this.used += steps;
    return true;
  }

  get exhausted(): boolean {
    return this.used > this.limit;
  }
}

/** The size of a scenario in units of analysis work: its beats, phases, transitions, effects and the nodes of its conditions. */
export function scenarioUnits(scenario: Scenario): number {
  let units = scenario.timeline.length + scenario.phases.length + scenario.endings.length + effectSites(scenario).length;
  for (const site of exprSites(scenario)) walkExpr(site.expr, () => units++);
  return units;
}
