import { z } from 'zod';
import { parseAttempt, type AttemptRecord } from '../core/attempt.ts';
import {
  AssignmentSchema,
  CohortDetailSchema,
  CohortSummarySchema,
  InviteOutcomeSchema,
  InviteSchema,
  PublishAnswerSchema,
  ScenarioVersionSchema,
  SessionSchema,
  MeSchema,
  PublishedScenarioSchema,
  SetupSchema,
  UserAnswerSchema,
  VersionTextSchema,
  type Assignment,
  type CohortDetail,
  type CohortSummary,
  type Invite,
  type InviteOutcome,
  type PublishAnswer,
  type ScenarioVersion,
  type Me,
  type PublishedScenario,
  type User,
  type VersionText,
} from './account-types.ts';
import { failureOf, offline, problemOf, retryAfterSeconds, type ApiResult } from './api-result.ts';
import type { FetchPort, ResultsPort, WallClock } from './ports.ts';

export interface AttemptsPage {
  /** Newest first. Records the app cannot read are left out. */
  readonly attempts: readonly AttemptRecord[];
  /** The cursor for the next (older) page, or null at the end. */
  readonly next: string | null;
}

/** The results server's HTTP API, as the browser uses it. Every method settles with an `ApiResult`; none rejects. */
export interface ApiClient extends ResultsPort {
  /** Who is signed in, or null: answers 200 either way, so a signed-out page load logs no error. */
  session(): Promise<ApiResult<User | null>>;
  me(): Promise<ApiResult<Me>>;
  signIn(email: string, password: string): Promise<ApiResult<User>>;
  signOut(): Promise<ApiResult<null>>;
  setup(token: string): Promise<ApiResult<'setup'>>;
  completeSetup(token: string, fields: { email: string; name: string; password: string }): Promise<ApiResult<User>>;
  invite(token: string): Promise<ApiResult<Invite>>;
  acceptInvite(token: string, fields: { name?: string; password: string }): Promise<ApiResult<User>>;
  /** A page of attempts, newest first; `cohort` narrows them to that cohort's members (instructors, admin, HR). */
  attempts(page?: { readonly after?: string | null; readonly limit?: number; readonly cohort?: string }): Promise<ApiResult<AttemptsPage>>;
  attempt(attemptId: string): Promise<ApiResult<AttemptRecord>>;
  drafts(): Promise<ApiResult<readonly AttemptRecord[]>>;
  assignments(): Promise<ApiResult<readonly Assignment[]>>;
  scenarios(): Promise<ApiResult<readonly PublishedScenario[]>>;
  version(kind: 'scenario' | 'playbook', sha256: string): Promise<ApiResult<VersionText>>;
  cohorts(): Promise<ApiResult<readonly CohortSummary[]>>;
  createCohort(name: string): Promise<ApiResult<CohortSummary>>;
  cohort(id: string): Promise<ApiResult<CohortDetail>>;
  inviteToCohort(cohortId: string, emails: readonly string[]): Promise<ApiResult<readonly InviteOutcome[]>>;
  /** Checks and stores a scenario file and publishes it to `cohorts`; a 422 carries the file's diagnostics. */
  publishScenario(text: string, cohorts: readonly string[]): Promise<ApiResult<PublishAnswer>>;
  scenarioVersions(): Promise<ApiResult<readonly ScenarioVersion[]>>;
  assign(cohortId: string, scenarioSha256: string, dueAt: string | null): Promise<ApiResult<Assignment>>;
}

