import type { SimState, TranscriptEntry } from '../core/session/state.ts';

/**
 * Whether a transcript line is the system's answer to an action it turned down or that changed
 * nothing ("Bill Turner is not on the bridge."). The engine logs it beside the trainee's action, but
 * the trainee never said it, so it is shown and read out as the system's.
 */
export function isRefusal(entry: TranscriptEntry): boolean {
  return entry.kind === 'action' && entry.refusal === true;
}

/** Why the action with this log index changed nothing, as the system answered it. */
export function refusalOf(sim: SimState, actionIndex: number): string {
  const source = `action:${actionIndex}`;
  for (let i = sim.transcript.length - 1; i >= 0; i--) {
    const entry = sim.transcript[i]!;
    if (entry.source === source && isRefusal(entry)) return entry.text;
  }
  return 'That changed nothing.';
}
