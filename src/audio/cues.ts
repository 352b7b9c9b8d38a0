import type { AppState, PlayState } from '../app/store.ts';
import { lineKey } from '../core/session/spoken-lines.ts';
import type { NoiseSound, TranscriptEntry } from '../core/session/state.ts';

export type Tone = 'join' | 'leave' | 'alert';

/** One thing for the sound player to do. */
export type Cue =
  | { readonly type: 'voice'; readonly key: string; readonly speaker: string }
  | { readonly type: 'tone'; readonly tone: Tone }
  /** Stop every voice now: the session paused, ended or the trainee switched bridges. */
  | { readonly type: 'hush' }
  | { readonly type: 'noise-on'; readonly participant: string; readonly sound: NoiseSound }
  | { readonly type: 'noise-off'; readonly participant: string }
  | { readonly type: 'master'; readonly volume: number; readonly muted: boolean };

/** A line still unheard this long (wall-clock ms) after it was said is dropped: at 10× the call moves on without it. */
export const STALE_AFTER_MS = 1000;

/** A session that is running: not paused, not over. */
function live(play: PlayState | null): play is PlayState {
  return play !== null && !play.paused && play.sim.ending === null;
}

/** Entries without a bridge belong to the first (main) bridge. */
const bridgeOf = (play: PlayState, entry: TranscriptEntry): string => entry.bridge ?? play.compiled.scenario.bridges[0]?.id ?? '';

const sameEntry = (a: TranscriptEntry, b: TranscriptEntry): boolean => a.at === b.at && a.kind === b.kind && a.source === b.source && a.text === b.text;

/** What was added to the transcript since `before`; all of it when `after` is another session (stale lines are dropped later). */
function newEntries(before: PlayState | null, after: PlayState): readonly TranscriptEntry[] {
  const next = after.sim.transcript;
  if (!before || before.compiled !== after.compiled) return next;
  const previous = before.sim.transcript;
  if (next === previous) return [];
  const last = previous[previous.length - 1];
  const carriesOn = next.length >= previous.length && (!last || sameEntry(last, next[previous.length - 1]!));
  return carriesOn ? next.slice(previous.length) : next;
}

function isStale(play: PlayState, entry: TranscriptEntry): boolean {
  return (play.sim.now - entry.at) / play.speed > STALE_AFTER_MS;
}

/** Voices and tones for what was just said and done on the bridge being viewed. */
function speechCues(before: PlayState | null, after: PlayState): Cue[] {
  const latestBySpeaker = new Map<string, Cue>();
  const tones = new Set<Tone>();
  for (const entry of newEntries(before, after)) {
    if (isStale(after, entry)) continue;
    const onViewedBridge = bridgeOf(after, entry) === after.viewedBridge;
    if (entry.kind === 'say' && entry.speaker && onViewedBridge) {
      latestBySpeaker.delete(entry.speaker);
      latestBySpeaker.set(entry.speaker, { type: 'voice', key: lineKey(entry.speaker, entry.text), speaker: entry.speaker });
    } else if ((entry.kind === 'join' || entry.kind === 'leave') && onViewedBridge) {
      tones.add(entry.kind);
    } else if (entry.kind === 'report' || entry.kind === 'inject') {
      tones.add('alert');
    }
  }
  return [...[...tones].map((tone): Cue => ({ type: 'tone', tone })), ...latestBySpeaker.values()];
}

/** The background sound of each line that should be heard now, by participant. */
export function audibleNoise(play: PlayState | null): Map<string, NoiseSound> {
  const noise = new Map<string, NoiseSound>();
  if (!live(play)) return noise;
  for (const [id, participant] of Object.entries(play.sim.participants)) {
    if (participant.present && !participant.muted && participant.noise !== null && participant.bridge === play.viewedBridge) noise.set(id, participant.noise);
  }
  return noise;
}

function noiseCues(before: PlayState | null, after: PlayState | null): Cue[] {
  const was = audibleNoise(before);
  const is = audibleNoise(after);
  const cues: Cue[] = [];
  for (const [participant, sound] of was) if (is.get(participant) !== sound) cues.push({ type: 'noise-off', participant });
  for (const [participant, sound] of is) if (was.get(participant) !== sound) cues.push({ type: 'noise-on', participant, sound });
  return cues;
}

function shouldHush(before: PlayState | null, after: PlayState | null): boolean {
  if (!live(before)) return false;
  return !live(after) || after.compiled !== before.compiled || after.viewedBridge !== before.viewedBridge;
}

/**
 * What to play and stop as the app goes from `before` to `after`. `before` is null when the
 * player starts, so a session already running is picked up where it is.
 */
export function audioCues(before: AppState | null, after: AppState): Cue[] {
  const cues: Cue[] = [];
  if (!before || before.audio.volume !== after.audio.volume || before.audio.muted !== after.audio.muted) {
    cues.push({ type: 'master', volume: Math.min(1, Math.max(0, after.audio.volume)), muted: after.audio.muted });
  }
  const was = before?.play ?? null;
  const is = after.play;
  if (shouldHush(was, is)) cues.push({ type: 'hush' });
  cues.push(...noiseCues(was, is));
  if (live(is) && before !== null) cues.push(...speechCues(was, is));
  return cues;
}
