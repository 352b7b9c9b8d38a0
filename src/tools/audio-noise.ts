import { join } from 'node:path';
import type { NoiseSound } from '../core/session/state.ts';
import { speak, sox, soxEffects, synth, type EspeakVoice } from './audio-exec.ts';
import { concat, crossfadeLoop, dbToGain, mixAround, readWav, seconds, silence, type Samples } from './audio-pcm.ts';

export interface NoiseKit {
  readonly workDir: string;
  readonly random: () => number;
}

/** How a background sound is made: its loop length, its level under the voices, and the recipe. */
export interface NoiseRecipe {
  readonly seconds: number;
  readonly rmsDb: number;
  readonly make: (kit: NoiseKit, length: number) => Samples;
}

const between = (random: () => number, low: number, high: number): number => low + (high - low) * random();
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A steady bed of `kind` noise shaped by `effects`, looping seamlessly over `length` samples. */
function bed(kit: NoiseKit, name: string, length: number, kind: string, effects: readonly string[]): Samples {
  const take = synth(kit.workDir, name, ['synth', String((length + seconds(1.5)) / seconds(1)), kind, ...effects]);
  return crossfadeLoop(take, length);
}

/** Runs a loop through sox effects without a seam: three copies go in, the middle one comes out. */
export function loopThrough(kit: NoiseKit, name: string, loop: Samples, effects: readonly string[]): Samples {
  const out = soxEffects(kit.workDir, name, concat(loop, loop, loop), effects);
  return out.slice(loop.length, loop.length * 2);
}

/** Places `count` sounds from `make` at random times around the loop, at random levels between the given dB. */
function scatter(kit: NoiseKit, loop: Samples, count: number, lowDb: number, highDb: number, make: (index: number) => Samples): void {
  for (let i = 0; i < count; i++) {
    const at = Math.floor((loop.length * (i + kit.random() * 0.8)) / count);
    mixAround(loop, make(i), at, dbToGain(between(kit.random, lowDb, highDb)));
  }
}

function spoken(kit: NoiseKit, name: string, text: string, voice: EspeakVoice, effects: readonly string[]): Samples {
  const raw = join(kit.workDir, `${name}-raw.wav`);
  const shaped = join(kit.workDir, `${name}.wav`);
  speak(text, voice, raw);
  sox([raw], shaped, effects);
  return readWav(shaped);
}

const CHILD_LINES = [
  'Mummy! Mummy, look!', 'It is my turn!', 'No! That is mine!', 'Wheeeee!', 'Ha ha ha ha ha!',
  'Can I have a biscuit?', 'Mum, he took my dinosaur!', 'Again! Again!', 'Ready or not, here I come!',
  'Na na na na na na!', 'Look at me! Look at me!', 'I am a lion! Raaaah!', 'Why? But why?', 'Catch me!',
];
const CHILD_VOICES: readonly EspeakVoice[] = [
  { name: 'en-us+f4', speed: 210, pitch: 95 },
  { name: 'en+f2', speed: 230, pitch: 99 },
  { name: 'en-us+Annie', speed: 200, pitch: 90 },
];

function children(kit: NoiseKit, length: number): Samples {
  const loop = bed(kit, 'kids-room', length, 'brownnoise', ['lowpass', '500', 'gain', '-30']);
  scatter(kit, loop, 14, -8, 0, (i) =>
    spoken(kit, `kid-${i}`, CHILD_LINES[i % CHILD_LINES.length]!, pick(kit.random, CHILD_VOICES), ['pitch', String(Math.round(between(kit.random, 250, 450))), 'reverb', '40', '50', '60']),
  );
  scatter(kit, loop, 5, -14, -6, (i) => synth(kit.workDir, `squeak-${i}`, ['synth', '0.16', 'sine', `${1600 + i * 90}-${2300 + i * 60}`, 'fade', 'q', '0.01', '0.16', '0.06']));
  scatter(kit, loop, 6, -10, -4, (i) => synth(kit.workDir, `thud-${i}`, ['synth', '0.12', 'brownnoise', 'lowpass', '300', 'fade', 'q', '0.002', '0.12', '0.1', 'gain', '6']));
  return loop;
}

