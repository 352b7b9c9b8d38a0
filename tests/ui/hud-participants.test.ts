// @vitest-environment jsdom
import { fireEvent, getByRole, getByText, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderParticipantPanel } from '../../src/ui/hud/index.ts';
import { mount, startAcme, typeInto, unmountAll } from './hud-fixture.ts';

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

/** A button's name as assistive technology reads it: its text without the hidden decoration. */
const nameOf = (button: HTMLElement): string => {
  const copy = button.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
};
const group = (element: HTMLElement, name: RegExp) => getByRole(element, 'list', { name });
const person = (element: HTMLElement, name: string) => getByRole(element, 'button', { name: new RegExp(`^${name},`) });
const openMenu = (element: HTMLElement, name: string) => {
  person(element, name).click();
  return getByRole(element, 'group', { name: `Actions for ${name}` });
};

describe('participant panel', () => {
  it('lists every cast member by bridge, with how they are on the call', () => {
    const session = startAcme();
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const cast = session.play().compiled.scenario.cast;
    const onCall = within(group(element, /^Technical bridge/)).getAllByRole('button').map(nameOf);
    const away = within(group(element, /^Not on the bridge/)).getAllByRole('button').map(nameOf);
    expect(onCall.length + away.length).toBe(cast.length);
    expect(away).toEqual(['Gloria Chen, Customer service lead: Not on the bridge', "Kevin O'Brien, E-mail SME: Not on the bridge", 'Helen Okafor, Senior executive, VP of IT Operations: Not on the bridge']);
    expect(onCall).toContain('Priya Shah, Application SME: Noisy line');
    expect(onCall).toContain('Pete Lawson, Release manager: On the call');
  });

  it('mutes and unmutes from the menu, and the label follows the line', () => {
    const session = startAcme({ at: '02:46:30' });
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const menu = openMenu(element, 'Priya Shah');
    expect(person(element, 'Priya Shah').getAttribute('aria-expanded')).toBe('true');
    expect(session.play().focusedParticipant).toBe('noisy-sme');

    getByRole(menu, 'button', { name: 'Mute Priya Shah' }).click();
    expect(session.intents.at(-1)).toEqual({ type: 'mute', participant: 'noisy-sme' });
    expect(session.play().sim.participants['noisy-sme']?.muted).toBe(true);
    expect(nameOf(person(element, 'Priya Shah'))).toBe('Priya Shah, Application SME: Muted');
    expect(getByRole(menu, 'status').textContent).toBe('Sent at 02:46:30');

    getByRole(menu, 'button', { name: 'Unmute Priya Shah' }).click();
    expect(session.intents.at(-1)).toEqual({ type: 'unmute', participant: 'noisy-sme' });
  });

  it('pages people who are not on the call, and moves them to their bridge when they join', () => {
    const session = startAcme({ at: '02:47:00' });
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const menu = openMenu(element, 'Gloria Chen');
    expect(queryByRole(menu, 'button', { name: /^Mute/ })).toBeNull();
    getByRole(menu, 'button', { name: 'Page Gloria Chen onto the bridge' }).click();
    expect(session.intents).toEqual([{ type: 'page', participant: 'customer-service' }]);

    const task = getByRole(menu, 'textbox', { name: 'Task for Gloria Chen' });
    task.focus();
    typeInto(task, 'Count the customers who cannot log in');
    session.runTo('02:48:30');
    expect(within(group(element, /^Technical bridge/)).getByRole('button', { name: /^Gloria Chen,/ })).toBeTruthy();
    expect(queryByRole(group(element, /^Not on the bridge/), 'button', { name: /^Gloria Chen,/ })).toBeNull();
    // The row moved between lists without losing the trainee's place or words.
    expect(document.activeElement).toBe(task);
    expect((task as HTMLInputElement).value).toBe('Count the customers who cannot log in');
  });

  it('assigns a named, time-boxed task and resets the form once it is sent', () => {
    const session = startAcme({ at: '02:48:40' });
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const menu = openMenu(element, 'Marcus Reid');
    const task = getByRole(menu, 'textbox', { name: 'Task for Marcus Reid' }) as HTMLInputElement;
    const minutes = getByRole(menu, 'spinbutton', { name: 'Time box (min)' }) as HTMLInputElement;
    typeInto(task, 'Check the host names in the release package');
    typeInto(minutes, '10');
    getByRole(menu, 'button', { name: 'Assign' }).click();
    expect(session.intents).toEqual([{ type: 'assign', participant: 'network-sme', task: 'Check the host names in the release package', dueMinutes: 10 }]);
    expect(session.play().actions.at(-1)).toMatchObject({ at: '02:48:40', type: 'assign', participant: 'network-sme', dueMinutes: 10 });
    expect(getByRole(menu, 'status').textContent).toBe('Sent at 02:48:40');
    expect(task.value).toBe('');
    expect(minutes.value).toBe('');

    typeInto(task, 'Watch the error rate');
    fireEvent.submit(task.form!);
    expect(session.intents.at(-1)).toEqual({ type: 'assign', participant: 'network-sme', task: 'Watch the error rate' });
  });

  it('refuses an empty task or a bad time box without sending, keeping what was typed', () => {
    const session = startAcme();
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const menu = openMenu(element, 'Marcus Reid');
    getByRole(menu, 'button', { name: 'Assign' }).click();
    expect(getByRole(menu, 'alert').textContent).toBe('Write the task for Marcus Reid first.');
    const task = getByRole(menu, 'textbox', { name: 'Task for Marcus Reid' }) as HTMLInputElement;
    expect(document.activeElement).toBe(task);
    typeInto(task, 'Check DNS');
    typeInto(getByRole(menu, 'spinbutton', { name: 'Time box (min)' }), '-5');
    getByRole(menu, 'button', { name: 'Assign' }).click();
    expect(getByRole(menu, 'alert').textContent).toMatch(/time box/);
    expect(task.value).toBe('Check DNS');
    expect(session.intents).toEqual([]);
  });

  it('asks a participant for an update', () => {
    const session = startAcme();
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    getByRole(openMenu(element, 'Tomás Alvarez'), 'button', { name: 'Request an update from Tomás Alvarez' }).click();
    expect(session.intents).toEqual([{ type: 'request-update', participant: 'db-engineer' }]);
  });

  it('opens and scrolls to the menu of the participant clicked in the scene, without taking focus', () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    const session = startAcme();
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    session.controller.focusParticipant('db-engineer');
    expect(person(element, 'Tomás Alvarez').getAttribute('aria-expanded')).toBe('true');
    expect(getByRole(element, 'group', { name: 'Actions for Tomás Alvarez' })).toBeTruthy();
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled.mock.contexts[0]).toBe(element.querySelector('[data-participant="db-engineer"]'));
    expect(document.activeElement).toBe(outside);

    session.controller.focusParticipant('network-sme');
    expect(person(element, 'Tomás Alvarez').getAttribute('aria-expanded')).toBe('false');
    expect(person(element, 'Marcus Reid').getAttribute('aria-expanded')).toBe('true');
  });

  it('switches the bridge on screen from a labelled select once a second bridge is open', () => {
    const session = startAcme();
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const select = getByRole(element, 'combobox', { name: 'Bridge on screen' }) as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.value)).toEqual(['main']);
    session.controller.act({ type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' });
    expect(Array.from(select.options, (o) => o.textContent)).toEqual(['Technical bridge', 'Business bridge: customer impact']);
    select.value = 'customer-bridge';
    fireEvent.change(select);
    expect(session.play().viewedBridge).toBe('customer-bridge');
    expect(getByText(element, 'Business bridge: customer impact', { selector: 'h3, h3 *', exact: false })).toBeTruthy();
  });

  it('keeps focus and typing in place while the clock runs', () => {
    const session = startAcme();
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    const menu = openMenu(element, 'Ana Costa');
    const task = getByRole(menu, 'textbox', { name: 'Task for Ana Costa' }) as HTMLInputElement;
    task.focus();
    typeInto(task, 'Half-typed');
    task.setSelectionRange(4, 4);
    session.runTo('02:49:00');
    expect(document.activeElement).toBe(task);
    expect(task.value).toBe('Half-typed');
    expect(task.selectionStart).toBe(4);
    expect(getByRole(element, 'group', { name: 'Actions for Ana Costa' })).toBe(menu);
  });
});
