import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClassResults, RosterSeat } from '../../classroom/messages.ts';

export type { ClassAttempt, ClassResults, RosterSeat } from '../../classroom/messages.ts';
export type { NameCheck } from '../../classroom/trainee-name.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import type { RoomSnapshot } from './classroom-types.ts';
import type { LinkStatus } from './room-link.ts';

/** The classroom's scenario on the projector: loading, compiled, or why it cannot be shown. */
export type HostContent = { readonly status: 'loading' } | { readonly status: 'ready'; readonly compiled: CompiledScenario } | { readonly status: 'failed'; readonly message: string };

/** What the projector page shows: the link, the room's shared state, the roster, and the class debrief at the end. */
export interface HostState {
  readonly code: string;
  /** Null when this browser holds no host key for the code. */
  readonly link: LinkStatus | null;
  readonly room: RoomSnapshot | null;
  readonly roster: readonly RosterSeat[];
  readonly content: HostContent;
  readonly results: ClassResults | null;
  /** The server's last refusal of a host command, in words for people. */
  readonly refusal: string | null;
  /** The join page's address, for the QR code and the short link. */
  readonly joinUrl: string;
}

export type HostStore = StoreApi<HostState>;

export function initialHostState(code: string, joinUrl: string): HostState {
  return { code, link: null, room: null, roster: [], content: { status: 'loading' }, results: null, refusal: null, joinUrl };
}

export function createHostStore(state: HostState): HostStore {
  return createStore<HostState>()(() => state);
}
