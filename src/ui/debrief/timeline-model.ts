import type { DebriefState } from '../../app/store.ts';
import type { Finding } from '../../core/report/score-report.ts';
import type { Ending } from '../../core/scenario/schema.ts';
import type { TranscriptEntry } from '../../core/session/state.ts';
import { ScenarioClock } from '../../core/time.ts';

/** One row of the debrief timeline. `at` is ms from the start of the scenario clock. */
export type TimelineItem =
  | { readonly kind: 'phase'; readonly at: number; readonly title: string; readonly description: string | null }
  /** Something that happened on the bridge; joins and leaves close together share one row. */
  | { readonly kind: 'bridge'; readonly at: number; readonly entries: readonly TranscriptEntry[] }
  | {
      readonly kind: 'action';
      readonly at: number;
      readonly index: number;
      readonly text: string;
      /** Why the action changed nothing, when it did not. */
      readonly refusal: string | null;
      readonly effective: boolean;
      /** Findings this action met, late or on time (or broke). */
      readonly results: readonly Finding[];
    }
  /** A finding met (or broken) by something other than one of the trainee's actions. */
  | { readonly kind: 'result'; readonly at: number; readonly finding: Finding }
  /** The moment an expectation fell due, and how it turned out. */
  | { readonly kind: 'due'; readonly at: number; readonly finding: Finding }
  | { readonly kind: 'ending'; readonly at: number; readonly title: string; readonly ending: Ending | null };

export interface TimelineRow {
  readonly item: TimelineItem;
  /** Key rows show when the timeline is collapsed; the rest only under "show everything". */
  readonly key: boolean;
}

const KEY_BRIDGE_KINDS: ReadonlySet<TranscriptEntry['kind']> = new Set(['report', 'inject', 'join', 'leave']);
const PRESENCE_KINDS: ReadonlySet<TranscriptEntry['kind']> = new Set(['join', 'leave']);
/** Joins or leaves this close together, with nothing between them, read as one event. */
const PRESENCE_GROUP_MS = 60_000;
const ACTION_SOURCE = /^action:(\d+)$/;

interface Sortable {
  readonly item: TimelineItem;
  /** Within one instant: transcript order first, then results, then deadlines, then the ending. */
  readonly rank: number;
  readonly seq: number;
}

type MutableAction = Extract<TimelineItem, { kind: 'action' }> & { refusal: string | null; results: Finding[] };

/** Scenario events, the trainee's actions and the findings' deadlines, merged on one time axis. */
export function buildTimeline(debrief: DebriefState): TimelineRow[] {
  const { scenario, final, report } = debrief;
  const clock = new ScenarioClock(scenario.clock);
  const rows: Sortable[] = [];
  const actions = new Map<number, MutableAction>();
  let openPresence: { kind: TranscriptEntry['kind']; entries: TranscriptEntry[]; transcriptIndex: number } | null = null;

  final.transcript.forEach((entry, transcriptIndex) => {
    const continuesPresence =
      openPresence !== null &&
      openPresence.kind === entry.kind &&
      openPresence.transcriptIndex === transcriptIndex - 1 &&
      entry.at - (openPresence.entries[0]?.at ?? entry.at) <= PRESENCE_GROUP_MS;
    if (continuesPresence && openPresence) {
      openPresence.entries.push(entry);
      openPresence.transcriptIndex = transcriptIndex;
      return;
    }
    openPresence = null;
    switch (entry.kind) {
      case 'phase': {
        const phase = scenario.phases.find((candidate) => candidate.id === entry.source);
        rows.push({ item: { kind: 'phase', at: entry.at, title: entry.text, description: phase?.description ?? null }, rank: 1, seq: transcriptIndex });
        return;
      }
      case 'ending': {
        const ending = scenario.endings.find((candidate) => candidate.id === entry.source) ?? null;
        rows.push({ item: { kind: 'ending', at: entry.at, title: entry.text, ending }, rank: 4, seq: transcriptIndex });
        return;
      }
      case 'action': {
        const index = Number(ACTION_SOURCE.exec(entry.source)?.[1] ?? -1);
        const existing = actions.get(index);
        if (existing) {
          existing.refusal = entry.text;
          return;
        }
        const timed = final.actions.find((candidate) => candidate.index === index);
        const item: MutableAction = { kind: 'action', at: entry.at, index, text: entry.text, refusal: null, effective: timed?.effective ?? true, results: [] };
        actions.set(index, item);
        rows.push({ item, rank: 1, seq: transcriptIndex });
        return;
      }
      default: {
        const entries = [entry];
        if (PRESENCE_KINDS.has(entry.kind)) openPresence = { kind: entry.kind, entries, transcriptIndex };
        rows.push({ item: { kind: 'bridge', at: entry.at, entries }, rank: 1, seq: transcriptIndex });
      }
    }
  });

  report.findings.forEach((finding, findingIndex) => {
    const seq = final.transcript.length + findingIndex;
    const hitAt = finding.at === null ? undefined : clock.toOffset(finding.at);
    if (hitAt !== undefined && finding.status !== 'missed') {
      const byAction = finding.actionIndex === undefined ? undefined : actions.get(finding.actionIndex);
      if (byAction) byAction.results.push(finding);
      else rows.push({ item: { kind: 'result', at: hitAt, finding }, rank: 2, seq });
    }
    const dueAt = finding.due === null ? undefined : clock.toOffset(finding.due);
    if (dueAt !== undefined && dueAt <= clock.lengthMs) rows.push({ item: { kind: 'due', at: dueAt, finding }, rank: 3, seq });
  });

  return rows
    .sort((a, b) => a.item.at - b.item.at || a.rank - b.rank || a.seq - b.seq)
    .map(({ item }) => ({ item, key: isKey(item) }));
}

function isKey(item: TimelineItem): boolean {
  return item.kind !== 'bridge' || item.entries.some((entry) => KEY_BRIDGE_KINDS.has(entry.kind));
}
