// @vitest-environment jsdom
import { getByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { routeFrom } from '../../src/ui/router.ts';
import { renderPlayScreen } from '../../src/ui/play-screen.ts';
import { PRESENTATION_CLASS, presentationAsked } from '../../src/ui/presentation-mode.ts';
import { mount, startAcme, unmountAll } from './hud-fixture.ts';

afterEach(() => {
  unmountAll();
  window.history.replaceState(null, '', '/');
});

function playScreen() {
  const session = startAcme();
  return mount(renderPlayScreen(session.store, session.controller, session.play(), undefined)).element;
}

const toggleIn = (element: HTMLElement) => getByRole(getByRole(element, 'banner'), 'button', { name: 'Presentation' });

describe('presentation mode', () => {
  it('reads present=1 and present=0 from the address, and nothing else', () => {
    expect(presentationAsked('?scenario=acme-chemical&present=1')).toBe(true);
    expect(presentationAsked('?present=0&scenario=acme-chemical')).toBe(false);
    expect(presentationAsked('?scenario=acme-chemical')).toBeNull();
    expect(presentationAsked('?present=maybe')).toBeNull();
  });

  it('leaves the briefing deep link as it was: the parameter beside it still opens the scenario', () => {
    expect(routeFrom('?scenario=acme-chemical&present=1')).toEqual({ kind: 'scenario', id: 'acme-chemical' });
  });

  // One story, in order: the choice made with the toggle is remembered by the page for the rest of the test.
  it('starts as the address asks, toggles from the play bar, and keeps the last choice made on the page for the next run', () => {
    window.history.replaceState(null, '', '/?scenario=acme-chemical');
    let element = playScreen();
    expect(toggleIn(element).getAttribute('aria-pressed')).toBe('false');
    expect(element.classList.contains(PRESENTATION_CLASS)).toBe(false);
    unmountAll();

    window.history.replaceState(null, '', '/?scenario=acme-chemical&present=1');
    element = playScreen();
    const toggle = toggleIn(element);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(element.classList.contains(PRESENTATION_CLASS)).toBe(true);

    toggle.click();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(element.classList.contains(PRESENTATION_CLASS)).toBe(false);
    unmountAll();
    // Start over from the same address: the trainee turned it off, and it stays off.
    element = playScreen();
    expect(toggleIn(element).getAttribute('aria-pressed')).toBe('false');

    toggleIn(element).click();
    expect(element.classList.contains(PRESENTATION_CLASS)).toBe(true);
    unmountAll();
    // "Play again" goes to the plain briefing address; the projector stays in presentation mode.
    window.history.replaceState(null, '', '/?scenario=acme-chemical');
    element = playScreen();
    expect(toggleIn(element).getAttribute('aria-pressed')).toBe('true');
  });
});
