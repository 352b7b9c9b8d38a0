import { backoff as startBackoff } from '../backoff.ts';
import type { Scheduler } from '../ports.ts';
import type { JoinOptions, RoomSnapshot, ServerMessages } from './classroom-types.ts';

/**
 * One client's connection to a classroom room (CONTRACTS §9), for the trainee's device and the projector alike.
 *
 * It joins with `join`. A short drop is the SDK's: it takes the same connection back (status `open`, `fresh`
 * false; the server sends nothing again). When the SDK gives up, or the room closes abnormally (a server
 * restart closes with SERVER_SHUTDOWN), the link joins again with what `rejoin()` returns, waiting 1 s, 2 s,
 * 4 s… up to 10 s between tries (status `reconnecting`), until it gets in (`open`, `fresh` true: the server
 * greets it as a new member and sends its welcome messages again) or the server refuses the join (`failed`).
 */

/** Where the link stands. `failed` and `closed` are final: make a new link to try again. */
export type LinkStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open'; readonly fresh: boolean }
  | { readonly kind: 'reconnecting'; readonly retryInMs: number | null }
  /** The server refused the join: `code` is its diagnostic code (`E_LOCKED`), `message` the words after it. */
  | { readonly kind: 'failed'; readonly code: string; readonly message: string }
  /** Left on purpose: `close()`, or the server let this client go (the seat was taken from another tab, the host removed it). */
  | { readonly kind: 'closed' };

export type MessageHandlers = { readonly [K in keyof ServerMessages]?: (message: ServerMessages[K]) => void };

export interface RoomLinkOptions {
  /** The server's origin: the page's own origin in the browser. */
  readonly endpoint: string;
  /** The join code, which is the room's id. */
  readonly roomId: string;
  readonly join: JoinOptions;
  /** The options to join again with after the connection was lost; null leaves the link closed. */
  rejoin(): JoinOptions | null;
  onStatus(status: LinkStatus): void;
  /** The room's shared state, as plain JSON, after every patch. */
  onState(snapshot: RoomSnapshot): void;
  readonly messages: MessageHandlers;
  readonly schedule?: Scheduler;
  /** The SDK client; by default `@colyseus/sdk`, loaded on first use so pages without classrooms never load it. */
  readonly client?: () => Promise<SdkClient>;
}

export interface RoomLink {
  readonly status: LinkStatus;
  /** Sends when the link is open and says so; false when it is not (nothing is sent or buffered). */
  send(type: 'act' | 'vote' | 'host', message: object): boolean;
  /** Leaves this connection and joins again with `rejoin()` now, so the server sends its welcome messages again. */
  rejoin(): void;
  close(): void;
}

/** What the link uses of a `@colyseus/sdk` room. */
export interface SdkRoom {
  readonly state: unknown;
  send(type: string, message: unknown): void;
  onMessage(type: string, callback: (message: never) => void): unknown;
  onStateChange(callback: (state: unknown) => void): unknown;
  onLeave(callback: (code: number, reason?: string) => void): unknown;
  onDrop(callback: (code: number, reason?: string) => void): unknown;
  onReconnect(callback: () => void): unknown;
  leave(consented?: boolean): Promise<unknown>;
}

export interface SdkClient {
  joinById(roomId: string, options: JoinOptions): Promise<SdkRoom>;
}

/** Close codes of Colyseus (`CloseCode`): a consented leave is final; anything else may be joined again. */
const CONSENTED = 4000;
/** Join refusals worth trying again; any other `E_…` refusal is final. */
const PASSING = new Set(['E_RATE_LIMITED', 'E_STORE_FAILED']);

const defaultSchedule: Scheduler = (ms, run) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

async function sdkClient(endpoint: string): Promise<SdkClient> {
  const { Client } = await import('@colyseus/sdk');
  return new Client(endpoint) as unknown as SdkClient;
}

