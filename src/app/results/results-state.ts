import type { CohortSummary } from '../account-types.ts';
import type { AccountState } from '../store.ts';
import type { AttemptSummary } from '../../core/report/attempt-summary.ts';
import type { AttemptsTable, Missed, Overview, RegradeJob, ScenarioVersion } from './results-api.ts';
import type { ResultsQuery } from './results-query.ts';

/** One answer of the results server, as far as it has come. */
export interface Loaded<T> {
  readonly status: 'loading' | 'ready' | 'failed';
  /** The last answer, kept while the next one loads so the screen does not flash empty. */
  readonly value: T | null;
  /** Why it could not be loaded, in words for people. */
  readonly error: string | null;
  /** The HTTP status of a refusal (403, 404), to word it. */
  readonly httpStatus: number | null;
}

/** The results area: the address's query and each part of the screen's answer. */
export interface ResultsState {
  readonly query: ResultsQuery;
  /** Cohorts the account may see, for the cohort filter. */
  readonly cohorts: Loaded<readonly CohortSummary[]>;
  readonly attempts: Loaded<AttemptsTable>;
  readonly overview: Loaded<Overview>;
  /** Item analysis; `httpStatus` 404 with no cohort problem means this server does not offer it yet. */
  readonly missed: Loaded<Missed>;
  /** On a trainee's page: their newest attempts, oldest first, for the progression chart. */
  readonly progression: Loaded<readonly AttemptSummary[]> | null;
  /** An attempt whose record is being fetched to open its debrief, or that could not be opened. */
  readonly opening: { readonly attemptId: string; readonly error: string | null } | null;
  /** HR and admins looking at one scenario: its stored versions, and the regrade started from here. */
  readonly regrade: RegradeState | null;
}

export interface RegradeState {
  readonly scenarioId: string;
  /** The scenario's stored versions, newest first. */
  readonly versions: Loaded<readonly ScenarioVersion[]>;
  /** The regrade started from this screen, as far as it has come. */
  readonly job: RegradeJob | null;
  readonly error: string | null;
}

/** Whether the account may regrade attempts to a new version: HR and admins. */
export function canRegrade(account: AccountState): boolean {
  return account.status === 'signed-in' && (account.user.role === 'hr' || account.user.role === 'admin');
}

/** Whether the account may open the results area: HR and admins see everyone, an instructor their cohorts. */
export function canSeeResults(account: AccountState): boolean {
  return account.status === 'signed-in' && (account.user.role === 'hr' || account.user.role === 'admin' || account.user.role === 'instructor');
}

export const loading = <T>(previous: Loaded<T> | null = null): Loaded<T> => ({ status: 'loading', value: previous?.value ?? null, error: null, httpStatus: null });
