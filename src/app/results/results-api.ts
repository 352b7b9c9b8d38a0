import { z } from 'zod';
import { AttemptSummarySchema, RegradedGradeSchema } from '../../core/report/attempt-summary.ts';
import { COMPETENCIES } from '../../core/schema-primitives.ts';
import { failureOf, offline, problemOf, retryAfterSeconds, type ApiResult } from '../api-result.ts';
import type { FetchPort } from '../ports.ts';
import { apiFilterParams, type ResultsFilter, type ResultSort, type SortOrder } from './results-query.ts';

/** Counts may come from the database as strings; they are read as numbers either way. */
const Count = z.coerce.number().int().nonnegative();
const Percent = z.coerce.number();
const Competencies = z.partialRecord(z.enum(COMPETENCIES), Percent);

export const AttemptsTableSchema = z.object({
  total: Count,
  page: Count,
  pageSize: Count,
  attempts: z.array(AttemptSummarySchema.extend({ regraded: RegradedGradeSchema.nullable().default(null) })),
});
export type AttemptsTable = z.infer<typeof AttemptsTableSchema>;

export const TraineeRowSchema = z.object({
  traineeId: z.string(),
  traineeName: z.string().nullable(),
  attempts: Count,
  passed: Count,
  meanGradePercent: Percent,
  lastFinishedAt: z.string(),
  competencies: Competencies,
});
export type TraineeRow = z.infer<typeof TraineeRowSchema>;

export const OverviewSchema = z.object({
  trainees: z.array(TraineeRowSchema),
  scenarios: z.array(z.object({ scenarioId: z.string(), attempts: Count, passed: Count })),
  competencies: Competencies,
});
export type Overview = z.infer<typeof OverviewSchema>;

export const MissedSchema = z.object({
  basedOn: Count,
  findings: z.array(
    z.object({
      scenarioId: z.string(),
      findingId: z.string(),
      title: z.string(),
      rule: z.string().nullable().default(null),
      competency: z.string().nullable().default(null),
      missed: Count,
      attempts: Count,
    }),
  ),
});
export type Missed = z.infer<typeof MissedSchema>;

export const ScenarioVersionSchema = z.object({ id: z.string(), version: z.string(), sha256: z.string(), title: z.string().nullable().default(null) });
export type ScenarioVersion = z.infer<typeof ScenarioVersionSchema>;
const ScenarioVersionsSchema = z.object({ scenarios: z.array(ScenarioVersionSchema) });

export const RegradeJobSchema = z.object({ id: z.string(), scenarioId: z.string(), scenarioVersion: z.string(), state: z.enum(['running', 'finished']), total: Count, done: Count, failed: Count });
export type RegradeJob = z.infer<typeof RegradeJobSchema>;
const JobAnswer = z.object({ job: RegradeJobSchema });

/** The filter the results routes take: the area's filter, and a trainee on a trainee's page. */
export type ApiFilter = ResultsFilter & { readonly trainee: string | null };

export interface TableRequest {
  readonly sort: ResultSort;
  readonly order: SortOrder;
  readonly page: number;
  readonly pageSize: number;
}

export interface ResultsApi {
  attempts(filter: ApiFilter, table: TableRequest): Promise<ApiResult<AttemptsTable>>;
  overview(filter: ApiFilter): Promise<ApiResult<Overview>>;
  missed(filter: ApiFilter): Promise<ApiResult<Missed>>;
  /** Every stored scenario version (HR and admins): what attempts can be regraded to. */
  versions(): Promise<ApiResult<readonly ScenarioVersion[]>>;
  startRegrade(scenarioSha256: string): Promise<ApiResult<RegradeJob>>;
  regradeJob(id: string): Promise<ApiResult<RegradeJob>>;
}

/** The results routes over an injected `fetch`, with problem details turned into typed failures as the app's API client does. */
export function createResultsApi(fetchPort: FetchPort, options: { readonly base?: string; readonly timeoutMs?: number } = {}): ResultsApi {
  const base = (options.base ?? '/api').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function get<T>(path: string, params: URLSearchParams, schema: z.ZodType<T>, body?: unknown): Promise<ApiResult<T>> {
    const init: RequestInit =
      body === undefined ? { method: 'GET', credentials: 'same-origin', cache: 'no-store' } : { method: 'POST', credentials: 'same-origin', cache: 'no-store', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') init.signal = AbortSignal.timeout(timeoutMs);
    const search = params.toString();
    let response: Response;
    let text: string;
    try {
      response = await fetchPort(`${base}/${path}${search === '' ? '' : `?${search}`}`, init);
      text = await response.text();
    } catch {
      return offline();
    }
    let data: unknown = null;
    const isJson = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
    if (text.trim() !== '' && isJson) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (response.status >= 200 && response.status < 300) {
      const parsed = schema.safeParse(data);
      return parsed.success
        ? { ok: true, status: response.status, value: parsed.data }
        : { ok: false, kind: 'unavailable', status: response.status, message: 'The results server gave an answer this page does not understand. Reloading the page may help.' };
    }
    return failureOf(response.status, problemOf(data), retryAfterSeconds(response.headers.get('retry-after'), Date.now()));
  }

  return {
    attempts: (filter, table) => {
      const params = apiFilterParams(filter);
      params.set('sort', table.sort);
      params.set('order', table.order);
      params.set('page', String(table.page));
      params.set('pageSize', String(table.pageSize));
      return get('results/attempts', params, AttemptsTableSchema);
    },
    overview: (filter) => get('results/overview', apiFilterParams(filter), OverviewSchema),
    missed: (filter) => get('results/missed', apiFilterParams(filter), MissedSchema),
    versions: async () => {
      const answer = await get('scenario-versions', new URLSearchParams(), ScenarioVersionsSchema);
      return answer.ok ? { ...answer, value: answer.value.scenarios } : answer;
    },
    startRegrade: async (scenarioSha256) => {
      const answer = await get('regrades', new URLSearchParams(), JobAnswer, { scenarioSha256 });
      return answer.ok ? { ...answer, value: answer.value.job } : answer;
    },
    regradeJob: async (id) => {
      const answer = await get(`regrades/${encodeURIComponent(id)}`, new URLSearchParams(), JobAnswer);
      return answer.ok ? { ...answer, value: answer.value.job } : answer;
    },
  };
}

/** The address of a download of every attempt the filter matches. */
export function exportHref(format: 'csv' | 'xlsx', filter: ApiFilter, base = '/api'): string {
  const search = apiFilterParams(filter).toString();
  return `${base.replace(/\/+$/, '')}/exports/attempts.${format}${search === '' ? '' : `?${search}`}`;
}

/** The address of the PDF for the filter: a trainee's record when it names one, otherwise the cohort's results. */
export function pdfHref(filter: ApiFilter, base = '/api'): string {
  const search = apiFilterParams(filter).toString();
  return `${base.replace(/\/+$/, '')}/exports/${filter.trainee === null ? 'cohort' : 'trainee'}.pdf${search === '' ? '' : `?${search}`}`;
}
