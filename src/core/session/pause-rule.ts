import type { AttemptMode } from '../attempt.ts';

/** What the trainee is told when they act on a paused exam. */
export const EXAM_PAUSED_REFUSAL = 'The bridge doesn’t wait in an exam: resume the clock to act.';

/** In an exam the bridge does not wait: nothing can be done while the clock is paused. Coach mode is free. */
export function actingRefused(mode: AttemptMode, paused: boolean): boolean {
  return mode === 'exam' && paused;
}
