import { describe, expect, it } from 'vitest';
import { joinRefusal, openRoomLink, type LinkStatus, type SdkClient, type SdkRoom } from '../../../src/app/classroom/room-link.ts';
import type { JoinOptions } from '../../../src/app/classroom/classroom-types.ts';
import { snapshot } from './fake-classroom.ts';

type Listener = (...args: never[]) => void;

/** An SDK room the test closes and patches by hand. */
class FakeSdkRoom implements SdkRoom {
  state: unknown = {};
  readonly listeners = new Map<string, Listener>();
  readonly handlers = new Map<string, Listener>();
  send(): void {}
  onMessage(type: string, callback: Listener) {
    this.handlers.set(type, callback);
  }
  onStateChange(callback: Listener) {
    this.listeners.set('state', callback);
  }
  onLeave(callback: Listener) {
    this.listeners.set('leave', callback);
  }
  onDrop(callback: Listener) {
    this.listeners.set('drop', callback);
  }
  onReconnect(callback: Listener) {
    this.listeners.set('reconnect', callback);
  }
  async leave() {}
  emit(name: string, ...args: unknown[]) {
    (this.listeners.get(name) as ((...values: unknown[]) => void) | undefined)?.(...args);
  }
}

function harness(answers: (() => Promise<FakeSdkRoom>)[]) {
  const joins: JoinOptions[] = [];
  const statuses: LinkStatus[] = [];
  const waits: number[] = [];
  const timers: (() => void)[] = [];
  const client: SdkClient = {
    joinById: async (_roomId, options) => {
      joins.push(options);
      const next = answers.shift();
      if (!next) throw new Error('connection refused');
      return next();
    },
  };
  const link = openRoomLink({
    endpoint: 'http://classroom.test',
    roomId: 'ABC234',
    join: { name: 'Dana' },
    rejoin: () => ({ seatToken: 'seat-token-0123456789' }),
    onStatus: (status) => statuses.push(status),
    onState: () => {},
    messages: {},
    client: async () => client,
    schedule: (ms, run) => {
      waits.push(ms);
      timers.push(run);
      return () => {};
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { link, joins, statuses, waits, timers, settle };
}

describe('room link', () => {
  it('joins again with the seat token after the server closes the room, waiting 1 s, 2 s, 4 s… up to 10 s', async () => {
    const room = new FakeSdkRoom();
    const back = new FakeSdkRoom();
    const h = harness([async () => room, ...Array.from({ length: 5 }, () => () => Promise.reject(new Error('Failed to fetch'))), async () => back]);
    await h.settle();
    expect(h.statuses.at(-1)).toEqual({ kind: 'open', fresh: true });
    room.emit('leave', 4001);
    for (let i = 0; i < 6; i++) {
      h.timers.shift()?.();
      await h.settle();
    }
    expect(h.waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(h.joins.slice(1)).toEqual(Array.from({ length: 6 }, () => ({ seatToken: 'seat-token-0123456789' })));
    expect(h.statuses.at(-1)).toEqual({ kind: 'open', fresh: true });
  });

  it('stops at a refusal and says why in words; a drop the SDK takes back is open again, not fresh', async () => {
    const room = new FakeSdkRoom();
    const h = harness([async () => room, () => Promise.reject(new Error('E_UNKNOWN_SEAT: that seat is not in this classroom.'))]);
    await h.settle();
    room.emit('drop', 1006);
    expect(h.statuses.at(-1)).toEqual({ kind: 'reconnecting', retryInMs: null });
    expect(h.link.send('act', { type: 'roll-call' })).toBe(false);
    room.emit('reconnect');
    expect(h.statuses.at(-1)).toEqual({ kind: 'open', fresh: false });
    room.emit('leave', 4003);
    h.timers.shift()?.();
    await h.settle();
    expect(h.statuses.at(-1)).toEqual({ kind: 'failed', code: 'E_UNKNOWN_SEAT', message: 'that seat is not in this classroom.' });
    expect(h.timers).toEqual([]);
  });

  it('passes on only full states, so an empty one before the first patch never reaches the clock', () => {
    const states: unknown[] = [];
    const room = new FakeSdkRoom();
    openRoomLink({ endpoint: '', roomId: 'ABC234', join: { name: 'Dana' }, rejoin: () => null, onStatus: () => {}, onState: (state) => states.push(state), messages: {}, client: async () => ({ joinById: async () => room }) });
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        room.emit('state', {});
        room.emit('state', { toJSON: () => snapshot({ clockMs: 5000 }) });
        expect(states).toEqual([snapshot({ clockMs: 5000 })]);
        resolve();
      }, 0),
    );
  });

  it('reads a join refusal as its code and its words', () => {
    expect(joinRefusal(new Error('E_LOCKED: the host has locked joining.'))).toEqual({ code: 'E_LOCKED', message: 'the host has locked joining.' });
    expect(joinRefusal(new Error('Failed to fetch'))).toBeNull();
  });
});
