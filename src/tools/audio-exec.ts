import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readWav, SAMPLE_RATE, writeWav, type Samples } from './audio-pcm.ts';

/** Runs a command-line tool and returns what it printed on stdout and stderr, failing with its own error output. */
export function run(command: string, args: readonly string[], input?: string): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || String(result.error)}`);
  }
  return `${result.stdout}${result.stderr}`;
}

/** Checks that the command-line tools the script needs are installed. */
export function missingTools(): string[] {
  return ['espeak-ng', 'sox', 'opusenc', 'opusdec'].filter((tool) => {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}

export interface EspeakVoice {
  /** espeak-ng voice and variant, e.g. `en-gb-scotland+m2`. */
  readonly name: string;
  /** Words per minute. */
  readonly speed: number;
  /** 0 to 99. */
  readonly pitch: number;
}

/** Speaks `text` with espeak-ng into a WAV file (espeak's own rate). Text goes in on stdin, never as an option. */
export function speak(text: string, voice: EspeakVoice, wavPath: string): void {
  rmSync(wavPath, { force: true });
  run('espeak-ng', ['-v', voice.name, '-s', String(voice.speed), '-p', String(voice.pitch), '-w', wavPath, '--stdin'], text);
  if (!existsSync(wavPath)) throw new Error(`espeak-ng wrote nothing for voice ${voice.name}`);
}

/** Runs sox from one or more inputs to a mono 16-bit WAV at SAMPLE_RATE through `effects`. */
export function sox(inputs: readonly string[], output: string, effects: readonly string[] = []): void {
  run('sox', ['-R', ...inputs, '-b', '16', '-c', '1', '-r', String(SAMPLE_RATE), output, ...effects]);
}

/** Synthesises with sox from nothing (`sox -n`) and returns the samples. */
export function synth(workDir: string, name: string, effects: readonly string[]): Samples {
  const path = join(workDir, `${name}.wav`);
  run('sox', ['-R', '-n', '-b', '16', '-c', '1', '-r', String(SAMPLE_RATE), path, ...effects]);
  return readWav(path);
}

/** Passes samples through sox effects and returns the result. */
export function soxEffects(workDir: string, name: string, samples: Samples, effects: readonly string[]): Samples {
  const input = join(workDir, `${name}-in.wav`);
  const output = join(workDir, `${name}-out.wav`);
  writeWav(input, samples);
  sox([input], output, effects);
  return readWav(output);
}

/** Encodes mono samples as Ogg Opus at `kbps`. */
export function encodeOpus(workDir: string, samples: Samples, oggPath: string, kbps: number): void {
  const wav = join(workDir, 'encode.wav');
  writeWav(wav, samples);
  run('opusenc', ['--quiet', '--serial', '1', '--bitrate', String(kbps), '--comp', '10', '--max-delay', '0', wav, oggPath]);
}

export interface Levels {
  readonly rmsDb: number;
  readonly peakDb: number;
  readonly seconds: number;
}

/** Decodes an Ogg Opus file and measures it with `sox stats`, as a listener would hear it. */
export function measure(workDir: string, oggPath: string): Levels {
  const wav = join(workDir, 'measure.wav');
  run('opusdec', ['--quiet', '--rate', '48000', oggPath, wav]);
  const report = run('sox', [wav, '-n', 'stats']);
  const field = (label: string): number => {
    const match = new RegExp(`^${label}\\s+(-?[\\d.]+|-inf)`, 'm').exec(report);
    return match?.[1] === undefined || match[1] === '-inf' ? -Infinity : Number(match[1]);
  };
  return { rmsDb: field('RMS lev dB'), peakDb: field('Pk lev dB'), seconds: field('Length s') };
}
