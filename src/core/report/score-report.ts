import type { CanSection } from '../scenario/schema.ts';
import type { Competency } from '../schema-primitives.ts';

/** The score report (CONTRACTS.md §3), with additive extensions documented in README.md. */
export interface ScoreReport {
  readonly scenario: { readonly id: string; readonly version: string; readonly title: string };
  readonly playbook: { readonly id: string; readonly version: string; readonly title: string };
  readonly trainee?: { readonly id: string; readonly name?: string };
  readonly total: Score;
  readonly passed: boolean;
  readonly passPercent: number;
  readonly competencies: readonly CompetencyScore[];
  readonly findings: readonly Finding[];
  readonly can: CanFeedback | null;
  readonly ending: { readonly id: string; readonly title: string; readonly outcome: string } | null;
  /** Why the attempt passed or not (README: the verdict); absent from reports made before engine 0.3.0. */
  readonly verdict?: Verdict;
}

/** Reasons an attempt does not pass, whatever its total. */
export type VerdictCode = 'below-pass-mark' | 'critical-missed' | 'failure-ending' | 'capped-by-ending';

export interface VerdictReason {
  readonly code: VerdictCode;
  readonly message: string;
  /** critical-missed: the finding that failed. */
  readonly finding?: string;
}

export interface Verdict {
  /** The grade after an ending's cap: what a pass is judged on and what exports show. */
  readonly percent: number;
  /** Empty when the attempt passed. */
  readonly reasons: readonly VerdictReason[];
  /** Plain words for the debrief. */
  readonly summary: string;
}

export interface Score {
  readonly points: number;
  readonly max: number;
  readonly percent: number;
}

export interface CompetencyScore extends Score {
  readonly id: Competency;
}

export type FindingStatus = 'on-time' | 'late' | 'missed' | 'avoided' | 'violated' | 'partial';

export interface Finding {
  readonly id: string;
  readonly title: string;
  readonly competency: Competency;
  readonly rule: string;
  readonly met: boolean;
  readonly status: FindingStatus;
  /** When it was due, on the incident clock, or null when due by the end. */
  readonly due: string | null;
  /** When it was met (or violated), or null. */
  readonly at: string | null;
  readonly points: number;
  readonly max: number;
  readonly message: string;
  readonly expected: string;
  readonly observed: string;
  readonly reference: string;
  /** The position in the log (from 0) of the action that met or broke it, when an action did. */
  readonly actionIndex?: number;
  /** A disqualifying item: earning under half of it fails the attempt. */
  readonly critical?: true;
}

export interface CanFactResult {
  readonly id: string;
  readonly label: string;
  readonly section: CanSection;
  readonly foundIn: CanSection | null;
  /** Negative when the report stated a wrong version of the fact. */
  readonly points: number;
  readonly max: number;
  /** The report stated a wrong version of the fact (the wrong system, priority or impact). */
  readonly contradicted?: true;
}

export interface CanFeedback {
  readonly submittedAt: string | null;
  readonly facts: readonly CanFactResult[];
  readonly found: readonly string[];
  readonly missed: readonly string[];
}

export function percentOf(points: number, max: number): number {
  return max <= 0 ? 0 : Math.max(0, Math.min(100, Math.round((points / max) * 100)));
}

export function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}
