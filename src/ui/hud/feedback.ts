import type { ActionIntent } from '../../app/intents.ts';
import type { AppController } from '../../app/controller.ts';
import type { AppStore } from '../../app/store.ts';
import { h, replaceChildren, type Child } from '../dom.ts';
import { refusalOf } from '../refusal.ts';
import { setText } from './controls.ts';

/**
 * Where a form says what became of its last submission: a polite status on success or when the
 * action changed nothing, an alert on failure. A message is about the form it sits in, as the
 * trainee last saw it: it clears itself once that part of the panel is hidden (another tab, the
 * People column, a closed menu), so an old "✓ Sent" never greets them under something new.
 */
export interface Feedback {
  readonly element: HTMLElement;
  succeeded(message: string): void;
  /** The action was logged but changed nothing; `reason` is what the system answered. */
  changedNothing(reason: string): void;
  failed(error: string): void;
  clear(): void;
}

export function createFeedback(): Feedback {
  // Both live regions exist from the start, empty, so assistive technology reads what is later put in them.
  const status = h('p', { class: 'hud-feedback hud-sent', attrs: { role: 'status' } });
  const alert = h('p', { class: 'hud-feedback hud-error', attrs: { role: 'alert' } });
  const element = h('div', { class: 'hud-feedbacks' }, status, alert);
  let stopWatching: (() => void) | null = null;

  const clear = () => {
    stopWatching?.();
    stopWatching = null;
    setText(status, '');
    status.classList.remove('is-system');
    setText(alert, '');
  };
  const show = (region: HTMLElement, ...children: readonly Child[]) => {
    clear();
    // Re-set the text even when it is the same, so a second identical message is read out again.
    replaceChildren(region, ...children);
    stopWatching = whenHidden(status, clear);
  };

  return {
    element,
    succeeded: (message) => show(status, message),
    changedNothing(reason) {
      show(status, h('span', { class: 'hud-system-label' }, 'System:'), ' ', reason);
      status.classList.add('is-system');
    },
    failed: (error) => show(alert, error),
    clear,
  };
}

/** Calls `onHidden` once `element` is inside something hidden; returns how to stop watching. */
function whenHidden(element: HTMLElement, onHidden: () => void): () => void {
  if (!element.isConnected || typeof MutationObserver !== 'function') return () => {};
  const observer = new MutationObserver(() => {
    if (!element.isConnected) observer.disconnect();
    else if (element.closest('[hidden]')) onHidden();
  });
  const root = element.ownerDocument.documentElement;
  observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  return () => observer.disconnect();
}

/**
 * Sends one action through the controller and reports the outcome in `feedback`:
 * "Sent at 03:02:10" (the scenario time it was stamped with), the system's answer when the action
 * was logged but changed nothing ("Bill Turner is not on the bridge."), or the controller's error.
 * Returns whether the action was accepted, so the caller resets its form only then.
 */
export function sendIntent(store: AppStore, controller: AppController, intent: ActionIntent, feedback: Feedback): boolean {
  const before = store.getState().play?.sim.actions.length;
  const result = controller.act(intent);
  if (!result.ok) {
    feedback.failed(result.error);
    return false;
  }
  const play = store.getState().play;
  if (!play) {
    feedback.succeeded('Sent');
    return true;
  }
  const logged = play.sim.actions.length === (before ?? -1) + 1 ? play.sim.actions.at(-1) : undefined;
  if (logged && !logged.effective) feedback.changedNothing(refusalOf(play.sim, logged.index));
  else feedback.succeeded(`Sent at ${play.compiled.clock.format(play.sim.now)}`);
  return true;
}

/** A form that never reloads the page: `onSubmit` runs on Enter or on its submit button. */
export function actionForm(className: string, onSubmit: () => void, ...children: readonly Child[]): HTMLFormElement {
  const form = h('form', { class: `hud-form ${className}`, attrs: { novalidate: '' } }, ...children);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return form;
}

/** Reports a problem with the trainee's input and puts them back in the field to fix it. */
export function rejectInput(feedback: Feedback, field: HTMLElement, message: string): void {
  feedback.failed(message);
  field.focus();
}
