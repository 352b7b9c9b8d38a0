import type { AppStore } from './store.ts';

/** Master volume and mute-all: kept in the store, where the audio director reads them. */
export function audioSettings(store: AppStore): { setVolume(volume: number): void; setAudioMuted(muted: boolean): void } {
  return {
    setVolume(volume) {
      const clamped = Math.min(1, Math.max(0, Number.isFinite(volume) ? volume : 0));
      store.setState({ audio: { ...store.getState().audio, volume: clamped } });
    },
    setAudioMuted(muted) {
      store.setState({ audio: { ...store.getState().audio, muted } });
    },
  };
}
