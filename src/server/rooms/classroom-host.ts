import type { Server as HttpServer } from 'node:http';
import { createAuthContext, LocalDriver, LocalPresence, matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { CLASSROOM_ROOM } from '../../classroom/messages.ts';
import { ClassroomRoom } from './classroom-room.ts';
import { provideClassroomServices, type ClassroomServices } from './classroom-services.ts';

export interface ClassroomHost {
  /** The Colyseus server, for tests that look inside rooms. */
  readonly server: Server;
  /** Makes sure the room of a stored classroom lives in some process (this one when nobody has it). */
  ensureRoom(code: string): Promise<void>;
  /** Answers the SDK's matchmaking request (`POST /matchmake/METHOD/ROOM`): only joining by id and reconnecting. */
  matchmake(method: string, roomId: string, body: unknown, headers: Record<string, string | string[] | undefined>, address: string | undefined): Promise<unknown>;
  close(): Promise<void>;
}

/** The matchmaking methods a client may call: rooms are created by the API, never by a client. */
const CLIENT_METHODS = new Set(['joinById', 'reconnect']);

/**
 * Runs the classroom rooms in this process, on the app's own HTTP server: WebSocket upgrades go to Colyseus, and
 * its matchmaking requests come through the app's routes. With `redisUrl`, rooms are shared with other processes
 * through Redis presence and driver; without it this process is alone. Only one per process (Colyseus' matchmaker
 * is process-wide).
 */
export interface ClassroomHostOptions {
  /** Redis, to share rooms with other processes; without it this process is alone. */
  readonly redisUrl?: string;
  /** host:port where clients reach this process's rooms when another process reserved their seat. */
  readonly publicAddress?: string;
}

export async function startClassroomHost(httpServer: HttpServer, services: ClassroomServices, { redisUrl, publicAddress }: ClassroomHostOptions = {}): Promise<ClassroomHost> {
  // Node 20 has no global WebSocket, and reconnection reads WebSocket.OPEN.
  globalThis.WebSocket ??= (await import('ws')).WebSocket as unknown as typeof WebSocket;
  provideClassroomServices(services);
  const { presence, driver } = redisUrl ? await redisBackends(redisUrl) : { presence: new LocalPresence(), driver: new LocalDriver() };
  const transport = new WebSocketTransport({ noServer: true, maxPayload: 64 * 1024 });
  transport.attachToServer(httpServer);
  const gameServer = new Server({ transport, presence, driver, gracefullyShutdown: false, greet: false, ...(publicAddress ? { publicAddress } : {}) });
  gameServer.define(CLASSROOM_ROOM, ClassroomRoom);
  await matchMaker.accept();
  let closing: Promise<void> | undefined;
  const host: ClassroomHost = {
    server: gameServer,
    async ensureRoom(code) {
      if (await matchMaker.getRoomById(code)) return;
      try {
        await matchMaker.createRoom(CLASSROOM_ROOM, { code });
      } catch (error) {
        // Another process made it first: it is there now.
        if (!(await matchMaker.getRoomById(code))) throw error;
      }
    },
    async matchmake(method, roomId, body, headers, address) {
      if (!CLIENT_METHODS.has(method)) throw Object.assign(new Error('Rooms are created through the API, not by clients.'), { code: 403 });
      const flat = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value]));
      return matchMaker.controller.invokeMethod(method, roomId, body ?? {}, createAuthContext({ headers: flat, ...(address ? { remoteAddress: address } : {}) }));
    },
    close: () =>
      (closing ??= (async () => {
        try {
          await matchMaker.gracefullyShutdown();
        } finally {
          transport.shutdown();
          provideClassroomServices(null);
        }
      })()),
  };
  return host;
}

async function redisBackends(redisUrl: string): Promise<{ presence: Presence; driver: matchMaker.MatchMakerDriver }> {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  return { presence: new RedisPresence(redisUrl), driver: new RedisDriver(redisUrl) };
}
