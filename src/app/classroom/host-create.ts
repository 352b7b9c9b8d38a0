import type { CreateClassroom, CreatedClassroom } from '../../classroom/messages.ts';
import { problemOf } from '../api-result.ts';
import type { FetchPort, KeyValueStorage } from '../ports.ts';

/** What `POST /api/classrooms` came to: the new classroom, or what to tell the instructor. */
export type CreateOutcome = { readonly ok: true; readonly created: CreatedClassroom } | { readonly ok: false; readonly status: number; readonly message: string };

/**
 * Creates a classroom on the server. The browser adds the same-origin `Origin` header and the session cookie;
 * the server answers problem details whose `detail` is shown as it is.
 */
export async function createClassroom(fetch: FetchPort, request: CreateClassroom, base = '/api'): Promise<CreateOutcome> {
  let response: Response;
  try {
    response = await fetch(`${base.replace(/\/+$/, '')}/classrooms`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return { ok: false, status: 0, message: 'The server could not be reached. Check the connection and try again.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201 && isCreated(body)) return { ok: true, created: body };
  if (response.status === 401) return { ok: false, status: 401, message: 'Your session has ended. Sign in again as an instructor to run a class.' };
  if (response.status === 403) return { ok: false, status: 403, message: problemOf(body).detail ?? 'Only instructors and administrators can run a class.' };
  const problem = problemOf(body);
  const field = problem.errors[0]?.message;
  return { ok: false, status: response.status, message: problem.detail ?? field ?? `The server could not create the classroom (HTTP ${response.status}).` };
}

function isCreated(body: unknown): body is CreatedClassroom {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.hostKey === 'string' && typeof record.joinUrl === 'string';
}

/** Where this browser keeps a classroom's host key, so the projector page joins again after a reload. */
export function hostKeyName(code: string): string {
  return `bridge-drill:classroom-host:${code}`;
}

export function rememberHostKey(storage: KeyValueStorage, created: CreatedClassroom): void {
  storage.setItem(hostKeyName(created.code), created.hostKey);
}

export function hostKeyOf(storage: KeyValueStorage, code: string): string | null {
  try {
    return storage.getItem(hostKeyName(code));
  } catch {
    return null;
  }
}

/** The projector page of a classroom. */
export function hostAddress(code: string, pathname = '/'): string {
  return `${pathname}?host=${encodeURIComponent(code)}`;
}
