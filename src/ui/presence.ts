import type { Scenario } from '../core/scenario/schema.ts';
import type { TranscriptEntry } from '../core/session/state.ts';
import { isPresentAtStart } from './labels.ts';

/** Who is on the call after the given transcript entries: the starting cast, then every join and leave. */
export function presentAfter(scenario: Scenario, entries: readonly TranscriptEntry[]): Set<string> {
  const present = new Set(scenario.cast.filter(isPresentAtStart).map((participant) => participant.id));
  for (const entry of entries) {
    if (entry.speaker === undefined) continue;
    if (entry.kind === 'join') present.add(entry.speaker);
    else if (entry.kind === 'leave') present.delete(entry.speaker);
  }
  return present;
}