/** A join refusal as `{ code, message }` when the server gave a diagnostic code; null for a network failure. */
export function joinRefusal(error: unknown): { code: string; message: string } | null {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = /^(E_[A-Z_]+):\s*([\s\S]*)$/.exec(text.trim());
  return match ? { code: match[1]!, message: match[2]!.trim() } : null;
}

export function openRoomLink(options: RoomLinkOptions): RoomLink {
  const schedule = options.schedule ?? defaultSchedule;
  const client = options.client ?? (() => sdkClient(options.endpoint));
  const waits = startBackoff({ firstMs: 1000, maxMs: 10_000, random: () => 0.5 });
  let status: LinkStatus = { kind: 'connecting' };
  let room: SdkRoom | null = null;
  let stopped = false;
  let cancelRetry: (() => void) | null = null;

  const setStatus = (next: LinkStatus) => {
    status = next;
    options.onStatus(next);
  };

  const attach = (joined: SdkRoom) => {
    room = joined;
    for (const [type, handler] of Object.entries(options.messages)) joined.onMessage(type, (message: never) => (handler as (value: unknown) => void)(message));
    joined.onStateChange((state) => {
      const snapshot = snapshotOf(state);
      if (room === joined && snapshot) options.onState(snapshot);
    });
    joined.onDrop(() => {
      if (room === joined && !stopped) setStatus({ kind: 'reconnecting', retryInMs: null });
    });
    joined.onReconnect(() => {
      if (room === joined && !stopped) setStatus({ kind: 'open', fresh: false });
    });
    joined.onLeave((code) => {
      if (room !== joined || stopped) return;
      room = null;
      if (code === CONSENTED) {
        stopped = true;
        setStatus({ kind: 'closed' });
      } else retry();
    });
  };

  const tryJoin = async (join: JoinOptions) => {
    cancelRetry = null;
    try {
      const joined = await (await client()).joinById(options.roomId, join);
      if (stopped) {
        void joined.leave(true);
        return;
      }
      waits.reset();
      attach(joined);
      setStatus({ kind: 'open', fresh: true });
      const snapshot = snapshotOf(joined.state);
      if (snapshot) options.onState(snapshot);
    } catch (error) {
      if (stopped) return;
      const refusal = joinRefusal(error);
      if (refusal && !PASSING.has(refusal.code)) {
        stopped = true;
        setStatus({ kind: 'failed', ...refusal });
      } else retry();
    }
  };

  const retry = () => {
    const join = options.rejoin();
    if (join === null) {
      stopped = true;
      setStatus({ kind: 'closed' });
      return;
    }
    const wait = waits.next();
    setStatus({ kind: 'reconnecting', retryInMs: wait });
    cancelRetry = schedule(wait, () => void tryJoin(join));
  };

  setStatus(status);
  void tryJoin(options.join);

  return {
    get status() {
      return status;
    },
    send(type, message) {
      if (stopped || !room || status.kind !== 'open') return false;
      room.send(type, message);
      return true;
    },
    rejoin() {
      const join = options.rejoin();
      if (stopped || join === null) return;
      cancelRetry?.();
      const leaving = room;
      room = null;
      void leaving?.leave(true);
      setStatus({ kind: 'reconnecting', retryInMs: 0 });
      void tryJoin(join);
    },
    close() {
      if (stopped) return;
      stopped = true;
      cancelRetry?.();
      const leaving = room;
      room = null;
      void leaving?.leave(true);
      setStatus({ kind: 'closed' });
    },
  };
}

/** The state as plain JSON; null until the room's first full state has arrived (a state decoded without fields). */
export function snapshotOf(state: unknown): RoomSnapshot | null {
  const json = typeof state === 'object' && state !== null && 'toJSON' in state && typeof state.toJSON === 'function' ? (state.toJSON() as unknown) : state;
  if (typeof json !== 'object' || json === null) return null;
  const { phase, clockMs } = json as Partial<Record<keyof RoomSnapshot, unknown>>;
  return typeof phase === 'string' && typeof clockMs === 'number' && Number.isFinite(clockMs) ? (json as RoomSnapshot) : null;
}
