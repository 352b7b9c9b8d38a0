import type { Scenario } from '../core/scenario/schema.ts';
import type { EspeakVoice } from './audio-exec.ts';

/**
 * Voices handed out by cast position: accent, variant, pitch and pace all differ from one
 * neighbour to the next. The order suits the bundled Acme cast (whose fourth, sixth, seventh
 * and eleventh members are women); a scenario gets the same voices in the same order.
 */
export const VOICES: readonly EspeakVoice[] = [
  { name: 'en+m3', speed: 165, pitch: 40 },
  { name: 'en-us+m1', speed: 178, pitch: 55 },
  { name: 'en-gb-scotland+m2', speed: 160, pitch: 32 },
  { name: 'en-gb-x-rp+f2', speed: 172, pitch: 62 },
  { name: 'en-029+m4', speed: 152, pitch: 46 },
  { name: 'en-us+f3', speed: 168, pitch: 58 },
  { name: 'en-us-nyc+f4', speed: 182, pitch: 68 },
  { name: 'en-gb-x-gbclan+m5', speed: 170, pitch: 50 },
  { name: 'en-gb-x-gbcwmd+m6', speed: 148, pitch: 28 },
  { name: 'en-us+m7', speed: 186, pitch: 22 },
  { name: 'en-gb-x-rp+f1', speed: 150, pitch: 52 },
  { name: 'en-us+Andy', speed: 175, pitch: 44 },
  { name: 'en+f5', speed: 165, pitch: 64 },
  { name: 'en-gb-scotland+Annie', speed: 160, pitch: 60 },
  { name: 'en-us+david', speed: 158, pitch: 36 },
  { name: 'en-029+linda', speed: 170, pitch: 56 },
];

/** The voice of a cast member; a cast bigger than the table goes round again, a little higher and faster each time. */
export function voiceFor(scenario: Scenario, speaker: string): EspeakVoice {
  const index = Math.max(0, scenario.cast.findIndex((participant) => participant.id === speaker));
  const base = VOICES[index % VOICES.length]!;
  const round = Math.floor(index / VOICES.length);
  return round === 0 ? base : { ...base, pitch: Math.min(99, base.pitch + 9 * round), speed: base.speed + 8 * round };
}

/** A short text that changes whenever the way a voice is made changes, so the tool knows to remake its clips. */
export function voiceRecipe(voice: EspeakVoice): string {
  return `${voice.name} s${voice.speed} p${voice.pitch}`;
}
