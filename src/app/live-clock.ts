import type { Session } from '../core/session/session.ts';
import type { FrameLoop } from './ports.ts';

/** The longest step one frame may take, so a tab that slept does not leap the clock forward. */
const MAX_FRAME_MS = 250;
const SECOND = 1000;

export interface ClockControls {
  /** Read every frame: the clock stands still while paused. */
  isRunning(): boolean;
  speed(): number;
  /** After the session moved on by at least one whole second. */
  onAdvance(): void;
  /** When the scenario's clock has run out or an ending was reached. */
  onEnd(): void;
  /** Every frame while the clock stands still, for what runs on the wall clock meanwhile (an exam's pause time). */
  whilePaused?(): void;
}

/**
 * Drives a session from the animation-frame loop: scenario time runs at the chosen speed, and the
 * session moves in whole seconds, as the log records them.
 */
export function runLiveClock(session: Session, frames: FrameLoop, controls: ClockControls): { stop(): void; resync(): void } {
  let clockMs = session.now;
  let lastFrame: number | null = null;
  const stop = frames((nowMs) => {
    const elapsed = lastFrame === null ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, nowMs - lastFrame));
    lastFrame = nowMs;
    if (!controls.isRunning()) {
      controls.whilePaused?.();
      return;
    }
    clockMs = Math.min(session.endMs, clockMs + elapsed * controls.speed());
    const wholeSecond = Math.floor(clockMs / SECOND) * SECOND;
    if (wholeSecond > session.now) {
      session.advanceTo(wholeSecond);
      controls.onAdvance();
    }
    if (session.now >= session.endMs || session.ended) controls.onEnd();
  });
  return {
    stop,
    /** Forgets the last frame, so time spent paused is not counted. */
    resync: () => {
      lastFrame = null;
    },
  };
}
