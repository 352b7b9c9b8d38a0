import type { PlayState } from '../../app/store.ts';

/** A span of time as a countdown: `12:30`, `1:02:05`. */
export function formatCountdown(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The scenario time now, `HH:MM:SS`. */
export function nowLabel(play: PlayState): string {
  return play.compiled.clock.format(play.sim.now);
}
