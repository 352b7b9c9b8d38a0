/**
 * What a request to the results server came to, as a value the app can branch on: the answer, or one of four
 * kinds of failure. The server answers errors as RFC 9457 problem details; their `detail` is what people read.
 */

/** One field the server did not accept, as problem details list them. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type ApiFailure =
  /** No answer: the network is down, the request timed out, or what answered is not the results API (a static host). */
  | { readonly ok: false; readonly kind: 'offline'; readonly status: number | null; readonly message: string; readonly notApi: boolean }
  /** 401: nobody is signed in, the session ended, or the email and password do not match. */
  | { readonly ok: false; readonly kind: 'signed-out'; readonly status: 401; readonly message: string }
  /** 4xx other than 401: the server will not take this request as it is. */
  | {
      readonly ok: false;
      readonly kind: 'refused';
      readonly status: number;
      readonly message: string;
      readonly errors: readonly FieldError[];
      readonly diagnostics: readonly unknown[];
      /** Seconds to wait, from `Retry-After` (429), when the server said. */
      readonly retryAfterSeconds: number | null;
    }
  /** 5xx, 503 included: the server is there but cannot answer now; try again later. */
  | { readonly ok: false; readonly kind: 'unavailable'; readonly status: number; readonly message: string };

export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly value: T } | ApiFailure;

export const OFFLINE_MESSAGE = 'The results server could not be reached.';
export const UNAVAILABLE_MESSAGE = 'The results server is not available right now.';

/** Whether trying the same request again later can succeed: the server was not reached, was busy, or asked to wait. */
export function isTransient(failure: ApiFailure): boolean {
  return failure.kind === 'offline' || failure.kind === 'unavailable' || (failure.kind === 'refused' && (failure.status === 408 || failure.status === 429));
}

/** The fields of an RFC 9457 body that the app reads; anything missing or of the wrong type is left out. */
export interface Problem {
  readonly title: string | null;
  readonly detail: string | null;
  readonly errors: readonly FieldError[];
  readonly diagnostics: readonly unknown[];
}

export function problemOf(body: unknown): Problem {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const errors = Array.isArray(record.errors)
    ? record.errors.flatMap((item: unknown) => {
        const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
        const message = text(entry.message);
        return message === null ? [] : [{ field: typeof entry.field === 'string' ? entry.field : '', message }];
      })
    : [];
  return { title: text(record.title), detail: text(record.detail), errors, diagnostics: Array.isArray(record.diagnostics) ? record.diagnostics : [] };
}

/** `Retry-After` in whole seconds: a number of seconds, or an HTTP date measured from `now`. */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : null;
}

/** The failure an answer with this status and problem body stands for. */
export function failureOf(status: number, problem: Problem, retryAfter: number | null): ApiFailure {
  const said = problem.detail ?? problem.title;
  if (status === 401) return { ok: false, kind: 'signed-out', status, message: said ?? 'You are not signed in.' };
  if (status >= 500) return { ok: false, kind: 'unavailable', status, message: said ?? UNAVAILABLE_MESSAGE };
  return {
    ok: false,
    kind: 'refused',
    status,
    message: said ?? `The results server refused the request (HTTP ${status}).`,
    errors: problem.errors,
    diagnostics: problem.diagnostics,
    retryAfterSeconds: retryAfter,
  };
}

export function offline(message = OFFLINE_MESSAGE, status: number | null = null, notApi = false): ApiFailure {
  return { ok: false, kind: 'offline', status, message, notApi };
}
