import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/app/api-client.ts';
import type { FetchPort } from '../../src/app/ports.ts';
import { finishedAttempt } from './account-fixtures.ts';
import { FakeResultsServer } from './fake-results-server.ts';

/** A fetch that answers every request with one response, and records what it was asked. */
function answering(response: () => Response | Promise<Response>): { fetch: FetchPort; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return response();
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const problem = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', status, ...body }), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

describe('the API client', () => {
  it('asks the same origin for JSON, with the cookie, and reads who is signed in', async () => {
    const { fetch, calls } = answering(() => json(200, { user: { id: 'u1', email: 'dana@example.org', name: 'Dana Reyes', role: 'trainee', createdAt: '2026-01-01T00:00:00Z', extra: 1 }, cohorts: [{ id: 'c1', name: 'Spring', instructorId: 'i', memberCount: 3 }] }));
    const result = await createApiClient(fetch).me();
    expect(result).toEqual({ ok: true, status: 200, value: { user: { id: 'u1', email: 'dana@example.org', name: 'Dana Reyes', role: 'trainee', createdAt: '2026-01-01T00:00:00Z' }, cohorts: [{ id: 'c1', name: 'Spring' }] } });
    expect(calls[0]?.url).toBe('/api/me');
    expect(calls[0]?.init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
  });

  it('sends JSON bodies with their content type, and escapes tokens in the path', async () => {
    const { fetch, calls } = answering(() => json(201, { user: { id: 'u1', email: 'a@b.c', name: 'A', role: 'admin' } }));
    const api = createApiClient(fetch, { base: '/drill/api/' });
    await api.completeSetup('a/b?c', { email: 'a@b.c', name: 'A', password: 'correct horse' });
    expect(calls[0]?.url).toBe('/drill/api/setup/a%2Fb%3Fc');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ email: 'a@b.c', name: 'A', password: 'correct horse' });
  });

  it('turns a network error into "offline", and never throws', async () => {
    const throwing: FetchPort = () => {
      throw new TypeError('Failed to fetch');
    };
    const rejecting: FetchPort = () => Promise.reject(new TypeError('Failed to fetch'));
    for (const fetch of [throwing, rejecting]) {
      const result = await createApiClient(fetch).signIn('a@b.c', 'pw');
      expect(result).toMatchObject({ ok: false, kind: 'offline', notApi: false });
    }
  });

  it('reads 401 as signed out, with the server’s detail', async () => {
    const { fetch } = answering(() => problem(401, { title: 'Unauthorized', detail: 'The email or password is not right.' }));
    expect(await createApiClient(fetch).signIn('a@b.c', 'wrong')).toEqual({ ok: false, kind: 'signed-out', status: 401, message: 'The email or password is not right.' });
  });

  it('reads other 4xx as refused, with the detail, field errors, diagnostics and Retry-After', async () => {
    const { fetch } = answering(() =>
      problem(422, { title: 'Invalid attempt', detail: 'The server does not have scenario acme-chemical 9.9.9.', errors: [{ field: 'scenario', message: 'unknown version' }, { nonsense: true }], diagnostics: [{ code: 'E_LOG_UNKNOWN' }] }),
    );
    const result = await createApiClient(fetch).submitAttempt(finishedAttempt(1, 1_700_000_000_000));
    expect(result).toEqual({
      ok: false,
      kind: 'refused',
      status: 422,
      message: 'The server does not have scenario acme-chemical 9.9.9.',
      errors: [{ field: 'scenario', message: 'unknown version' }],
      diagnostics: [{ code: 'E_LOG_UNKNOWN' }],
      retryAfterSeconds: null,
    });
    const slow = answering(() => problem(429, { title: 'Too many tries' }, { 'retry-after': '120' }));
    expect(await createApiClient(slow.fetch).signIn('a@b.c', 'pw')).toMatchObject({ kind: 'refused', status: 429, message: 'Too many tries', retryAfterSeconds: 120 });
  });

  it('reads 5xx as unavailable, with the detail when there is one', async () => {
    const down = answering(() => problem(503, { title: 'Service Unavailable', detail: 'The database does not answer.' }));
    expect(await createApiClient(down.fetch).me()).toEqual({ ok: false, kind: 'unavailable', status: 503, message: 'The database does not answer.' });
    const proxy = answering(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(await createApiClient(proxy.fetch).me()).toMatchObject({ ok: false, kind: 'unavailable', status: 502 });
  });

  it('takes a static host’s page, or an empty 404, for "no server here"', async () => {
    const page = answering(() => new Response('<!doctype html><title>Bridge Drill</title>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await createApiClient(page.fetch).me()).toMatchObject({ ok: false, kind: 'offline', notApi: true });
    const empty = answering(() => new Response(null, { status: 404 }));
    expect(await createApiClient(empty.fetch).me()).toMatchObject({ ok: false, kind: 'offline', notApi: true });
  });

  it('does not pass on an answer of the wrong shape as success', async () => {
    const { fetch } = answering(() => json(200, { user: { id: 'u1' } }));
    expect(await createApiClient(fetch).me()).toMatchObject({ ok: false, kind: 'unavailable', status: 200 });
  });

  it('tells a new attempt (201) from one already stored (200), and reads the stored record back', async () => {
    const server = new FakeResultsServer();
    server.session = server.addUser('dana@example.org', 'pw', { name: 'Dana Reyes' });
    const api = createApiClient(server.fetch);
    const attempt = finishedAttempt(7, 1_700_000_000_000);
    const first = await api.submitAttempt(attempt);
    const again = await api.submitAttempt(attempt);
    expect(first.ok && first.value.stored).toBe('created');
    expect(again.ok && again.value.stored).toBe('existed');
    expect(again.ok && again.value.attempt.trainee).toEqual({ id: 'u-1', name: 'Dana Reyes' });
    expect(server.attempts.size).toBe(1);
  });

  it('pages through the attempts with the cursor the server gives, and leaves out records it cannot read', async () => {
    const server = new FakeResultsServer();
    server.session = server.addUser('dana@example.org', 'pw');
    for (let n = 1; n <= 5; n++) server.attempts.set(finishedAttempt(n, 1_700_000_000_000 + n * 60_000).attemptId, finishedAttempt(n, 1_700_000_000_000 + n * 60_000));
    const api = createApiClient(server.fetch);
    const first = await api.attempts({ limit: 2 });
    if (!first.ok) throw new Error(first.message);
    expect(first.value.attempts.map((record) => record.attemptId.slice(-1))).toEqual(['5', '4']);
    const second = await api.attempts({ limit: 2, after: first.value.next });
    expect(second.ok && second.value.attempts.map((record) => record.attemptId.slice(-1))).toEqual(['3', '2']);
    expect(server.requests.at(-1)?.url).toBe(`/api/attempts?limit=2&after=${first.value.next}`);

    const odd = answering(() => json(200, { attempts: [{ attemptId: 'not a record' }, finishedAttempt(9, 1_700_000_000_000)], next: null }));
    const read = await createApiClient(odd.fetch).attempts();
    expect(read.ok && read.value.attempts.map((record) => record.attemptId)).toEqual([finishedAttempt(9, 1_700_000_000_000).attemptId]);
  });

  it('puts a draft with keepalive when asked, and deletes it with 204', async () => {
    const server = new FakeResultsServer();
    server.session = server.addUser('dana@example.org', 'pw');
    const api = createApiClient(server.fetch);
    const draft = { ...finishedAttempt(3, 1_700_000_000_000), finishedAt: null, report: null };
    expect(await api.putDraft(draft, { keepalive: true })).toMatchObject({ ok: true, value: { kept: 'stored' } });
    expect(server.requests.at(-1)).toMatchObject({ method: 'PUT', url: `/api/drafts/${draft.attemptId}`, keepalive: true });
    expect(await api.deleteDraft(draft.attemptId)).toEqual({ ok: true, status: 204, value: null });
    expect(server.drafts.size).toBe(0);
  });
});
