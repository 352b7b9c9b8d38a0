import { readFileSync, writeFileSync } from 'node:fs';

/** Every generated sound is mono at this rate: the phone band tops out at 3.4 kHz. */
export const SAMPLE_RATE = 16_000;

/** Mono samples in -1..1 at SAMPLE_RATE. */
export type Samples = Float32Array;

export const seconds = (s: number): number => Math.round(s * SAMPLE_RATE);
export const silence = (s: number): Samples => new Float32Array(seconds(s));
export const dbToGain = (db: number): number => 10 ** (db / 20);

/** Reads a 16-bit PCM mono WAV file, as sox writes it. */
export function readWav(path: string): Samples {
  const bytes = readFileSync(path);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') {
      const end = Math.min(bytes.length, offset + 8 + size);
      const samples = new Float32Array((end - offset - 8) >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(offset + 8 + i * 2) / 32768;
      return samples;
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

/** Writes 16-bit PCM mono WAV at SAMPLE_RATE, clamping to full scale. */
export function writeWav(path: string, samples: Samples): void {
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const data = Buffer.alloc(dataBytes);
  for (let i = 0; i < samples.length; i++) {
    const value = Math.max(-1, Math.min(1, samples[i]!));
    data.writeInt16LE(Math.round(value * 32767), i * 2);
  }
  writeFileSync(path, Buffer.concat([header, data]));
}

export function rms(samples: Samples): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

export function scale(samples: Samples, gain: number): Samples {
  return samples.map((value) => value * gain);
}

/** Scales to the target RMS level, then rounds off any peak above `ceilingDb` with a soft knee. */
export function levelTo(samples: Samples, rmsDb: number, ceilingDb = -1): Samples {
  const level = rms(samples);
  const scaled = level > 0 ? scale(samples, dbToGain(rmsDb) / level) : samples;
  const ceiling = dbToGain(ceilingDb);
  const knee = ceiling * 0.7;
  return scaled.map((value) => {
    const size = Math.abs(value);
    if (size <= knee) return value;
    return Math.sign(value) * (knee + (ceiling - knee) * Math.tanh((size - knee) / (ceiling - knee)));
  });
}

/**
 * Adds `sound` into `bed` starting at sample `at`, wrapping past the end to the start,
 * so that anything placed on a loop's bed carries on seamlessly when the loop repeats.
 */
export function mixAround(bed: Samples, sound: Samples, at: number, gain = 1): void {
  for (let i = 0; i < sound.length; i++) {
    const index = (((at + i) % bed.length) + bed.length) % bed.length;
    bed[index] = bed[index]! + sound[i]! * gain;
  }
}

/**
 * A seamless loop of `length` samples from a longer take: its tail beyond `length` is
 * faded out over the faded-in start, with equal-power curves because the two are unrelated.
 */
export function crossfadeLoop(take: Samples, length: number): Samples {
  const fade = take.length - length;
  if (fade <= 0) throw new Error('the take must be longer than the loop');
  const loop = take.slice(0, length);
  for (let i = 0; i < fade; i++) {
    const t = (i + 0.5) / fade;
    loop[i] = take[i]! * Math.sin((t * Math.PI) / 2) + take[length + i]! * Math.cos((t * Math.PI) / 2);
  }
  return loop;
}

export function concat(...parts: Samples[]): Samples {
  const joined = new Float32Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
