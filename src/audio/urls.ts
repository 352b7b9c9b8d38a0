import type { NoiseSound } from '../core/session/state.ts';
import type { Tone } from './cues.ts';

/** Where the sounds are served: `assets/audio/` is copied to `<base>audio/`. */
export interface SoundUrls {
  line(key: string): string;
  noise(sound: NoiseSound): string;
  tone(tone: Tone): string;
}

export function soundUrls(baseUrl: string): SoundUrls {
  const root = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}audio/`;
  return {
    line: (key) => `${root}lines/${encodeURIComponent(key)}.ogg`,
    noise: (sound) => `${root}noise/${sound}.ogg`,
    tone: (tone) => `${root}ui/${tone}.ogg`,
  };
}
