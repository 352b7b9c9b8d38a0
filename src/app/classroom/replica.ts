import type { Action } from '../../core/actions/action.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { Session } from '../../core/session/session.ts';

/**
 * A local copy of a bridge the room plays: the actions the server acknowledged, each at the time the room
 * stamped, on a Session whose clock follows the room's. An action stamped before the copy's clock (its ack came
 * after a later patch) is not an error: the copy is built again from the log, which takes well under a millisecond.
 */
export class Replica {
  private session: Session;
  private log: Action[] = [];

  constructor(readonly compiled: CompiledScenario) {
    this.session = new Session(compiled);
  }

  get current(): Session {
    return this.session;
  }

  get actions(): readonly Action[] {
    return this.log;
  }

  /** Moves the clock to the room's time (never back). */
  follow(clockMs: number): void {
    if (Number.isFinite(clockMs)) this.session.advanceTo(clockMs);
  }

  /** The acknowledged action at `index`; one already held is ignored. False when it leaves a gap in the log. */
  add(index: number, action: Action): boolean {
    if (index < this.log.length) return true;
    if (index > this.log.length) return false;
    this.log.push(action);
    const at = this.compiled.clock.offsetOf(action.at);
    if (at >= this.session.now) this.session.submit(action, at);
    else this.rebuild(this.log, this.session.now);
    return true;
  }

  /** Starts again from `actions` (every acknowledged action, as a seat or shared message gives them), at the room's time. */
  rebuild(actions: readonly Action[], clockMs: number): void {
    const session = new Session(this.compiled);
    for (const action of actions) session.submit(action, this.compiled.clock.offsetOf(action.at));
    session.advanceTo(clockMs);
    this.session = session;
    this.log = [...actions];
  }
}
