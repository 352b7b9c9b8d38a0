import type { Core } from 'phaser';

/**
 * How often the call needs drawing: `smooth` while tiles move (every display frame), `meters` while
 * only the speaking and noise meters move (a meter needs no more than this), `idle` when nothing
 * moves (no frames at all until the store or the size changes).
 */
export type Pace = 'smooth' | 'meters' | 'idle';

/** Frames a second for the meters: level meters in call apps refresh at about this rate. */
export const METER_FPS = 20;

/**
 * Paces Phaser's game loop so the canvas is redrawn only as often as something on it changes.
 * Skipped frames leave the last picture on screen and cost the page nothing.
 */
export class FramePacer {
  private pace: Pace = 'smooth';

  constructor(private readonly loop: Core.TimeStep) {}

  set(pace: Pace): void {
    if (pace === this.pace) return;
    this.pace = pace;
    if (pace === 'idle') {
      this.loop.sleep();
      return;
    }
    this.loop.setFPSLimit(pace === 'meters' ? METER_FPS : 0);
  }

  /** Draws again soon after a change made while idle. */
  wake(): void {
    if (this.pace !== 'idle') return;
    this.pace = 'smooth';
    this.loop.setFPSLimit(0);
    this.loop.wake();
  }
}
