import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.ts';
import { acmeAttempt } from '../support/attempts.ts';
import { emptyServerEnv } from '../support/server-env.ts';
import { startServerProcess, type ServerProcess } from '../../../src/tools/server-process.ts';

const PASSWORD = 'correct horse battery';

/** Runs SQL on the PostgreSQL server (its maintenance database), not on the one the server uses. */
async function onServer(databaseUrl: string, sql: string): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('when PostgreSQL stops answering', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 503 with a problem, keeps nothing half-written, and recovers when the database is back', async () => {
    const env = await emptyServerEnv('postgres');
    const databaseUrl = env.databaseUrl!;
    const name = new URL(databaseUrl).pathname.slice(1);
    server = await startServerProcess(env);
    const admin = new ApiClient(server.url);
    const token = new URL(server.setupLink!).searchParams.get('setup');
    expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Admin', password: PASSWORD })).status).toBe(201);

    await onServer(databaseUrl, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await onServer(databaseUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    const attempt = acmeAttempt();
    const refused = await admin.post('/api/attempts', attempt);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect((await admin.get('/api/health')).body).toEqual({ ok: false, database: 'postgres' });

    await onServer(databaseUrl, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    expect((await admin.get('/api/health')).status).toBe(200);
    expect((await admin.post('/api/attempts', attempt)).status).toBe(201);
    expect((await admin.post('/api/attempts', attempt)).status).toBe(200);
  });
});
