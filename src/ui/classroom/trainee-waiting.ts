import type { TraineeState } from '../../app/classroom/trainee-state.ts';
import { h } from '../dom.ts';
import { setText } from '../hud/controls.ts';
import './trainee.css';

export interface TraineeWaitingView {
  readonly element: HTMLElement;
  update(state: TraineeState): void;
}

/** "You're in": seated, until the host starts the exercise. */
export function renderTraineeWaiting(): TraineeWaitingView {
  const name = h('strong', { class: 'trainee-name' });
  const scenario = h('p', { class: 'trainee-scenario' });
  const seated = h('p', { class: 'trainee-seated', attrs: { role: 'status' } });
  const mode = h('p', { class: 'panel-hint' });
  const element = h(
    'section',
    { class: 'panel trainee-card trainee-waiting', attrs: { 'aria-labelledby': 'waiting-title' } },
    h('p', { class: 'eyebrow' }, 'Classroom'),
    h('h1', { attrs: { id: 'waiting-title', tabindex: '-1' } }, 'You’re in'),
    h('p', { class: 'trainee-seat' }, 'Seated as ', name),
    scenario,
    h('p', { class: 'trainee-wait' }, h('span', { class: 'trainee-pulse', attrs: { 'aria-hidden': 'true' } }), 'Waiting for the host to start'),
    seated,
    mode,
  );
  return {
    element,
    update(state) {
      setText(name, state.seat?.name ?? '');
      setText(scenario, state.room?.title ?? state.info?.scenario.title ?? '');
      const count = state.room?.seated ?? 0;
      setText(seated, count === 1 ? '1 person seated' : `${count} people seated`);
      const exam = state.room?.exam ?? state.info?.exam ?? false;
      setText(mode, state.room?.mode === 'vote' ? 'The class runs one bridge together: you vote on each big decision.' : `You run your own bridge${exam ? ', in exam mode' : ''}. The host starts and paces the clock.`);
    },
  };
}
