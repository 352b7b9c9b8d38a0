import { createActor, type Actor } from 'xstate';
import type { Action } from '../actions/action.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';
import type { SimMachine } from '../scenario/machine.ts';
import type { SimState } from './state.ts';
import { nextWake } from './step.ts';

/**
 * Drives a compiled scenario's machine on a simulated clock. Time only moves when told to,
 * so a live session and a replay of its log go through exactly the same steps.
 */
export class Simulation {
  private readonly actor: Actor<SimMachine>;

  constructor(
    readonly compiled: CompiledScenario,
    private readonly onStep: (state: SimState) => void = () => {},
  ) {
    this.actor = createActor(compiled.machine, { input: compiled.initialState });
    this.actor.start();
    this.onStep(this.state);
  }

  get state(): SimState {
    return this.actor.getSnapshot().context.sim;
  }

  get ended(): boolean {
    return this.actor.getSnapshot().status !== 'active';
  }

  get endMs(): number {
    return this.compiled.clock.lengthMs;
  }

  /** A serialisable snapshot of the machine, for determinism checks and debugging. */
  persisted(): unknown {
    return this.actor.getPersistedSnapshot();
  }

  /** Advances the clock to `to` (ms after the start), stopping at every instant something is due. */
  advanceTo(to: number): void {
    const target = Math.min(to, this.endMs);
    while (!this.ended) {
      const wake = nextWake(this.state, this.compiled);
      if (wake > target) break;
      this.send({ type: 'TICK', to: wake });
    }
    if (!this.ended && this.state.now < target) this.send({ type: 'TICK', to: target });
  }

  /** Applies a trainee action at the current time. Ignored once an ending is reached. */
  act(action: Action, index: number): void {
    if (this.ended) return;
    this.send({ type: 'ACT', action, index });
  }

  /** Runs the clock out and reaches the ending whose condition holds. */
  finish(): void {
    this.advanceTo(this.endMs);
    if (!this.ended) this.send({ type: 'END' });
  }

  private send(event: Parameters<Actor<SimMachine>['send']>[0]): void {
    this.actor.send(event);
    this.onStep(this.state);
  }
}
