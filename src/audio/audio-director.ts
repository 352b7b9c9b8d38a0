import type { AppState, AppStore } from '../app/store.ts';
import { audioCues, type Cue } from './cues.ts';
import { HowlerPlayer } from './player.ts';
import { soundUrls } from './urls.ts';

export interface AudioDirector {
  dispose(): void;
}

export interface AudioDirectorOptions {
  /** Where the app is served from; defaults to Vite's base URL. */
  readonly baseUrl?: string;
}

/**
 * Plays the bridge: each new line in the speaker's voice, join, leave and report tones, and
 * the background noise of every unmuted noisy line on the bridge being viewed. Never throws:
 * sound is a bonus, the captions carry everything.
 */
export function createAudioDirector(store: AppStore, options: AudioDirectorOptions = {}): AudioDirector {
  const player = new HowlerPlayer(soundUrls(options.baseUrl ?? import.meta.env.BASE_URL));
  const perform = (cues: readonly Cue[]): void => {
    for (const cue of cues) {
      try {
        player.perform(cue);
      } catch {
        // A sound that cannot play is skipped.
      }
    }
  };
  let previous: AppState = store.getState();
  perform(audioCues(null, previous));
  const unsubscribe = store.subscribe((state) => {
    const before = previous;
    previous = state;
    perform(audioCues(before, state));
  });
  return {
    dispose() {
      unsubscribe();
      try {
        player.dispose();
      } catch {
        // Nothing left to stop.
      }
    },
  };
}
