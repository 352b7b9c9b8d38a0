import type { Action } from '../../core/actions/action.ts';
import type { ActionIntent } from '../../core/actions/intent.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { coachItems } from '../coach.ts';
import type { ActResult } from '../controller.ts';
import { actingRefused, EXAM_PAUSED_REFUSAL } from '../exam-pauses.ts';
import { addNotice } from '../notices.ts';
import { SPEEDS, type AppStore, type Mode, type PlayState } from '../store.ts';
import type { RoomSnapshot, ServerMessages } from './classroom-types.ts';
import { PendingActs } from './pending-acts.ts';
import { Replica } from './replica.ts';

/** How the bridge reaches the room: sends one act, and says whether it went out. */
export type SendAct = (message: Record<string, unknown>) => boolean;

export interface ClassroomPlayOptions {
  readonly store: AppStore;
  readonly code: string;
  readonly compiled: CompiledScenario;
  readonly mode: Mode;
  readonly send: SendAct;
  /** The link lost an ack: join again so the seat message gives every action. */
  readonly resync: () => void;
  /** How many acts wait for the connection, after each change. */
  readonly onQueue: (waiting: number) => void;
}

/**
 * Everyone plays: the trainee's own bridge in the app store's `play`, on a replica of the seat's lane. Acts go to
 * the room, which stamps them; each ack puts the action into the replica at the stamped time. The host paces
 * the clock, so pausing, speed and ending are not the trainee's.
 */
export class ClassroomPlay {
  private readonly replica: Replica;
  private readonly pending = new PendingActs();
  private room: RoomSnapshot | null = null;

  constructor(private readonly options: ClassroomPlayOptions) {
    this.replica = new Replica(options.compiled);
  }

  get actions(): readonly Action[] {
    return this.replica.actions;
  }

  /** A patch of the room's state: the clock, the pause and the speed. */
  follow(room: RoomSnapshot): void {
    this.room = room;
    this.replica.follow(room.clockMs);
    this.publish();
  }

  /** A (re)join's seat message: every action the seat has. Acts whose ack was lost are settled, the rest sent. */
  seated(actions: readonly Action[]): void {
    this.pending.settle(actions.slice(this.replica.actions.length));
    this.replica.rebuild(actions, Math.max(this.room?.clockMs ?? 0, this.replica.current.now));
    this.publish();
    this.flush();
  }

  /** The SDK took the same connection back: acts made meanwhile go out, unless an answer may have been lost. */
  reconnected(): void {
    if (this.pending.inFlight) this.options.resync();
    else this.flush();
  }

  /** Whether the reply was about one of this bridge's acts. */
  ack(message: ServerMessages['ack']): boolean {
    const act = this.pending.take(message.ref);
    if (!act) return false;
    this.options.onQueue(this.pending.unsent().length);
    if (!this.replica.add(message.index, { ...act.intent, at: message.at } as Action)) this.options.resync();
    this.publish();
    return true;
  }

  reject(message: ServerMessages['reject']): boolean {
    const act = this.pending.take(message.ref);
    if (!act) return false;
    this.options.onQueue(this.pending.unsent().length);
    this.notify(message.message);
    return true;
  }

  /** Sends an act to the room, or keeps it until the link is back: `ok` says it is on its way, an ack or a reject follows. */
  act(intent: ActionIntent): ActResult {
    const room = this.room;
    if (!room || room.phase === 'lobby') return { ok: false, error: 'The exercise has not started yet; wait for the host.' };
    if (room.phase === 'ended') return { ok: false, error: 'The exercise has ended; no more actions are taken.' };
    if (actingRefused(this.options.mode, room.phase === 'paused')) return { ok: false, error: EXAM_PAUSED_REFUSAL };
    this.pending.add(intent);
    this.flush();
    return { ok: true };
  }

  /** Sends every act still waiting, in order, while the link takes them. */
  flush(): void {
    for (const act of this.pending.unsent()) {
      if (!this.options.send({ ...act.intent, ref: act.ref })) break;
      act.sent = true;
    }
    this.options.onQueue(this.pending.unsent().length);
  }

  /** Puts the bridge on screen, or brings it up to date. */
  publish(): void {
    const { store, compiled, mode, code } = this.options;
    const session = this.replica.current;
    const room = this.room;
    const paused = room?.phase !== 'running';
    const speed = SPEEDS.find((each) => each === room?.speed) ?? 1;
    const current = store.getState().play;
    if (current?.classroom?.code === code && current.sim === session.state && current.paused === paused && current.speed === speed) return;
    const coach = mode === 'coach' ? coachItems(compiled, session.observations, session.now) : [];
    if (current?.classroom?.code === code) {
      store.setState({ play: { ...current, sim: session.state, actions: session.actions, paused, speed, coach } });
      return;
    }
    const play: PlayState = {
      compiled,
      mode,
      speed,
      paused,
      sim: session.state,
      actions: session.actions,
      viewedBridge: compiled.mainBridge,
      focusedParticipant: null,
      coach,
      resumed: null,
      classroom: { code },
    };
    store.setState({ screen: 'play', scenarioId: compiled.scenario.id, debrief: null, play });
  }

  private notify(text: string): void {
    const { store } = this.options;
    store.setState({ notice: addNotice(store.getState().notice, text) });
  }
}
