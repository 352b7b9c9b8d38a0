/**
 * What the results area shows, as a value the address holds: the filter, the attempts table's sort and page,
 * the heat map's page, and a trainee or an attempt when one is open. Reading an address and writing one are
 * inverses, so a reload or a shared link shows the same view. Pure: no DOM, no clock.
 */

export const RESULT_SORTS = ['finished', 'grade', 'trainee', 'scenario'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];

export const RESULT_MODES = ['solo', 'classroom', 'coach', 'exam'] as const;
export type ResultMode = (typeof RESULT_MODES)[number];

export type SortOrder = 'asc' | 'desc';

/** Rows of the attempts table on one page. */
export const ATTEMPTS_PAGE_SIZE = 50;
/** Rows of the heat map on one page: enough to scan, few enough that thousands of trainees never freeze the page. */
export const HEAT_PAGE_SIZE = 100;
/** The most attempts a trainee's progression chart shows: the newest ones. */
export const PROGRESSION_LIMIT = 200;
const MAX_PAGE = 100_000;

export interface ResultsFilter {
  readonly cohort: string | null;
  readonly scenario: string | null;
  /** A calendar day, YYYY-MM-DD, in the viewer's time zone: from its first moment. */
  readonly from: string | null;
  /** A calendar day, YYYY-MM-DD: up to its last moment. */
  readonly to: string | null;
  readonly passed: boolean | null;
  readonly mode: ResultMode | null;
}

export interface ResultsQuery extends ResultsFilter {
  readonly sort: ResultSort;
  readonly order: SortOrder;
  /** The attempts table's page, from 1. */
  readonly page: number;
  /** The heat map's page, from 1. */
  readonly heatPage: number;
  /** A trainee's page, by user id. */
  readonly trainee: string | null;
  /** An attempt whose debrief is open, by attempt id. */
  readonly attempt: string | null;
}

export const NO_FILTER: ResultsFilter = { cohort: null, scenario: null, from: null, to: null, passed: null, mode: null };

export const DEFAULT_QUERY: ResultsQuery = { ...NO_FILTER, sort: 'finished', order: 'desc', page: 1, heatPage: 1, trainee: null, attempt: null };