/** One bark: a rising yelp into a falling, rough body, with a room around it. */
function bark(kit: NoiseKit, name: string): Samples {
  const low = Math.round(between(kit.random, 260, 330));
  const high = Math.round(between(kit.random, 560, 680));
  const part = (suffix: string, length: number, from: number, to: number, fades: readonly string[]) =>
    synth(kit.workDir, `${name}-${suffix}`, ['synth', String(length), 'sawtooth', `${from}-${to}`, 'synth', String(length), 'pinknoise', 'mix', 'fade', 'q', ...fades]);
  const yelp = part('yelp', 0.04, low, high, ['0.012']);
  const body = part('body', 0.15, high, low, ['0', '0.15', '0.12']);
  return soxEffects(kit.workDir, `${name}-room`, concat(yelp, body, silence(0.25)), ['bandpass', '850', '0.8q', 'overdrive', '14', 'reverb', '25', '50', '40']);
}

function dog(kit: NoiseKit, length: number): Samples {
  const loop = bed(kit, 'yard', length, 'pinknoise', ['lowpass', '800', 'gain', '-36']);
  const groups = [2, 3, 1, 4, 2];
  groups.forEach((count, group) => {
    let at = Math.floor((loop.length * (group + kit.random() * 0.5)) / groups.length);
    for (let i = 0; i < count; i++) {
      mixAround(loop, bark(kit, `bark-${group}-${i}`), at, dbToGain(between(kit.random, -3, 0)));
      at += seconds(between(kit.random, 0.3, 0.5));
    }
  });
  const growl = synth(kit.workDir, 'growl', ['synth', '1.2', 'sawtooth', '95', 'synth', '1.2', 'brownnoise', 'amod', 'fade', 'q', '0.2', '1.2', '0.4', 'lowpass', '900', 'gain', '8']);
  mixAround(loop, growl, Math.floor(loop.length * 0.55), dbToGain(-8));
  return loop;
}

function traffic(kit: NoiseKit, length: number): Samples {
  const loop = bed(kit, 'rumble', length, 'brownnoise', ['lowpass', '400', 'tremolo', '0.2', '30', 'gain', '-12']);
  scatter(kit, loop, 6, -8, -2, (i) => {
    const pass = between(kit.random, 2.5, 5);
    const engine = Math.round(between(kit.random, 80, 140));
    return synth(kit.workDir, `car-${i}`, [
      'synth', String(pass), 'pinknoise', 'synth', String(pass), 'sawtooth', 'mix', `${engine + 20}-${engine - 15}`,
      'bandpass', String(Math.round(between(kit.random, 500, 900))), '1.5q', 'fade', 'h', String(pass / 2), String(pass), String(pass / 2), 'gain', '-4',
    ]);
  });
  const horn = synth(kit.workDir, 'horn', ['synth', '0.45', 'square', '415', 'synth', '0.45', 'square', 'mix', '520', 'fade', 'q', '0.02', '0.45', '0.08', 'bandpass', '700', '1q', 'reverb', '60', 'gain', '-8']);
  mixAround(loop, horn, Math.floor(loop.length * 0.3), 1);
  mixAround(loop, horn.slice(0, seconds(0.2)), Math.floor(loop.length * 0.3) + seconds(0.6), 1);
  return loop;
}

function typing(kit: NoiseKit, length: number): Samples {
  const loop = bed(kit, 'office', length, 'pinknoise', ['lowpass', '1200', 'gain', '-42']);
  const keys = [0, 1, 2, 3].map((i) =>
    synth(kit.workDir, `key-${i}`, [
      'synth', '0.03', 'whitenoise', 'synth', '0.03', 'sine', 'mix', String(1700 + i * 230),
      'highpass', String(1400 + i * 250), 'fade', 'q', '0.001', '0.03', '0.026', 'gain', '-2',
    ]),
  );
  const space = synth(kit.workDir, 'space', ['synth', '0.06', 'brownnoise', 'synth', '0.06', 'sine', 'mix', '190', 'bandpass', '600', '1q', 'fade', 'q', '0.001', '0.06', '0.05', 'gain', '6']);
  let at = 0;
  while (at < loop.length - seconds(0.8)) {
    const burst = Math.floor(between(kit.random, 4, 16));
    for (let i = 0; i < burst && at < loop.length - seconds(0.8); i++) {
      const sound = kit.random() < 0.15 ? space : pick(kit.random, keys);
      mixAround(loop, sound, at, dbToGain(between(kit.random, -6, 0)));
      at += seconds(between(kit.random, 0.08, 0.2));
    }
    at += seconds(between(kit.random, 0.3, 1.4));
  }
  return loop;
}

