import type { Competency } from '../schema-primitives.ts';

/** How many of a scenario's attempts in a filter passed. */
export interface ScenarioPassRate {
  readonly scenarioId: string;
  readonly attempts: number;
  readonly passed: number;
}

/** A finding of the item analysis: how often the attempts graded on it missed it. */
export interface MissedFinding {
  readonly scenarioId: string;
  readonly findingId: string;
  readonly title: string;
  /** The playbook rule the finding cites. */
  readonly rule: string;
  readonly competency: Competency | null;
  /** Of the attempts graded on this finding, how many missed it. */
  readonly missed: number;
  readonly attempts: number;
}
