import { activeSpeakers, tilesOn } from '../app/selectors.ts';
import type { PlayState } from '../app/store.ts';
import type { NoiseSound } from '../core/session/state.ts';
import { initials } from '../app/identity.ts';
import { avatarColour } from './avatar.ts';
import { isolateText } from '../core/text/bidi.ts';

/** Everything one gallery tile shows. Plain data, compared field by field to redraw only what changed. */
export interface TileView {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly team: string;
  readonly initials: string;
  readonly colour: number;
  readonly speaking: boolean;
  readonly muted: boolean;
  /** The background noise heard on the line now: set only while the line is noisy and not muted. */
  readonly noise: NoiseSound | null;
  readonly focused: boolean;
}

/** The tiles of the viewed bridge, in cast order. */
export function tileViews(play: PlayState): TileView[] {
  const speaking = activeSpeakers(play.sim);
  return tilesOn(play.compiled, play.sim, play.viewedBridge).map(({ participant, state }) => ({
    id: participant.id,
    name: participant.name,
    role: participant.role,
    team: participant.team,
    initials: initials(participant.name),
    colour: avatarColour(participant.id),
    speaking: speaking.has(participant.id),
    muted: state.muted,
    noise: state.muted ? null : state.noise,
    focused: play.focusedParticipant === participant.id,
  }));
}

const NOISE_LABELS: Readonly<Record<NoiseSound, string>> = {
  children: 'Children',
  dog: 'Dog barking',
  traffic: 'Traffic',
  typing: 'Typing',
  static: 'Static',
  tv: 'TV',
};

export function noiseLabel(sound: NoiseSound): string {
  return NOISE_LABELS[sound];
}

/**
 * What a tile says as it leaves the viewed bridge: "Left" when the departure was announced,
 * "Dropped" when the line just went, "Moved to …" when they are now on another bridge.
 */
export function departureLabel(play: PlayState, id: string): string {
  const state = play.sim.participants[id];
  if (state?.present && state.bridge !== play.viewedBridge) {
    return `Moved to ${isolateText(play.compiled.bridges.get(state.bridge)?.name ?? state.bridge)}`;
  }
  const transcript = play.sim.transcript;
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i]!;
    if (entry.kind === 'leave' && entry.speaker === id) return entry.announced ? 'Left' : 'Dropped';
  }
  return 'Left';
}
