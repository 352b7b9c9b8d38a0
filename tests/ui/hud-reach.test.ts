// @vitest-environment jsdom
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_TYPES } from '../../src/core/actions/action.ts';
import { renderActionPanel, renderCoachPanel, renderParticipantPanel, renderTimeControls } from '../../src/ui/hud/index.ts';
import { mount, startAcme, typeInto, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

describe('the acting HUD', () => {
  it('reaches every action type of the log from its own controls', () => {
    const session = startAcme({ at: '02:48:31' });
    for (const render of [renderTimeControls, renderParticipantPanel, renderActionPanel, renderCoachPanel]) mount(render(session.store, session.controller));
    const hud = document.body;
    const click = (container: HTMLElement, name: string | RegExp) => getByRole(container, 'button', { name }).click();
    const show = (name: string | RegExp) => {
      const tab = getByRole(hud, 'tab', { name });
      tab.click();
      return document.getElementById(tab.getAttribute('aria-controls')!)!;
    };
    const menuOf = (name: string) => {
      click(hud, new RegExp(`^${name},`));
      return getByRole(hud, 'group', { name: `Actions for ${name}` });
    };

    const command = show('Command');
    click(command, 'Announce role');
    click(command, 'Roll call');
    click(command, 'Commit');
    click(command, 'Open bridge');
    click(command, 'Move');
    click(command, 'Escalate');
    typeInto(within(command).getByRole('textbox', { name: 'Scribe note' }), 'Pete keeps calling it a degradation.');
    click(command, 'Add note');

    const priya = menuOf('Priya Shah');
    click(priya, 'Mute Priya Shah');
    click(priya, 'Unmute Priya Shah');
    click(priya, 'Request an update from Priya Shah');
    typeInto(within(priya).getByRole('textbox', { name: 'Task for Priya Shah' }), 'Review the deployment script');
    click(priya, 'Assign');
    click(menuOf('Kevin O\'Brien'), "Page Kevin O'Brien onto the bridge");

    const priority = show('Priority');
    click(priority, 'P1: Enterprise impact, high urgency');
    click(priority, 'Service disruption');

    const notify = show('Notify');
    const template = within(notify).getByRole('combobox', { name: 'Template' }) as HTMLSelectElement;
    template.value = 'exec-initial';
    fireEvent.change(template);
    const channel = within(notify).getByRole('combobox', { name: 'Channel' }) as HTMLSelectElement;
    channel.value = 'sms';
    click(notify, 'Send notification');

    click(show(/^Decide/), 'Roll back the release');

    const can = show('CAN');
    typeInto(within(can).getByRole('textbox', { name: 'Conditions' }), 'Customers cannot order.');
    click(can, 'Submit CAN report');

    const close = show('Close');
    click(close, 'Declare service restored');
    click(close, 'Close incident');
    typeInto(within(close).getByRole('textbox', { name: 'Summary' }), 'Fix the packaging of host names.');
    click(close, 'Hand off');

    const sent = new Set(session.intents.map((intent) => intent.type));
    expect([...sent].sort()).toEqual([...ACTION_TYPES].sort());
    // Every one went through the real controller into the log.
    expect(session.play().actions).toHaveLength(session.intents.length);
  });
});
