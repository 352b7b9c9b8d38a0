/** The frame-time baseline: a Phaser game configured like the call scene, with nothing in it. */
import { AUTO, Game, Scale, Scene } from 'phaser';

const parent = document.getElementById('stage');
if (parent) {
  const dpr = window.devicePixelRatio || 1;
  const { width, height } = parent.getBoundingClientRect();
  new Game({
    type: AUTO,
    parent,
    backgroundColor: '#0b1020',
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Scale.NONE, width: Math.round(width * dpr), height: Math.round(height * dpr), zoom: 1 / dpr },
    scene: [
      class Empty extends Scene {
        constructor() {
          super('Empty');
        }
        create(): void {
          parent.dataset.ready = 'true';
        }
      },
    ],
  });
}
