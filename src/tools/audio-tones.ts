import { synth } from './audio-exec.ts';
import { concat, silence, type Samples } from './audio-pcm.ts';

export const TONES = ['join', 'leave', 'alert'] as const;
export type Tone = (typeof TONES)[number];

/** Tones sit a few decibels under the voices: noticed, never startling. */
export const TONE_RMS_DB = -20;

/** A soft bell-like note: a sine with a quieter octave, a quick attack and a long decay. */
function note(workDir: string, name: string, frequency: number, length: number): Samples {
  return synth(workDir, name, [
    'synth', String(length), 'sine', String(frequency), 'synth', String(length), 'sine', 'mix', String(frequency * 2),
    'fade', 'q', '0.006', String(length), String(length * 0.8),
  ]);
}

/** Conference-bridge style cues: a rising pair when someone joins, a falling pair when they leave, a double chirp for a report. */
export function makeTone(workDir: string, tone: Tone): Samples {
  switch (tone) {
    case 'join':
      return concat(note(workDir, 'join-1', 659, 0.14), note(workDir, 'join-2', 880, 0.26), silence(0.05));
    case 'leave':
      return concat(note(workDir, 'leave-1', 880, 0.14), note(workDir, 'leave-2', 587, 0.26), silence(0.05));
    case 'alert': {
      const chirp = concat(note(workDir, 'alert-1', 1175, 0.09), note(workDir, 'alert-2', 1568, 0.12));
      return concat(chirp, silence(0.08), chirp, silence(0.05));
    }
  }
}