export interface ApiClientOptions {
  /** Where the API lives on this origin; `/api` unless the app is served under another base. */
  readonly base?: string;
  /** A request with no answer after this long counts as offline. */
  readonly timeoutMs?: number;
  readonly wallClock?: WallClock;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The attempt record a server answers with: the record itself (CONTRACTS §7), or, from earlier servers, `{ attempt }`. */
const AttemptAnswer = z.object({ attempt: z.unknown() });
function recordIn(data: unknown): unknown {
  const wrapped = AttemptAnswer.safeParse(data);
  return wrapped.success && !(typeof data === 'object' && data !== null && 'attemptId' in data) ? wrapped.data.attempt : data;
}
const DraftAnswer = z.object({ kept: z.enum(['stored', 'newer-exists']) });
const AttemptList = z.object({ attempts: z.array(z.unknown()), next: z.string().nullable().default(null) });
const DraftList = z.object({ drafts: z.array(z.unknown()) });
const Assignments = z.object({ assignments: z.array(z.unknown()) });
const Scenarios = z.object({ scenarios: z.array(z.unknown()) });
const Cohorts = z.object({ cohorts: z.array(z.unknown()) });
const CohortAnswer = z.object({ cohort: CohortSummarySchema });
const InviteAnswer = z.object({ invites: z.array(InviteOutcomeSchema) });
const AssignmentAnswer = z.object({ assignment: AssignmentSchema });

/** Reads each item with `read`, leaving out those it cannot: one bad record never hides the rest. */
function readable<T>(items: readonly unknown[], read: (item: unknown) => T | undefined): T[] {
  return items.flatMap((item) => {
    const value = read(item);
    return value === undefined ? [] : [value];
  });
}

const attemptOf = (item: unknown): AttemptRecord | undefined => {
  const parsed = parseAttempt(item);
  return parsed.ok ? parsed.attempt : undefined;
};

const schemaReader =
  <T>(schema: z.ZodType<T>) =>
  (item: unknown): T | undefined => {
    const parsed = schema.safeParse(item);
    return parsed.success ? parsed.data : undefined;
  };

/** The API client over an injected `fetch`: same-origin JSON, with problem details turned into typed failures. */
export function createApiClient(fetchPort: FetchPort, options: ApiClientOptions = {}): ApiClient {
  const base = (options.base ?? '/api').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;
  const now = options.wallClock ?? (() => Date.now());
  const path = (...parts: string[]) => `${base}/${parts.map(encodeURIComponent).join('/')}`;

  /**
   * One request. The answer is read as JSON whatever its status; an answer that is not JSON came from something
   * other than the results API (a static host serving the app's page), which counts as offline.
   */
  async function request<T>(method: Method, url: string, body: unknown, read: (data: unknown, status: number) => ApiResult<T>, extra: { keepalive?: boolean } = {}): Promise<ApiResult<T>> {
    const init: RequestInit = { method, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    if (extra.keepalive) init.keepalive = true;
    else if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') init.signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetchPort(url, init);
    } catch {
      return offline();
    }
    const contentType = response.headers.get('content-type') ?? '';
    let text = '';
    try {
      text = await response.text();
    } catch {
      return offline();
    }
    const isJson = /\bjson\b/i.test(contentType);
    let data: unknown = null;
    if (text.trim() !== '') {
      if (!isJson) return answerOfSomethingElse(response.status);
      try {
        data = JSON.parse(text);
      } catch {
        return answerOfSomethingElse(response.status);
      }
    } else if (response.status !== 204 && (response.status < 400 || response.status === 404)) {
      // An empty 200 or 404 is not how the API answers: there is no API behind this address.
      return answerOfSomethingElse(response.status);
    }
    if (response.status >= 200 && response.status < 300) return read(data, response.status);
    return failureOf(response.status, problemOf(data), retryAfterSeconds(response.headers.get('retry-after'), now()));
  }

  function answerOfSomethingElse(status: number): ApiResult<never> {
    if (status >= 500) return failureOf(status, problemOf(null), null);
    return offline('There is no results server here.', status, true);
  }

  /** Reads a successful answer with a schema; an answer of the wrong shape means a server this app does not understand. */
  const shaped =
    <S, T>(schema: z.ZodType<S>, map: (value: S) => T) =>
    (data: unknown, status: number): ApiResult<T> => {
      const parsed = schema.safeParse(data);
      if (!parsed.success) return { ok: false, kind: 'unavailable', status, message: 'The results server gave an answer this page does not understand. Reloading the page may help.' };
      return { ok: true, status, value: map(parsed.data) };
    };
  const nothing = (_data: unknown, status: number): ApiResult<null> => ({ ok: true, status, value: null });

  const attemptAnswer = (data: unknown, status: number): ApiResult<{ stored: 'created' | 'existed'; attempt: AttemptRecord }> => {
    const attempt = attemptOf(recordIn(data));
    if (!attempt) return { ok: false, kind: 'unavailable', status, message: 'The results server stored the attempt but answered with a record this page cannot read.' };
    return { ok: true, status, value: { stored: status === 201 ? 'created' : 'existed', attempt } };
  };

  return {
    session: () => request('GET', path('session'), undefined, shaped(SessionSchema, (answer) => answer.user)),
    me: () => request('GET', path('me'), undefined, shaped(MeSchema, (me) => me)),
    signIn: (email, password) => request('POST', path('session'), { email, password }, shaped(UserAnswerSchema, (answer) => answer.user)),
    signOut: () => request('DELETE', path('session'), undefined, nothing),
    setup: (token) => request('GET', path('setup', token), undefined, shaped(SetupSchema, (answer) => answer.kind)),
    completeSetup: (token, fields) => request('POST', path('setup', token), fields, shaped(UserAnswerSchema, (answer) => answer.user)),
    invite: (token) => request('GET', path('invites', token), undefined, shaped(InviteSchema, (invite) => invite)),
    acceptInvite: (token, fields) => request('POST', path('invites', token), fields, shaped(UserAnswerSchema, (answer) => answer.user)),
    attempts: (page = {}) => {
      const query = new URLSearchParams();
      if (page.limit !== undefined) query.set('limit', String(page.limit));
      if (page.after) query.set('after', page.after);
      if (page.cohort) query.set('cohort', page.cohort);
      const search = query.toString();
      return request('GET', `${path('attempts')}${search === '' ? '' : `?${search}`}`, undefined, shaped(AttemptList, (list) => ({ attempts: readable(list.attempts, attemptOf), next: list.next })));
    },
    attempt: (attemptId) =>
      request('GET', path('attempts', attemptId), undefined, (data, status) => {
        const attempt = attemptOf(recordIn(data));
        return attempt ? { ok: true, status, value: attempt } : { ok: false, kind: 'unavailable', status, message: 'The results server answered with an attempt record this page cannot read.' };
      }),
    drafts: () => request('GET', path('drafts'), undefined, shaped(DraftList, (list) => readable(list.drafts, attemptOf))),
    assignments: () => request('GET', path('assignments'), undefined, shaped(Assignments, (list) => readable(list.assignments, schemaReader(AssignmentSchema)))),
    scenarios: () => request('GET', path('scenarios'), undefined, shaped(Scenarios, (list) => readable(list.scenarios, schemaReader(PublishedScenarioSchema)))),
    version: (kind, sha256) => request('GET', path('versions', kind, sha256), undefined, shaped(VersionTextSchema, (version) => version)),
    submitAttempt: (attempt) => request('POST', path('attempts'), attempt, attemptAnswer),
    putDraft: (attempt, extra = {}) => request('PUT', path('drafts', attempt.attemptId), attempt, shaped(DraftAnswer, (answer) => answer), extra.keepalive ? { keepalive: true } : {}),
    deleteDraft: (attemptId) => request('DELETE', path('drafts', attemptId), undefined, nothing),
    cohorts: () => request('GET', path('cohorts'), undefined, shaped(Cohorts, (list) => readable(list.cohorts, schemaReader(CohortSummarySchema)))),
    createCohort: (name) => request('POST', path('cohorts'), { name }, shaped(CohortAnswer, (answer) => answer.cohort)),
    cohort: (id) => request('GET', path('cohorts', id), undefined, shaped(CohortDetailSchema, (detail) => detail)),
    inviteToCohort: (cohortId, emails) => request('POST', path('cohorts', cohortId, 'invites'), { emails }, shaped(InviteAnswer, (answer) => answer.invites)),
    publishScenario: (text, cohorts) => request('POST', path('scenarios'), { text, cohorts }, shaped(PublishAnswerSchema, (answer) => answer)),
    scenarioVersions: () => request('GET', path('scenario-versions'), undefined, shaped(Scenarios, (list) => readable(list.scenarios, schemaReader(ScenarioVersionSchema)))),
    assign: (cohortId, scenarioSha256, dueAt) => request('POST', path('cohorts', cohortId, 'assignments'), { scenarioSha256, dueAt }, shaped(AssignmentAnswer, (answer) => answer.assignment)),
  };
}
