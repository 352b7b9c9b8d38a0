import { Scene } from 'phaser';

/** Waits for the page's fonts, so the first layout measures text in the font it is drawn in. */
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    const start = (): void => {
      if (this.sys.isActive()) this.scene.start('Bridge');
    };
    if (typeof document !== 'undefined' && document.fonts) void document.fonts.ready.then(start, start);
    else start();
  }
}
