import { join } from 'node:path';
import { encodeOpus, soxEffects, speak, sox, type EspeakVoice } from './audio-exec.ts';
import { levelTo, readWav } from './audio-pcm.ts';

/** Loudness every voice clip is brought to, before the phone codec. */
export const VOICE_RMS_DB = -18;
export const VOICE_KBPS = 24;
/** Peak ceiling before encoding; the codec overshoots it by a decibel or so. */
export const VOICE_CEILING_DB = -3;

/** A conference-bridge line: narrow band, a compressor riding the level, a touch of line grit. */
const PHONE_LINE = [
  'compand', '0.005,0.12', '6:-70,-70,-40,-24,-20,-12,0,-6', '-4', '-90', '0.005',
  'overdrive', '3', '40',
  'sinc', '300-3400',
];

/** Cuts silence longer than a breath from the start and end, leaving a short lead-in. */
const TRIM_EDGES = ['silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0.04', '0.12'];

/** Speaks one line in a participant's voice and writes it, phone-coloured and levelled, as Ogg Opus. */
export function makeLineClip(workDir: string, text: string, voice: EspeakVoice, oggPath: string): void {
  const raw = join(workDir, 'line-raw.wav');
  const trimmed = join(workDir, 'line-trimmed.wav');
  speak(text, voice, raw);
  sox([raw], trimmed, TRIM_EDGES);
  const phone = soxEffects(workDir, 'line-phone', readWav(trimmed), PHONE_LINE);
  encodeOpus(workDir, levelTo(phone, VOICE_RMS_DB, VOICE_CEILING_DB), oggPath, VOICE_KBPS);
}
