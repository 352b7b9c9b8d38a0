import { pendingWork } from '../pending-work.ts';
import type { ApiClient } from '../api-client.ts';
import type { ApiFailure, ApiResult } from '../api-result.ts';
import type { AttemptRecord } from '../../core/attempt.ts';
import type { AppStore } from '../store.ts';
import type { ApiFilter, RegradeJob, ResultsApi } from './results-api.ts';
import { ATTEMPTS_PAGE_SIZE, DEFAULT_QUERY, PROGRESSION_LIMIT, filterOf, sameFilter, type ResultsQuery } from './results-query.ts';
import { canRegrade, canSeeResults, loading, type Loaded, type RegradeState, type ResultsState } from './results-state.ts';

/** What the results screen may ask. The address drives it: the router calls `open` for every results address. */
export interface ResultsIntents {
  /** Shows the results area for `query`, loading what the query changes; with `query.attempt`, that attempt's debrief. */
  open(query: ResultsQuery): void;
  /** Loads every part again (after a failure, or to see new attempts). */
  reload(): void;
  /** Regrades the open scenario's attempts to a stored version, following the job until it is done. */
  regrade(scenarioSha256: string): void;
}

export interface RunningResults extends ResultsIntents {
  /** Settles once every request started so far has had its answer (for tests). */
  idle(): Promise<void>;
  dispose(): void;
}

export interface ResultsDeps {
  readonly store: AppStore;
  readonly results: ResultsApi;
  /** The app's API client: the cohorts the account may see, and an attempt's full record. */
  readonly api: Pick<ApiClient, 'cohorts' | 'attempt'>;
  /** Opens a record's debrief (the session controller's openRecord). */
  readonly openRecord: (record: AttemptRecord) => Promise<void> | void;
  /** Called before the screen opens, so a session in progress is kept and stopped. */
  readonly leaveScenario?: () => void;
  /** Waits between two looks at a regrade's progress. */
  readonly wait?: (ms: number) => Promise<void>;
}

/** How often a running regrade's progress is asked for. */
export const REGRADE_POLL_MS = 1000;

const apiFilter = (query: ResultsQuery): ApiFilter => ({ ...filterOf(query), trainee: query.trainee });

/**
 * The results area over the results API: the attempts table one sorted page at a time, the overview (heat map,
 * pass rates), the most missed findings, and on a trainee's page their progression. Only what a new query
 * changes is asked for again, and an answer that arrives after the query or the account changed is dropped.
 */
