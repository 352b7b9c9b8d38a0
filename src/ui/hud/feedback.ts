import type { ActionIntent } from '../../app/intents.ts';
import type { AppController } from '../../app/controller.ts';
import type { AppStore } from '../../app/store.ts';
import { h, replaceChildren, type Child } from '../dom.ts';
import { setText } from './controls.ts';

/** Where a form says what became of its last submission: a polite status on success, an alert on failure. */
export interface Feedback {
  readonly element: HTMLElement;
  succeeded(message: string): void;
  failed(error: string): void;
  clear(): void;
}

export function createFeedback(): Feedback {
  // Both live regions exist from the start, empty, so assistive technology reads what is later put in them.
  const status = h('p', { class: 'hud-feedback hud-sent', attrs: { role: 'status' } });
  const alert = h('p', { class: 'hud-feedback hud-error', attrs: { role: 'alert' } });
  return {
    element: h('div', { class: 'hud-feedbacks' }, status, alert),
    succeeded(message) {
      setText(alert, '');
      // Re-set the text even when it is the same, so a second identical confirmation is read out again.
      status.textContent = '';
      replaceChildren(status, message);
    },
    failed(error) {
      setText(status, '');
      alert.textContent = '';
      replaceChildren(alert, error);
    },
    clear() {
      setText(status, '');
      setText(alert, '');
    },
  };
}

/**
 * Sends one action through the controller and reports the outcome in `feedback`:
 * "Sent at 03:02:10" (the scenario time it was stamped with), or the controller's error.
 * Returns whether the action was accepted, so the caller resets its form only then.
 */
export function sendIntent(store: AppStore, controller: AppController, intent: ActionIntent, feedback: Feedback): boolean {
  const result = controller.act(intent);
  if (!result.ok) {
    feedback.failed(result.error);
    return false;
  }
  const play = store.getState().play;
  feedback.succeeded(play ? `Sent at ${play.compiled.clock.format(play.sim.now)}` : 'Sent');
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