/** The order a column sorts in when it is first chosen: newest and best first, names from A. */
export function firstOrder(sort: ResultSort): SortOrder {
  return sort === 'finished' || sort === 'grade' ? 'desc' : 'asc';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, or null. */
export function dayOrNull(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = DAY.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text.trim() : null;
}

const oneOf = <T extends string>(values: readonly T[], text: string | null): T | null => (text !== null && (values as readonly string[]).includes(text) ? (text as T) : null);

const wholePage = (text: string | null): number => {
  if (text === null || !/^\d{1,6}$/.test(text)) return 1;
  const value = Number(text);
  return value >= 1 && value <= MAX_PAGE ? value : 1;
};

/** An id as the address gives it: trimmed, bounded, or null. The server judges whether it exists. */
const idOrNull = (text: string | null): string | null => {
  const value = text?.trim() ?? '';
  return value === '' || value.length > 200 ? null : value;
};

/** The results view an address names (its `?view=results&…` parameters); anything unreadable falls back to the default. */
export function queryFromParams(params: URLSearchParams): ResultsQuery {
  const get = (name: string) => params.get(name);
  const sort = oneOf(RESULT_SORTS, get('sort')) ?? DEFAULT_QUERY.sort;
  const passedText = get('passed');
  return {
    cohort: idOrNull(get('cohort')),
    scenario: idOrNull(get('scenario')),
    from: dayOrNull(get('from')),
    to: dayOrNull(get('to')),
    passed: passedText === 'true' ? true : passedText === 'false' ? false : null,
    mode: oneOf(RESULT_MODES, get('mode')),
    sort,
    order: oneOf(['asc', 'desc'] as const, get('order')) ?? firstOrder(sort),
    page: wholePage(get('page')),
    heatPage: wholePage(get('hpage')),
    trainee: idOrNull(get('trainee')),
    attempt: idOrNull(get('attempt')),
  };
}

/** The address parameters of a results view, `view=results` first; what is at its default is left out. */
export function paramsOfQuery(query: ResultsQuery): URLSearchParams {
  const params = new URLSearchParams({ view: 'results' });
  const set = (name: string, value: string | null) => {
    if (value !== null) params.set(name, value);
  };
  set('cohort', query.cohort);
  set('scenario', query.scenario);
  set('from', query.from);
  set('to', query.to);
  set('passed', query.passed === null ? null : String(query.passed));
  set('mode', query.mode);
  if (query.sort !== DEFAULT_QUERY.sort || query.order !== firstOrder(query.sort)) {
    set('sort', query.sort);
    set('order', query.order);
  }
  if (query.page !== 1) set('page', String(query.page));
  if (query.heatPage !== 1) set('hpage', String(query.heatPage));
  set('trainee', query.trainee);
  set('attempt', query.attempt);
  return params;
}

/** The query with a filter changed: every page goes back to the first, since what it counted has changed. */
export function withFilter(query: ResultsQuery, change: Partial<ResultsFilter>): ResultsQuery {
  return { ...query, ...change, page: 1, heatPage: 1, attempt: null };
}

/** The query sorted by `sort`: the same column again turns the order round; another starts in its natural order. */
export function withSort(query: ResultsQuery, sort: ResultSort): ResultsQuery {
  const order: SortOrder = query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : firstOrder(sort);
  return { ...query, sort, order, page: 1, attempt: null };
}

/** The filter only, to compare two queries by what they count. */
export function filterOf(query: ResultsFilter): ResultsFilter {
  return { cohort: query.cohort, scenario: query.scenario, from: query.from, to: query.to, passed: query.passed, mode: query.mode };
}

export function sameFilter(a: ResultsFilter, b: ResultsFilter): boolean {
  return a.cohort === b.cohort && a.scenario === b.scenario && a.from === b.from && a.to === b.to && a.passed === b.passed && a.mode === b.mode;
}

export function isFiltered(query: ResultsFilter): boolean {
  return !sameFilter(filterOf(query), NO_FILTER);
}

/** The first moment of a calendar day in the viewer's time zone, as an ISO instant. */
export function startOfDayIso(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

/** The last millisecond of a calendar day in the viewer's time zone, as an ISO instant. */
export function endOfDayIso(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new Date(year, month - 1, date + 1).getTime() - 1).toISOString();
}

/**
 * The API's filter parameters for a query (scenario, trainee, cohort, from, to, passed, mode), as the results
 * routes and the exports read them. `trainee` narrows to one trainee's page.
 */
export function apiFilterParams(query: ResultsFilter & { readonly trainee?: string | null }): URLSearchParams {
  const params = new URLSearchParams();
  if (query.scenario !== null) params.set('scenario', query.scenario);
  if (query.trainee) params.set('trainee', query.trainee);
  if (query.cohort !== null) params.set('cohort', query.cohort);
  if (query.from !== null) params.set('from', startOfDayIso(query.from));
  if (query.to !== null) params.set('to', endOfDayIso(query.to));
  if (query.passed !== null) params.set('passed', String(query.passed));
  if (query.mode !== null) params.set('mode', query.mode);
  return params;
}

/** The number of pages `total` rows fill, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "Showing 51–100 of 4,312": which rows of how many a page holds. */
export function pagingText(page: number, pageSize: number, total: number, noun = 'attempts'): string {
  if (total <= 0) return `No ${noun}`;
  const first = (page - 1) * pageSize + 1;
  if (first > total) return `Page ${page.toLocaleString('en')} is past the end: there are ${total.toLocaleString('en')} ${noun}`;
  const last = Math.min(total, page * pageSize);
  return `Showing ${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}`;
}
