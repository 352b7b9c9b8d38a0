import type { AppController } from '../app/controller.ts';
import type { AppStore, AudioSettings } from '../app/store.ts';
import { h } from './dom.ts';

export interface AudioControls {
  readonly element: HTMLElement;
  dispose(): void;
}

/** Master volume and mute-all. Sound is optional: captions and the transcript carry every line. */
export function renderAudioControls(store: AppStore, controller: AppController): AudioControls {
  const mute = h('button', { class: 'button ghost small audio-mute', attrs: { type: 'button' } });
  const volume = h('input', { class: 'volume', attrs: { type: 'range', min: '0', max: '100', step: '5', id: 'master-volume' } });
  mute.addEventListener('click', () => controller.setAudioMuted(!store.getState().audio.muted));
  volume.addEventListener('input', () => controller.setVolume(Number(volume.value) / 100));

  let shown: AudioSettings | null = null;
  const render = (audio: AudioSettings) => {
    if (audio === shown) return;
    shown = audio;
    mute.textContent = audio.muted ? 'Unmute all' : 'Mute all';
    mute.classList.toggle('is-muted', audio.muted);
    const percent = String(Math.round(audio.volume * 100));
    if (volume.value !== percent) volume.value = percent;
    volume.setAttribute('aria-valuetext', `${percent}%`);
    volume.disabled = audio.muted;
  };
  render(store.getState().audio);
  const unsubscribe = store.subscribe((state) => render(state.audio));

  const element = h('div', { class: 'audio-controls', attrs: { role: 'group', 'aria-label': 'Sound' } }, mute, h('label', { class: 'sr-only', attrs: { for: 'master-volume' } }, 'Master volume'), volume);
  return { element, dispose: unsubscribe };
}
