import type { Action } from '../../core/actions/action.ts';
import type { ActionIntent } from '../../core/actions/intent.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { Session, type Trainee } from '../../core/session/session.ts';

export type LaneOutcome = { readonly ok: true; readonly index: number; readonly at: string; readonly action: Action } | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * One bridge being played in a room (a trainee's, or a voting class's): its Session, and its actions taken one
 * at a time, each stored before it is acknowledged. An action the store refuses is taken back out of the Session.
 */
export class Lane {
  private session: Session;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly compiled: CompiledScenario,
    private readonly trainee: Trainee | undefined,
    actions: readonly Action[] = [],
  ) {
    this.session = replayed(compiled, trainee, actions);
  }

  get actions(): readonly Action[] {
    return this.session.actions;
  }

  get current(): Session {
    return this.session;
  }

  /** Stamps `intent` at scenario `atMs`, applies it, stores it with `store`, and says what became of it. */
  submit(intent: ActionIntent, atMs: () => number, store: (index: number, action: Action) => Promise<void>): Promise<LaneOutcome> {
    const run = async (): Promise<LaneOutcome> => {
      const before = this.session.actions.length;
      const submitted = this.session.submit(intent, Math.max(atMs(), this.session.now));
      if (!submitted.ok) return { ok: false, code: submitted.problems[0]?.code ?? 'E_BAD_MESSAGE', message: submitted.problems.map((problem) => problem.message).join(' ') };
      try {
        await store(submitted.index, submitted.action);
      } catch {
        this.session = replayed(this.compiled, this.trainee, this.session.actions.slice(0, before));
        return { ok: false, code: 'E_STORE_FAILED', message: 'The action could not be stored, so it was not taken; send it again.' };
      }
      return { ok: true, index: submitted.index, at: submitted.action.at, action: submitted.action };
    };
    const outcome = this.queue.then(run, run);
    this.queue = outcome;
    return outcome;
  }

  /** Settles once every action sent so far is stored or refused. */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }
}

function replayed(compiled: CompiledScenario, trainee: Trainee | undefined, actions: readonly Action[]): Session {
  const session = new Session(compiled, trainee ? { trainee } : {});
  for (const action of actions) session.submit(action, compiled.clock.offsetOf(action.at));
  return session;
}