export function createResultsController({ store, results, api, openRecord, leaveScenario, wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }: ResultsDeps): RunningResults {
  const work = pendingWork();
  const track = work.track;
  /** Whose results are loaded, and for which query; null before the first load. */
  let loadedFor: string | null = null;
  let loadedQuery: ResultsQuery | null = null;
  /** The query waiting for the account to be known. */
  let waiting: ResultsQuery | null = null;

  const userId = (): string | null => {
    const account = store.getState().account;
    return canSeeResults(account) && account.status === 'signed-in' ? account.user.id : null;
  };
  const current = (): ResultsState | null => store.getState().results;
  const patch = (change: (state: ResultsState) => Partial<ResultsState>) => {
    const state = current();
    if (state) store.setState({ results: { ...state, ...change(state) } });
  };

  /** Lands an answer in `key`, unless the account or the part of the query it answered has changed since. */
  function land<T, V = T>(key: 'attempts' | 'overview' | 'missed' | 'progression' | 'cohorts', user: string, still: () => boolean, result: ApiResult<T>, what: string, map: (value: T) => V = (value) => value as unknown as V): void {
    if (loadedFor !== user || !still()) return;
    patch((state) => {
      const previous = state[key] as Loaded<V> | null;
      const next: Loaded<V> = result.ok
        ? { status: 'ready', value: map(result.value), error: null, httpStatus: null }
        : { status: 'failed', value: previous?.value ?? null, error: problem(result, what), httpStatus: result.status };
      return { [key]: next } as Partial<ResultsState>;
    });
  }

  function load(query: ResultsQuery, user: string, force: boolean): void {
    const before = force || loadedFor !== user ? null : loadedQuery;
    loadedFor = user;
    loadedQuery = query;
    const base = current();
    const fresh = !base || before === null;
    const state: ResultsState = base && !fresh
      ? { ...base, query }
      : { query, cohorts: loading(base?.cohorts), attempts: loading(), overview: loading(), missed: loading(), progression: null, opening: null, regrade: base?.regrade ?? null };
    const filterChanged = before === null || !sameFilter(filterOf(before), filterOf(query)) || before.trainee !== query.trainee;
    const tableChanged = filterChanged || before.sort !== query.sort || before.order !== query.order || before.page !== query.page;
    store.setState({
      results: {
        ...state,
        attempts: tableChanged ? loading(state.attempts) : state.attempts,
        overview: filterChanged ? loading(state.overview) : state.overview,
        missed: filterChanged ? loading(state.missed) : state.missed,
        progression: query.trainee === null ? null : filterChanged || !state.progression ? loading(state.progression) : state.progression,
        opening: query.attempt === null ? null : state.opening,
        regrade: regradeFor(query, state.regrade),
      },
    });
    const filter = apiFilter(query);
    const sameTable = () => {
      const now = loadedQuery;
      return now !== null && sameFilter(filterOf(now), filterOf(query)) && now.trainee === query.trainee && now.sort === query.sort && now.order === query.order && now.page === query.page;
    };
    const sameCounts = () => loadedQuery !== null && sameFilter(filterOf(loadedQuery), filterOf(query)) && loadedQuery.trainee === query.trainee;
    if (fresh) void track(api.cohorts().then((result) => land('cohorts', user, () => true, result, 'The cohorts could not be loaded')));
    if (tableChanged) {
      void track(results.attempts(filter, { sort: query.sort, order: query.order, page: query.page, pageSize: ATTEMPTS_PAGE_SIZE }).then((result) => land('attempts', user, sameTable, result, 'The attempts could not be loaded')));
    }
    const regrading = current()?.regrade;
    if (regrading && regrading.versions.status === 'loading') {
      const scenarioId = regrading.scenarioId;
      void track(
        results.versions().then((result) => {
          if (loadedFor !== user || current()?.regrade?.scenarioId !== scenarioId) return;
          patch((now) => ({
            regrade: now.regrade && {
              ...now.regrade,
              versions: result.ok
                ? { status: 'ready', value: result.value.filter((version) => version.id === scenarioId).reverse(), error: null, httpStatus: null }
                : { status: 'failed', value: null, error: problem(result, 'The scenario’s versions could not be loaded'), httpStatus: result.status },
            },
          }));
        }),
      );
    }
    if (filterChanged) {
      void track(results.overview(filter).then((result) => land('overview', user, sameCounts, result, 'The summary could not be loaded')));
      void track(results.missed(filter).then((result) => land('missed', user, sameCounts, result, 'The most missed findings could not be loaded')));
      if (query.trainee !== null) {
        // The newest attempts, drawn oldest first.
        void track(
          results
            .attempts(filter, { sort: 'finished', order: 'desc', page: 1, pageSize: PROGRESSION_LIMIT })
            .then((result) => land('progression', user, sameCounts, result, 'The progression could not be loaded', (table) => [...table.attempts].reverse())),
        );
      }
    }
  }

  /** The regrade panel for a query: HR and admins looking at one scenario; the one already loaded is kept. */
  function regradeFor(query: ResultsQuery, previous: RegradeState | null): RegradeState | null {
    if (query.scenario === null || query.trainee !== null || !canRegrade(store.getState().account)) return null;
    if (previous?.scenarioId === query.scenario) return previous;
    return { scenarioId: query.scenario, versions: loading(), job: null, error: null };
  }

  /** Follows a regrade until it is done, then shows the table again with the new grades beside the old. */
  async function follow(job: RegradeJob, user: string): Promise<void> {
    let shown = job;
    while (shown.state === 'running') {
      await wait(REGRADE_POLL_MS);
      if (loadedFor !== user || current()?.regrade?.job?.id !== job.id) return;
      const next = await results.regradeJob(job.id);
      if (loadedFor !== user || current()?.regrade?.job?.id !== job.id) return;
      if (!next.ok) {
        patch((now) => ({ regrade: now.regrade && { ...now.regrade, error: problem(next, 'The regrade’s progress could not be read') } }));
        return;
      }
      shown = next.value;
      patch((now) => ({ regrade: now.regrade && { ...now.regrade, job: shown, error: null } }));
    }
    const query = current()?.query;
    if (query) load(query, user, true);
  }

  async function openAttempt(attemptId: string, user: string): Promise<void> {
    patch(() => ({ opening: { attemptId, error: null } }));
    const result = await track(api.attempt(attemptId));
    if (loadedFor !== user || current()?.query.attempt !== attemptId || store.getState().screen !== 'results') return;
    if (!result.ok) {
      patch(() => ({ opening: { attemptId, error: problem(result, 'This attempt could not be opened') } }));
      return;
    }
    await openRecord(result.value);
    // The debrief could not be built (its scenario version is unknown here): the notice says why, and the results stay.
    if (store.getState().screen === 'results') patch(() => ({ opening: { attemptId, error: 'This attempt’s debrief could not be shown in this browser.' } }));
  }

  function show(query: ResultsQuery, force: boolean): void {
    const user = userId();
    if (user === null) {
      // Not signed in (yet): the screen says so, and the query waits for the account.
      waiting = query;
      if (store.getState().results !== null) store.setState({ results: null });
      loadedFor = null;
      loadedQuery = null;
      return;
    }
    waiting = null;
    load(query, user, force);
    if (query.attempt !== null) void openAttempt(query.attempt, user);
  }

  // Signing in, out or as someone else: the area loads for whoever may see it, or forgets what it showed.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.account === previous.account) return;
    const user = userId();
    if (user === loadedFor) return;
    const query = waiting ?? state.results?.query ?? DEFAULT_QUERY;
    if (state.screen === 'results') show(query, true);
    else {
      loadedFor = null;
      loadedQuery = null;
      if (state.results !== null) store.setState({ results: null });
    }
  });

  return {
    open(query) {
      leaveScenario?.();
      store.setState({ screen: 'results', scenarioId: null, play: null, debrief: null });
      show(query, false);
    },
    reload() {
      const query = current()?.query ?? waiting ?? DEFAULT_QUERY;
      show({ ...query, attempt: null }, true);
    },
    regrade(scenarioSha256) {
      const user = userId();
      if (user === null || !current()?.regrade) return;
      patch((now) => ({ regrade: now.regrade && { ...now.regrade, error: null } }));
      void track(
        results.startRegrade(scenarioSha256).then(async (result) => {
          if (loadedFor !== user || !current()?.regrade) return;
          if (!result.ok) {
            patch((now) => ({ regrade: now.regrade && { ...now.regrade, error: problem(result, 'The regrade could not be started') } }));
            return;
          }
          patch((now) => ({ regrade: now.regrade && { ...now.regrade, job: result.value } }));
          await follow(result.value, user);
        }),
      );
    },
    idle: work.idle,
    dispose() {
      unsubscribe();
    },
  };
}

/** The server's words for a failure, after what could not be done. */
function problem(failure: ApiFailure, what: string): string {
  if (failure.kind === 'signed-out') return `${what}: you are not signed in any more. Sign in again.`;
  if (failure.kind === 'offline') return `${what}: ${failure.message} Try again in a moment.`;
  return `${what}: ${failure.message}`;
}