function staticLine(kit: NoiseKit, length: number): Samples {
  const hiss = bed(kit, 'hiss', length, 'whitenoise', ['highpass', '1500', 'tremolo', '0.4', '60', 'gain', '-14']);
  const hum = synth(kit.workDir, 'hum', ['synth', String(length / seconds(1)), 'sine', '50', 'overdrive', '30', 'gain', '-16']);
  mixAround(hiss, hum, 0, 1);
  scatter(kit, hiss, 60, -12, 0, () => {
    const crackle = new Float32Array(Math.floor(between(kit.random, 3, 40)));
    for (let i = 0; i < crackle.length; i++) crackle[i] = (kit.random() * 2 - 1) * (1 - i / crackle.length);
    return crackle;
  });
  scatter(kit, hiss, 3, -6, -2, (i) => synth(kit.workDir, `whoosh-${i}`, ['synth', '0.7', 'pinknoise', 'bandpass', '1800', '2q', 'fade', 'h', '0.3', '0.7', '0.35', 'gain', '-6']));
  return hiss;
}

const TV_LINES = [
  'And now, the weather for the weekend. Cloud and showers will spread from the west, with bright spells later on Sunday.',
  'Welcome back to Spin the Prize! Our next contestant is a teacher from Leeds. Let us see what she can win!',
  'Come on down to Carpet City, where every rug is half price, this weekend only.',
];

function tv(kit: NoiseKit, length: number): Samples {
  const loop = bed(kit, 'tv-hum', length, 'pinknoise', ['lowpass', '600', 'gain', '-38']);
  const hosts: readonly EspeakVoice[] = [
    { name: 'en-gb-x-rp+m1', speed: 170, pitch: 45 },
    { name: 'en-us+f1', speed: 190, pitch: 70 },
    { name: 'en-us+m2', speed: 200, pitch: 60 },
  ];
  const third = Math.floor(loop.length / TV_LINES.length);
  TV_LINES.forEach((text, i) => mixAround(loop, spoken(kit, `tv-${i}`, text, hosts[i]!, []), third * i + seconds(0.4), dbToGain(-3)));
  const applause = synth(kit.workDir, 'applause', ['synth', '2.5', 'whitenoise', 'tremolo', '23', '90', 'bandpass', '2000', '0.6q', 'fade', 'h', '0.3', '2.5', '1.2', 'gain', '-6']);
  mixAround(loop, applause, third * 2 - seconds(2.8), 1);
  const notes = [523, 659, 784, 1047].map((frequency, i) => synth(kit.workDir, `jingle-${i}`, ['synth', '0.22', 'triangle', String(frequency), 'fade', 'q', '0.01', '0.22', '0.1', 'gain', '-6']));
  notes.forEach((note, i) => mixAround(loop, note, third * 3 - seconds(1.4) + seconds(0.2 * i), 1));
  return loopThrough(kit, 'tv-room', loop, ['lowpass', '1800', 'reverb', '70', '60', '80']);
}

/** Each background sound a noisy line can carry. */
export const NOISE_RECIPES: Readonly<Record<NoiseSound, NoiseRecipe>> = {
  children: { seconds: 18, rmsDb: -30, make: children },
  dog: { seconds: 14, rmsDb: -31, make: dog },
  traffic: { seconds: 20, rmsDb: -32, make: traffic },
  typing: { seconds: 12, rmsDb: -34, make: typing },
  static: { seconds: 10, rmsDb: -34, make: staticLine },
  tv: { seconds: 21, rmsDb: -32, make: tv },
};
