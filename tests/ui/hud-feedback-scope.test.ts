// @vitest-environment jsdom
import { fireEvent, getByRole, queryAllByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { renderActionPanel, renderParticipantPanel } from '../../src/ui/hud/index.ts';
import { mount, startAcme, typeInto, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

/** Lets the page's mutation observers run, as the browser does before the next paint. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function tab(element: HTMLElement, name: RegExp | string): HTMLElement {
  const button = getByRole(element, 'tab', { name });
  button.click();
  return document.getElementById(button.getAttribute('aria-controls')!)!;
}

/** Every confirmation or problem the panel shows, with the text it shows. */
const messagesIn = (element: HTMLElement) =>
  [...queryAllByRole(element, 'status'), ...queryAllByRole(element, 'alert')].map((region) => region.textContent ?? '').filter((text) => text !== '');

describe('feedback under the thing it refers to', () => {
  it('confirms a decision under "Decided", and a decision that opens later shows no old confirmation', () => {
    const session = startAcme({ at: '02:48:31' });
    const element = mount(renderActionPanel(session.store, session.controller)).element;
    let panel = tab(element, /^Decide/);
    getByRole(panel, 'button', { name: 'Roll back the release' }).click();
    expect(messagesIn(getByRole(panel, 'region', { name: 'Decided' }))).toEqual(['Decided at 02:48:31: Roll back the release']);

    session.runTo('03:01:00');
    panel = tab(element, /^Decide/);
    const waiting = getByRole(panel, 'region', { name: 'Waiting for you' });
    expect(within(waiting).getAllByRole('group').length).toBeGreaterThan(0);
    expect(messagesIn(waiting)).toEqual([]);
  });

  it('clears a notification’s confirmation when the trainee picks another audience or channel', () => {
    const session = startAcme({ at: '03:01:00' });
    const panel = tab(mount(renderActionPanel(session.store, session.controller)).element, 'Notify');
    const send = () => {
      typeInto(getByRole(panel, 'textbox', { name: 'Message' }), 'The bridge is open.');
      (getByRole(panel, 'combobox', { name: 'Channel' }) as HTMLSelectElement).value = 'email';
      getByRole(panel, 'button', { name: 'Send notification' }).click();
    };
    send();
    expect(messagesIn(panel)).toEqual(['Sent at 03:01:00']);
    const audience = getByRole(panel, 'combobox', { name: 'Audience' }) as HTMLSelectElement;
    audience.value = 'customers';
    fireEvent.change(audience);
    expect(messagesIn(panel)).toEqual([]);

    send();
    const channel = getByRole(panel, 'combobox', { name: 'Channel' }) as HTMLSelectElement;
    channel.value = 'sms';
    fireEvent.change(channel);
    expect(messagesIn(panel)).toEqual([]);
  });

  it('clears a tab’s confirmation once the trainee switches to another tab', async () => {
    const session = startAcme({ at: '02:46:20' });
    const element = mount(renderActionPanel(session.store, session.controller)).element;
    let panel = tab(element, 'Command');
    getByRole(panel, 'button', { name: 'Roll call' }).click();
    expect(messagesIn(panel)).toEqual(['Sent at 02:46:20']);
    tab(element, 'Notify');
    await settle();
    panel = tab(element, 'Command');
    expect(messagesIn(panel)).toEqual([]);
  });

  it('clears what a person’s menu said once the menu closes', async () => {
    const session = startAcme({ at: '02:46:30' });
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    getByRole(element, 'button', { name: /^Priya Shah,/ }).click();
    const menu = getByRole(element, 'group', { name: 'Actions for Priya Shah' });
    getByRole(menu, 'button', { name: 'Mute Priya Shah' }).click();
    expect(messagesIn(menu)).toEqual(['Sent at 02:46:30']);
    getByRole(element, 'button', { name: /^Marcus Reid,/ }).click();
    await settle();
    getByRole(element, 'button', { name: /^Priya Shah,/ }).click();
    expect(messagesIn(menu)).toEqual([]);
  });
});
