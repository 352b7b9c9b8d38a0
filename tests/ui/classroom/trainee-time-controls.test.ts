// @vitest-environment jsdom
import { getByRole, getByText, queryByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { renderTimeControls } from '../../../src/ui/hud/index.ts';
import { routeFrom } from '../../../src/ui/router.ts';
import { mount, startAcme, unmountAll } from '../hud-fixture.ts';

afterEach(unmountAll);

describe('the clock in a classroom', () => {
  it('leaves pausing, speed and ending to the host, and says how the host runs it', () => {
    const session = startAcme({ mode: 'exam' });
    const { element } = mount(renderTimeControls(session.store, session.controller));
    expect(getByRole(element, 'button', { name: /clock/ }).hidden).toBe(false);
    session.store.setState({ play: { ...session.play(), classroom: { code: 'ABC234' }, paused: true } });
    for (const selector of ['.hud-pause', '.hud-speeds', '.hud-end']) expect(element.querySelector<HTMLElement>(selector)?.hidden).toBe(true);
    expect(queryByRole(element, 'button', { name: /clock/ })).toBeNull();
    expect(getByText(element, 'The host has paused the clock')).toBeTruthy();
    expect(queryByRole(element, 'button', { name: 'End exercise' })).toBeNull();
  });
});

describe('the join route', () => {
  it('reads a join code, or none for the bare form', () => {
    expect(routeFrom('?join=ABC234')).toEqual({ kind: 'join', code: 'ABC234' });
    expect(routeFrom('?join=')).toEqual({ kind: 'join', code: null });
    expect(routeFrom('?scenario=acme-chemical')).toEqual({ kind: 'scenario', id: 'acme-chemical' });
  });
});
