// @vitest-environment jsdom
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { nextUpdateIn } from '../../src/app/selectors.ts';
import { renderTimeControls } from '../../src/ui/hud/index.ts';
import { mount, startAcme, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

describe('time controls', () => {
  it('shows the scenario time and the mode, and follows the clock in place', () => {
    const session = startAcme({ mode: 'exam' });
    const { element } = mount(renderTimeControls(session.store, session.controller));
    const timer = getByRole(element, 'timer');
    expect(timer.textContent).toBe('02:46:00');
    expect(within(element).getByText('Exam mode')).toBeTruthy();
    const pause = getByRole(element, 'button', { name: /clock/ });
    session.runTo('02:50:30');
    expect(timer.textContent).toBe('02:50:30');
    expect(getByRole(element, 'button', { name: /clock/ })).toBe(pause);
  });

  it('pauses and resumes with one button whose label says what it will do', () => {
    const session = startAcme();
    const { element } = mount(renderTimeControls(session.store, session.controller));
    session.real.resume();
    const toggle = getByRole(element, 'button', { name: 'Pause the clock' });
    toggle.click();
    expect(session.play().paused).toBe(true);
    expect(toggle.textContent).toBe('Resume');
    expect(toggle.getAttribute('aria-label')).toBe('Resume the clock');
    toggle.click();
    expect(session.play().paused).toBe(false);
    expect(toggle.textContent).toBe('Pause');
  });

  it('marks the current speed as pressed and sets the speed picked', () => {
    const session = startAcme();
    const { element } = mount(renderTimeControls(session.store, session.controller));
    const group = getByRole(element, 'group', { name: 'Clock speed' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['1×', '2×', '5×', '10×']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false', 'false']);
    getByRole(group, 'button', { name: 'Speed 5×' }).click();
    expect(session.play().speed).toBe(5);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false']);
  });

  it('counts down to the promised update, then warns when it is overdue', () => {
    const session = startAcme({ at: '02:47:00' });
    const { element } = mount(renderTimeControls(session.store, session.controller));
    const countdown = element.querySelector('.hud-countdown')!;
    expect(countdown.textContent).toBe('No update promised');

    expect(session.controller.act({ type: 'set-next-update', minutes: 12.5 })).toEqual({ ok: true });
    expect(countdown.textContent).toBe('Next update due in 12:30');
    expect(countdown.classList.contains('is-overdue')).toBe(false);

    session.runTo('02:59:30');
    expect(countdown.textContent).toBe('Next update due now');
    session.runTo('03:00:35');
    expect(nextUpdateIn(session.play().sim)).toBe(-65_000);
    expect(countdown.textContent).toBe('Update overdue by 1:05');
    expect(countdown.classList.contains('is-overdue')).toBe(true);
  });

  it('asks before ending the exercise, and ends it only when confirmed', () => {
    const session = startAcme({ at: '02:48:00' });
    const { element } = mount(renderTimeControls(session.store, session.controller));
    const end = getByRole(element, 'button', { name: 'End exercise' });
    expect(queryByRole(element, 'button', { name: 'End now' })).toBeNull();

    end.click();
    expect(end.getAttribute('aria-expanded')).toBe('true');
    const keep = getByRole(element, 'button', { name: 'Keep playing' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(keep, { key: 'Escape' });
    expect(queryByRole(element, 'button', { name: 'End now' })).toBeNull();
    expect(document.activeElement).toBe(end);
    expect(session.store.getState().screen).toBe('play');

    end.click();
    getByRole(element, 'button', { name: 'End now' }).click();
    expect(session.store.getState().screen).toBe('debrief');
    expect(element.hidden).toBe(true);
  });
});
