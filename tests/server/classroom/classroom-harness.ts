import { Client, type Room } from '@colyseus/sdk';
import { startServer, type RunningServer } from '../../../src/server/start.ts';
import type { ServerMessages } from '../../../src/classroom/messages.ts';
import { ApiClient } from '../support/api-client.ts';
import { freshServerData, disposeServerData, type ServerDataConfig } from '../support/stores.ts';

export const PASSWORD = 'correct horse battery';

/** A server in this process on a fresh embedded database, with an admin signed in to create classrooms. */
export interface ClassroomServer {
  readonly server: RunningServer;
  readonly admin: ApiClient;
  readonly data: ServerDataConfig;
  sdk(): Client;
  create(body?: Partial<{ scenario: string; mode: 'everyone' | 'vote'; exam: boolean; lateJoin: boolean; anonymous: boolean }>): Promise<{ code: string; hostKey: string; joinUrl: string }>;
  /** Stops this server and starts another on the same data, as a restart does. */
  restart(): Promise<ClassroomServer>;
  stop(): Promise<void>;
}

export async function classroomServer(data?: ServerDataConfig, signedIn?: ApiClient): Promise<ClassroomServer> {
  globalThis.WebSocket ??= (await import('ws')).WebSocket as unknown as typeof WebSocket;
  const place = data ?? (await freshServerData('pglite'));
  const server = await startServer({ port: 0, distDir: 'no-build-here', ...place });
  let admin: ApiClient;
  if (signedIn) {
    admin = new ApiClient(server.url);
    await admin.signIn('admin@example.test', PASSWORD);
  } else {
    admin = new ApiClient(server.url);
    const token = new URL(server.setupLink!).searchParams.get('setup');
    const made = await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Admin', password: PASSWORD });
    if (made.status !== 201) throw new Error(`setup failed: ${made.status}`);
  }
  const self: ClassroomServer = {
    server,
    admin,
    data: place,
    sdk: () => new Client(server.url),
    async create(body = {}) {
      const made = await admin.post('/api/classrooms', { scenario: 'acme-chemical', mode: 'everyone', exam: false, ...body });
      if (made.status !== 201) throw new Error(`create failed: ${made.status} ${JSON.stringify(made.body)}`);
      return made.body;
    },
    async restart() {
      await server.close();
      return classroomServer(place, admin);
    },
    async stop() {
      await server.close();
      await disposeServerData(place);
    },
  };
  return self;
}

/** Every message a client got, by type, and a way to wait for the next one that matches. */
export class Inbox {
  private readonly seen: { type: string; message: unknown }[] = [];
  private readonly waiting: { type: string; test: (message: never) => boolean; resolve: (message: never) => void; from: number }[] = [];

  constructor(room: Room) {
    for (const type of ['seat', 'ack', 'reject', 'shared', 'roster', 'removed', 'result', 'results'] as const) {
      room.onMessage(type, (message: unknown) => this.add(type, message));
    }
  }

  all<K extends keyof ServerMessages>(type: K): ServerMessages[K][] {
    return this.seen.filter((entry) => entry.type === type).map((entry) => entry.message as ServerMessages[K]);
  }

  /** The first message of `type` that passes `test`, already seen or still to come. */
  next<K extends keyof ServerMessages>(type: K, test: (message: ServerMessages[K]) => boolean = () => true, timeoutMs = 10_000): Promise<ServerMessages[K]> {
    const found = this.seen.find((entry) => entry.type === type && test(entry.message as ServerMessages[K]));
    if (found) return Promise.resolve(found.message as ServerMessages[K]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push({
        type,
        test: test as (message: never) => boolean,
        resolve: ((message: ServerMessages[K]) => {
          clearTimeout(timer);
          resolve(message);
        }) as (message: never) => void,
        from: this.seen.length,
      });
    });
  }

  private add(type: string, message: unknown): void {
    this.seen.push({ type, message });
    for (const waiter of [...this.waiting]) {
      if (waiter.type === type && waiter.test(message as never)) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.resolve(message as never);
      }
    }
  }
}

/** Waits until `check` holds of the room's state (plain JSON), polling. */
export async function stateSoon<T>(room: Room, check: (state: Record<string, unknown>) => T, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = (room.state as { toJSON(): Record<string, unknown> }).toJSON();
    const value = check(state);
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`state never matched: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function joined(sdk: Client, code: string, options: object): Promise<{ room: Room; inbox: Inbox }> {
  const room = await sdk.joinById(code, options);
  const inbox = new Inbox(room);
  return { room, inbox };
}
