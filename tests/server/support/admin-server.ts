import { afterAll, beforeAll, expect } from 'vitest';
import { startServerProcess, type ServerEnv, type ServerProcess } from '../../../src/tools/server-process.ts';
import { ApiClient } from './api-client.ts';
import { emptyServerEnv } from './server-env.ts';

export const PASSWORD = 'correct horse battery';

export interface Account {
  readonly api: ApiClient;
  readonly email: string;
  readonly user: { readonly id: string; readonly email: string };
}

export interface AdminServer {
  readonly server: () => ServerProcess;
  /** Signed in as the admin the setup link made. */
  readonly admin: () => ApiClient;
  /** A client signed in as nobody. */
  readonly client: () => ApiClient;
  /** A new account of `role`, made by the admin, signed in on its own client. */
  account(role: 'hr' | 'instructor' | 'trainee', name?: string): Promise<Account>;
}

/**
 * For a describe block: a real server process on a fresh embedded database (or `env`), set up with an admin,
 * started before its tests and stopped after them.
 */
export function useAdminServer(env: () => Promise<ServerEnv> = () => emptyServerEnv('pglite')): AdminServer {
  let server: ServerProcess | undefined;
  let admin: ApiClient | undefined;
  const client = () => new ApiClient(server!.url);
  beforeAll(async () => {
    server = await startServerProcess(await env());
    admin = client();
    const token = new URL(server.setupLink!).searchParams.get('setup');
    expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Ada Admin', password: PASSWORD })).status).toBe(201);
  });
  afterAll(async () => {
    expect(await server!.stop('SIGTERM')).toBe(0);
  });
  return {
    server: () => server!,
    admin: () => admin!,
    client,
    async account(role, name = `A ${role}`) {
      const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const made = await admin!.post('/api/users', { email, name, role, password: PASSWORD });
      expect(made.status).toBe(201);
      const api = client();
      await api.signIn(email, PASSWORD);
      return { api, email, user: made.body.user as { id: string; email: string } };
    },
  };
}
