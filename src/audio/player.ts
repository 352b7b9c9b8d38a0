import { Howl, Howler } from 'howler';
import type { NoiseSound } from '../core/session/state.ts';
import type { Cue, Tone } from './cues.ts';
import type { SoundUrls } from './urls.ts';

/** More voices than this at once is a din, not a bridge: the oldest is cut off. */
const MAX_VOICES = 3;
/** Voice clips kept decoded for lines that come round again (roll calls, "nothing new"). */
const CACHED_VOICES = 12;

interface Playing {
  readonly howl: Howl;
  readonly id: number;
}

/** Carries out cues with howler. Sounds that fail to load are skipped: the captions carry every line. */
export class HowlerPlayer {
  private readonly voiceHowls = new Map<string, Howl>();
  private readonly voices = new Map<string, Playing>();
  private readonly noiseHowls = new Map<NoiseSound, Howl>();
  private readonly noises = new Map<string, Playing>();
  private readonly toneHowls = new Map<Tone, Howl>();
  private readonly failed = new Set<string>();

  constructor(private readonly urls: SoundUrls) {
    // A suspended context then only ever means the browser has not allowed sound yet.
    Howler.autoSuspend = false;
    Howler.autoUnlock = true;
    for (const tone of ['join', 'leave', 'alert'] as const) this.toneHowls.set(tone, this.howl(urls.tone(tone), false));
  }

  perform(cue: Cue): void {
    switch (cue.type) {
      case 'master':
        Howler.volume(cue.volume);
        Howler.mute(cue.muted);
        return;
      case 'hush':
        for (const speaker of [...this.voices.keys()]) this.stopVoice(speaker);
        return;
      case 'voice':
        if (this.soundAllowed()) this.playVoice(cue.speaker, cue.key);
        return;
      case 'tone':
        if (this.soundAllowed()) this.toneHowls.get(cue.tone)?.play();
        return;
      case 'noise-on':
        this.startNoise(cue.participant, cue.sound);
        return;
      case 'noise-off':
        this.stopNoise(cue.participant);
        return;
    }
  }

  dispose(): void {
    for (const howl of [...this.voiceHowls.values(), ...this.noiseHowls.values(), ...this.toneHowls.values()]) howl.unload();
    this.voiceHowls.clear();
    this.noiseHowls.clear();
    this.toneHowls.clear();
    this.voices.clear();
    this.noises.clear();
  }

  /**
   * Until the trainee's first click or key the browser holds sound back. Lines and tones
   * asked for meanwhile would all burst out at once, so they are dropped; noise loops wait.
   */
  private soundAllowed(): boolean {
    const context = Howler.ctx as AudioContext | null | undefined;
    return !context || context.state === 'running';
  }

  private howl(src: string, loop: boolean, onDone?: (id: number) => void): Howl {
    return new Howl({
      src: [src],
      format: ['ogg'],
      loop,
      preload: true,
      onend: (id) => onDone?.(id),
      onloaderror: () => this.failed.add(src),
      onplayerror: (id) => onDone?.(id),
    });
  }

  private playVoice(speaker: string, key: string): void {
    const src = this.urls.line(key);
    if (this.failed.has(src)) return;
    this.stopVoice(speaker);
    while (this.voices.size >= MAX_VOICES) this.stopVoice(this.voices.keys().next().value!);
    const howl = this.voiceHowl(key, src, speaker);
    this.voices.set(speaker, { howl, id: howl.play() });
  }

  private voiceHowl(key: string, src: string, speaker: string): Howl {
    const cached = this.voiceHowls.get(key);
    if (cached) {
      this.voiceHowls.delete(key);
      this.voiceHowls.set(key, cached);
      return cached;
    }
    const howl = this.howl(src, false, (id) => {
      if (this.voices.get(speaker)?.id === id) this.voices.delete(speaker);
    });
    this.voiceHowls.set(key, howl);
    for (const [oldKey, old] of this.voiceHowls) {
      if (this.voiceHowls.size <= CACHED_VOICES) break;
      if ([...this.voices.values()].some((playing) => playing.howl === old)) continue;
      old.unload();
      this.voiceHowls.delete(oldKey);
    }
    return howl;
  }

  private stopVoice(speaker: string): void {
    const playing = this.voices.get(speaker);
    if (!playing) return;
    this.voices.delete(speaker);
    playing.howl.stop(playing.id);
  }

  private startNoise(participant: string, sound: NoiseSound): void {
    this.stopNoise(participant);
    let howl = this.noiseHowls.get(sound);
    if (!howl) {
      howl = this.howl(this.urls.noise(sound), true);
      this.noiseHowls.set(sound, howl);
    }
    this.noises.set(participant, { howl, id: howl.play() });
  }

  private stopNoise(participant: string): void {
    const playing = this.noises.get(participant);
    if (!playing) return;
    this.noises.delete(participant);
    playing.howl.stop(playing.id);
  }
}
