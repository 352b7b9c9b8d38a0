import { z } from 'zod';
import type { Action } from '../core/actions/action.ts';
import type { AttemptRecord } from '../core/attempt.ts';

/**
 * The classroom's messages (CONTRACTS §9), shared by the server and every client: what each side may send, as
 * zod schemas for what arrives from outside, and as types for what the server sends.
 */

export const CLASSROOM_ROOM = 'classroom';
export const CLASSROOM_MODES = ['everyone', 'vote'] as const;
export type ClassroomMode = (typeof CLASSROOM_MODES)[number];

export const ROOM_PHASES = ['lobby', 'running', 'paused', 'ended'] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];

export const ROOM_SPEEDS = [1, 2, 5, 10] as const;

const Token = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);

/** `POST /api/classrooms`. `anonymous` hides names on the projector's results; `lateJoin` lets trainees join after the start. */
export const CreateClassroomSchema = z.strictObject({
  scenario: z.string().min(1).max(200),
  mode: z.enum(CLASSROOM_MODES),
  exam: z.boolean(),
  anonymous: z.boolean().optional(),
  lateJoin: z.boolean().optional(),
});
export type CreateClassroom = z.infer<typeof CreateClassroomSchema>;

export interface CreatedClassroom {
  readonly code: string;
  readonly hostKey: string;
  readonly joinUrl: string;
}

/** What anyone holding the code may read before joining: `GET /api/classrooms/CODE`. */
export interface ClassroomInfo {
  readonly code: string;
  readonly mode: ClassroomMode;
  readonly exam: boolean;
  readonly phase: RoomPhase;
  readonly locked: boolean;
  readonly scenario: { readonly id: string; readonly version: string; readonly sha256: string; readonly title: string };
  readonly playbook: { readonly id: string; readonly version: string; readonly sha256: string };
}

/** The options a client joins with: a new trainee's name, a seat token to take a seat again, or the host key. */
export const JoinOptionsSchema = z.union([
  z.strictObject({ name: z.string().max(400) }),
  z.strictObject({ seatToken: Token }),
  z.strictObject({ hostKey: Token }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** A client's own reference for an act or vote, echoed in the ack or reject so it can match them. */
const Ref = z.union([z.string().max(64), z.number().int().nonnegative()]);

/**
 * `act`: one action of CONTRACTS §2 without `at` (the server stamps it), plus an optional `ref`. Only the
 * envelope is checked here; the action itself is validated by the core, against the room's scenario.
 */
export const ActMessageSchema = z.looseObject({ type: z.string().min(1).max(64), ref: Ref.optional() }).refine((message) => !('at' in message), { message: 'The server stamps the time; send the action without "at".' });

export const HOST_COMMANDS = ['start', 'pause', 'resume', 'speed', 'lock', 'unlock', 'reveal', 'end', 'remove', 'rename'] as const;
export type HostCommand = (typeof HOST_COMMANDS)[number];

/** `host`: a command of the host key's holder. `speed` takes 1, 2, 5 or 10; `remove` a seat id; `rename` `{ seat, name }`. */
export const HostMessageSchema = z.strictObject({
  command: z.enum(HOST_COMMANDS),
  value: z.union([z.number(), z.string().max(200), z.strictObject({ seat: z.string().max(64), name: z.string().max(400) })]).optional(),
});
export type HostMessage = z.infer<typeof HostMessageSchema>;

/** `vote` (class votes): a trainee's choice on the open ballot; a later vote on the same ballot replaces it. */
export const VoteMessageSchema = z.strictObject({ ballot: z.string().min(1).max(200), choice: z.string().min(1).max(200), ref: Ref.optional() });
export type VoteMessage = z.infer<typeof VoteMessageSchema>;

/** Why the server refused a message. Session refusals carry the core's own `E_LOG_…` and `E_SESSION_…` codes. */
export const REJECT_CODES = [
  'E_BAD_MESSAGE',
  'E_RATE_LIMITED',
  'E_NOT_HOST',
  'E_NOT_SEATED',
  'E_NOT_STARTED',
  'E_PAUSED',
  'E_ROOM_ENDED',
  'E_NO_BALLOT',
  'E_STORE_FAILED',
  'E_UNKNOWN_SEAT',
  'E_LOCKED',
  'E_JOIN_CLOSED',
  'E_BAD_JOIN',
  'E_UNKNOWN_CODE',
  'E_NAME_EMPTY',
  'E_NAME_TOO_LONG',
  'E_NAME_CHARACTERS',
  'E_NAME_NOT_ALLOWED',
] as const;

/** The messages the server sends, by type. */
export interface ServerMessages {
  /** After joining: the seat's token (keep it to take the seat again) and every action it has so far. */
  seat: { readonly seatToken: string; readonly seatId: string; readonly name: string; readonly actions: readonly Action[] };
  ack: { readonly index: number; readonly at: string; readonly ref?: string | number };
  reject: { readonly code: string; readonly message: string; readonly ref?: string | number };
  /** Class votes: the shared bridge's actions so far, to every client, after each one is committed. */
  shared: { readonly actions: readonly Action[] };
  /** Host only: everyone seated. */
  roster: { readonly seats: readonly RosterSeat[] };
  /** The host removed this seat. */
  removed: { readonly message: string };
  /** At the end, to each trainee: their stored attempt. */
  result: { readonly attempt: AttemptRecord };
  /** At the end, to the host: the class's results. */
  results: ClassResults;
}

export interface ClassAttempt {
  readonly seatId: string;
  readonly name: string;
  readonly attemptId: string;
  readonly percent: number;
  readonly passed: boolean;
  /** The ending reached, by title. */
  readonly ending: string | null;
  /** Percent per competency, for the heat map. */
  readonly competencies: Readonly<Record<string, number>>;
}

export interface RosterSeat {
  readonly seatId: string;
  readonly name: string;
  readonly connected: boolean;
  readonly actions: number;
}

/** The class debrief, computed on the server from every stored attempt. */
export interface ClassResults {
  readonly attempts: readonly ClassAttempt[];
  /** Per finding of the rubric, how many attempts had each status (on-time, late, partial, missed, avoided, violated). */
  readonly findings: readonly { readonly id: string; readonly title: string; readonly competency: string; readonly statuses: Readonly<Record<string, number>> }[];
  /** Class votes: each trainee's votes scored against the playbook's answer. */
  readonly votes?: readonly { readonly seatId: string; readonly name: string; readonly agreed: number; readonly cast: number }[];
}
