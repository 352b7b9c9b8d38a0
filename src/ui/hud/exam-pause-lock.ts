import { actingRefused } from '../../app/exam-pauses.ts';
import type { PlayState } from '../../app/store.ts';
import { h } from '../dom.ts';
import { setAttr, setHidden, uid } from './controls.ts';
import './exam-pause.css';

/** What the action panels say above their controls while an exam is paused. */
export const EXAM_PAUSED_HINT = 'Exam paused: resume the clock to act.';

/** Marks the controls this lock made unavailable, so it gives back only those. */
const LOCKED = 'examPauseLock';

export interface ExamPauseLock {
  /** The visible one-line hint, hidden unless the exam is paused; place it above the controls. */
  readonly hint: HTMLElement;
  /**
   * Runs the panel's own update, then marks every action control in the panel unavailable while an exam is
   * paused (`aria-disabled`, described by the hint). Controls stay focusable and clickable, so pressing one
   * still says why nothing happened; fields stay editable, so what the trainee typed is kept.
   */
  update(play: PlayState, updatePanel: () => void): void;
}

/**
 * The action controls of `root` are its HUD buttons that act on the bridge: tabs, a person's row toggle and
 * drafting helpers (`data-drafting`) are left alone.
 */
export function createExamPauseLock(root: HTMLElement): ExamPauseLock {
  const hint = h('p', { class: 'hud-exam-paused', attrs: { id: uid('exam-paused') } }, EXAM_PAUSED_HINT);
  hint.hidden = true;
  const actionControls = () => Array.from(root.querySelectorAll<HTMLElement>('.hud-button:not([role="tab"]):not([data-drafting])'));

  const release = () => {
    for (const control of root.querySelectorAll<HTMLElement>(`[data-exam-pause-lock]`)) {
      control.removeAttribute('aria-disabled');
      if (control.getAttribute('aria-describedby') === hint.id) control.removeAttribute('aria-describedby');
      delete control.dataset[LOCKED];
    }
  };
  const lock = () => {
    for (const control of actionControls()) {
      setAttr(control, 'aria-disabled', 'true');
      if (!control.hasAttribute('aria-describedby')) control.setAttribute('aria-describedby', hint.id);
      control.dataset[LOCKED] = '';
    }
  };

  return {
    hint,
    update(play, updatePanel) {
      const locked = actingRefused(play.mode, play.paused);
      // Given back first, so the panel's update sets each control's own state as if there had been no lock.
      if (!locked) release();
      updatePanel();
      if (locked) lock();
      setHidden(hint, !locked);
    },
  };
}
