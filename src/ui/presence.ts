import type { SimState } from '../core/session/state.ts';

interface PresenceStep {
  /** How many transcript entries existed once this step was done. */
  readonly entries: number;
  readonly present: ReadonlySet<string>;
}

/**
 * Who is on the call at each point of a transcript, read from the simulation's own states as the
 * replay runs, so the page never re-derives the engine's rules for joining and leaving.
 */
export class PresenceTimeline {
  private readonly steps: PresenceStep[] = [];

  /** Pass as the replay's step observer. */
  readonly record = (state: SimState): void => {
    const present = new Set(Object.entries(state.participants).filter(([, p]) => p.present).map(([id]) => id));
    this.steps.push({ entries: state.transcript.length, present });
  };

  /** Who is present once the first `shown` transcript entries have happened. */
  after(shown: number): ReadonlySet<string> {
    const step = this.steps.find((candidate) => candidate.entries >= shown) ?? this.steps.at(-1);
    return step?.present ?? new Set();
  }
}
