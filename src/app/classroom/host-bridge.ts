import type { Action } from '../../core/actions/action.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { SPEEDS, type AppStore, type PlayState } from '../store.ts';
import type { RoomSnapshot } from './classroom-types.ts';
import { Replica } from './replica.ts';

/**
 * The projector's copy of the room's timeline: a replica Session on the room's clock, with the class's shared
 * actions in class votes (none when everyone plays their own bridge). It puts that bridge into an app store's
 * `play`, which the call scene and the captions draw; the projector never acts on it.
 */
export class HostBridge {
  private readonly replica: Replica;
  private room: RoomSnapshot | null = null;

  constructor(
    private readonly store: AppStore,
    readonly compiled: CompiledScenario,
    private readonly code: string,
  ) {
    this.replica = new Replica(compiled);
  }

  get actions(): readonly Action[] {
    return this.replica.actions;
  }

  /** A patch of the room's state: the clock moves on (never back), and pause and speed follow. */
  follow(room: RoomSnapshot): void {
    this.room = room;
    this.replica.follow(room.clockMs);
    this.publish();
  }

  /** Class votes: every action the shared bridge has, after each commit. */
  shared(actions: readonly Action[]): void {
    if (actions.length === this.replica.actions.length && actions.every((action, index) => action === this.replica.actions[index])) return;
    this.replica.rebuild(actions, Math.max(this.room?.clockMs ?? 0, this.replica.current.now));
    this.publish();
  }

  /** Which bridge's gallery the call scene shows, when the scenario has more than one. */
  viewBridge(bridge: string): void {
    const play = this.store.getState().play;
    if (play?.sim.bridges[bridge]) this.store.setState({ play: { ...play, viewedBridge: bridge } });
  }

  private publish(): void {
    const session = this.replica.current;
    const room = this.room;
    const paused = room?.phase !== 'running';
    const speed = SPEEDS.find((each) => each === room?.speed) ?? 1;
    const mode = room?.exam ? 'exam' : 'coach';
    const current = this.store.getState().play;
    if (current?.classroom?.code === this.code) {
      if (current.sim === session.state && current.paused === paused && current.speed === speed) return;
      this.store.setState({ play: { ...current, sim: session.state, actions: session.actions, paused, speed } });
      return;
    }
    const play: PlayState = {
      compiled: this.compiled,
      mode,
      speed,
      paused,
      sim: session.state,
      actions: session.actions,
      viewedBridge: this.compiled.mainBridge,
      focusedParticipant: null,
      coach: [],
      resumed: null,
      classroom: { code: this.code },
    };
    this.store.setState({ screen: 'play', scenarioId: this.compiled.scenario.id, debrief: null, play });
  }
}
