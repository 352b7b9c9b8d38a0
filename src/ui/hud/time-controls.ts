import type { AppController } from '../../app/controller.ts';
import { pauseSummary } from '../../app/exam-pauses.ts';
import { nextUpdateIn } from '../../app/selectors.ts';
import { SPEEDS, type AppStore, type PlayState } from '../../app/store.ts';
import { h } from '../dom.ts';
import { button, setAttr, setHidden, setText, uid } from './controls.ts';
import { formatCountdown, nowLabel } from './format.ts';
import { mountPlayView, type HudPanel, type PlayView } from './panel.ts';
import './hud.css';
import './exam-pause.css';

/**
 * The session's clock: pause and speed, the countdown to the promised update, the mode, an exam's pauses so far,
 * and ending the exercise.
 */
export function renderTimeControls(store: AppStore, controller: AppController): HudPanel {
  const element = h('section', { class: 'hud-panel hud-time', attrs: { 'aria-label': 'Exercise clock' } });
  return mountPlayView(store, element, () => buildTimeControls(controller));
}

function buildTimeControls(controller: AppController): PlayView {
  const mode = h('span', { class: 'hud-mode' });
  const clock = h('span', { class: 'hud-clock', attrs: { role: 'timer', 'aria-label': 'Scenario time' } });
  const state = h('span', { class: 'hud-clock-state' });

  const pause = button('Pause', { class: 'hud-pause' });
  pause.addEventListener('click', () => {
    if (pause.dataset.paused === 'true') controller.resume();
    else controller.pause();
  });

  const speedButtons = SPEEDS.map((speed) => {
    const speedButton = button(`${speed}×`, { class: 'hud-speed', onClick: () => controller.setSpeed(speed) });
    speedButton.setAttribute('aria-label', `Speed ${speed}×`);
    speedButton.dataset.speed = String(speed);
    return speedButton;
  });
  const speeds = h('div', { class: 'hud-speeds', attrs: { role: 'group', 'aria-label': 'Clock speed' } }, ...speedButtons);

  const countdown = h('p', { class: 'hud-countdown' });
  const pauses = h('p', { class: 'hud-pauses', attrs: { title: 'In an exam, pauses are counted and timed, and kept with your result.' } });
  pauses.hidden = true;

  const endButton = button('End exercise', { class: 'hud-end subtle small' });
  const confirmId = uid('end-confirm');
  const confirmEnd = button('End now', { class: 'danger', onClick: () => controller.finish() });
  const keepPlaying = button('Keep playing', { class: 'subtle' });
  const confirm = h(
    'div',
    { class: 'hud-confirm', attrs: { id: confirmId, role: 'group', 'aria-labelledby': `${confirmId}-question` } },
    h('p', { attrs: { id: `${confirmId}-question` } }, 'End the exercise now? The rest of the clock runs without you, then the debrief opens.'),
    h('div', { class: 'hud-actions' }, confirmEnd, keepPlaying),
  );
  confirm.hidden = true;
  endButton.setAttribute('aria-expanded', 'false');
  endButton.setAttribute('aria-controls', confirmId);

  const askToEnd = (open: boolean) => {
    confirm.hidden = !open;
    endButton.setAttribute('aria-expanded', String(open));
    (open ? keepPlaying : endButton).focus();
  };
  endButton.addEventListener('click', () => askToEnd(confirm.hidden));
  keepPlaying.addEventListener('click', () => askToEnd(false));
  confirm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') askToEnd(false);
  });

  // In a classroom the host paces the clock and ends the exercise.
  const hostPaced = h('p', { class: 'hud-host-paced' }, 'The host runs the clock');
  hostPaced.hidden = true;

  const element = h(
    'div',
    { class: 'hud-time-body' },
    h('span', { class: 'sr-only' }, clock, ' ', state, ' ', mode),
    hostPaced,
    pause,
    speeds,
    countdown,
    pauses,
    endButton,
    confirm,
  );

  return {
    element,
    update(play: PlayState) {
      setText(clock, nowLabel(play));
      setText(mode, play.mode === 'coach' ? 'Coach mode' : 'Exam mode');
      mode.dataset.mode = play.mode;
      setText(state, play.paused ? 'Paused' : `Running at ${play.speed}×`);
      element.classList.toggle('is-paused', play.paused);

      pause.dataset.paused = String(play.paused);
      setText(pause, play.paused ? 'Resume' : 'Pause');
      setAttr(pause, 'aria-label', play.paused ? 'Resume the clock' : 'Pause the clock');
      for (const speedButton of speedButtons) setAttr(speedButton, 'aria-pressed', String(speedButton.dataset.speed === String(play.speed)));

      const due = nextUpdateIn(play.sim);
      const overdue = due !== null && due < 0;
      setText(countdown, due === null ? 'No update promised' : overdue ? `Update overdue by ${formatCountdown(due)}` : due === 0 ? 'Next update due now' : `Next update due in ${formatCountdown(due)}`);
      countdown.classList.toggle('is-overdue', overdue);
      countdown.classList.toggle('is-idle', due === null);

      const inClassroom = play.classroom !== undefined;
      for (const hostControl of [pause, speeds, endButton]) setHidden(hostControl, inClassroom);
      if (inClassroom) setHidden(confirm, true);
      setHidden(hostPaced, !inClassroom);
      setText(hostPaced, play.paused ? 'The host has paused the clock' : `The host runs the clock at ${play.speed}×`);

      const pauseLine = play.pauses ? pauseSummary(play.pauses) : null;
      setText(pauses, pauseLine ?? '');
      setHidden(pauses, pauseLine === null);
    },
  };
}
