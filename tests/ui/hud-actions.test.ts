// @vitest-environment jsdom
import { fireEvent, getAllByRole, getByRole, getByText, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppController } from '../../src/app/controller.ts';
import type { ActionIntent } from '../../src/app/intents.ts';
import { renderActionPanel } from '../../src/ui/hud/index.ts';
import { createAppStore, initialAppState } from '../../src/app/store.ts';
import { bundledPlaybook, mount, recordingController, startAcme, typeInto, unmountAll, type HudSession } from './hud-fixture.ts';

afterEach(unmountAll);

function panelFor(session: HudSession, controller: AppController = session.controller): HTMLElement {
  return mount(renderActionPanel(session.store, controller)).element;
}

/** Shows a tab and returns its panel. */
function tab(element: HTMLElement, name: RegExp | string): HTMLElement {
  const button = getByRole(element, 'tab', { name });
  button.click();
  return document.getElementById(button.getAttribute('aria-controls')!)!;
}

const region = (panel: HTMLElement, name: string) => getByRole(panel, 'region', { name });

describe('action panel tabs', () => {
  it('follows the ARIA tabs pattern: one tab stop, arrows, Home and End', () => {
    const session = startAcme();
    const element = panelFor(session);
    const tabs = getAllByRole(element, 'tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Command', 'Priority', 'Notify', 'Decide', 'CAN', 'Close']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(getByRole(element, 'tabpanel').getAttribute('aria-labelledby')).toBe(tabs[1]!.id);
    fireEvent.keyDown(tabs[1]!, { key: 'End' });
    expect(document.activeElement).toBe(tabs[5]);
    fireEvent.keyDown(tabs[5]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[0]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tabs[5]);
    fireEvent.keyDown(tabs[5]!, { key: 'Home' });
    expect(document.activeElement).toBe(tabs[0]);
    expect(getAllByRole(element, 'tabpanel')).toHaveLength(1);
  });
});

describe('command tab', () => {
  it('announces the role with an optional message, and calls the roll', () => {
    const session = startAcme({ at: '02:46:20' });
    const panel = tab(panelFor(session), 'Command');
    const message = getByRole(panel, 'textbox', { name: 'Announcement (optional)' }) as HTMLTextAreaElement;
    getByRole(panel, 'button', { name: 'Announce role' }).click();
    typeInto(message, 'This is Dana, I am the incident manager.');
    getByRole(panel, 'button', { name: 'Announce role' }).click();
    getByRole(panel, 'button', { name: 'Roll call' }).click();
    expect(session.intents).toEqual([{ type: 'announce-role' }, { type: 'announce-role', message: 'This is Dana, I am the incident manager.' }, { type: 'roll-call' }]);
    expect(message.value).toBe('');
    expect(getByRole(region(panel, 'Take command'), 'status').textContent).toBe('Sent at 02:46:20');
  });

  it('commits to the next update, suggesting the cadence of the level in force', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'Command');
    const minutes = getByRole(panel, 'spinbutton', { name: 'Minutes from now' }) as HTMLInputElement;
    expect(minutes.value).toBe('30');
    typeInto(minutes, '20');
    getByRole(panel, 'button', { name: 'Commit' }).click();
    expect(session.intents).toEqual([{ type: 'set-next-update', minutes: 20 }]);
    typeInto(minutes, '');
    getByRole(panel, 'button', { name: 'Commit' }).click();
    expect(getByRole(region(panel, 'Next update'), 'alert').textContent).toMatch(/minutes/);
    expect(session.intents).toHaveLength(1);
  });

  it('opens a bridge that is not open yet, defaulting to its declared purpose', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'Command');
    const section = region(panel, 'Open a bridge');
    const bridge = getByRole(section, 'combobox', { name: 'Bridge' }) as HTMLSelectElement;
    const purpose = getByRole(section, 'combobox', { name: 'Purpose' }) as HTMLSelectElement;
    expect(Array.from(bridge.options, (o) => o.value)).toEqual(['customer-bridge']);
    expect(purpose.value).toBe('business');
    purpose.value = 'customer';
    fireEvent.change(purpose);
    getByRole(section, 'button', { name: 'Open bridge' }).click();
    expect(session.intents).toEqual([{ type: 'open-bridge', bridge: 'customer-bridge', purpose: 'customer' }]);
    expect(session.play().sim.bridges['customer-bridge']).toBe(true);
    expect(getByText(section, 'Every bridge in this scenario is open.')).toBeTruthy();
    expect(queryByRole(section, 'combobox', { name: 'Bridge' })).toBeNull();
  });

  it('escalates to a playbook process or to anyone in the cast, and keeps the choice when that person joins', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'Command');
    const section = region(panel, 'Escalate');
    const target = getByRole(section, 'combobox', { name: 'Escalate to' }) as HTMLSelectElement;
    const values = Array.from(target.options, (o) => o.value);
    const { playbook, scenario } = session.play().compiled;
    expect(values).toEqual([...playbook.escalations!.map((e) => e.id), ...scenario.cast.map((person) => person.id)]);
    expect(Array.from(target.options, (o) => o.textContent)).toContain('Pete Lawson, Release manager (on the call)');
    target.value = 'customer-service';
    fireEvent.change(target);
    session.real.act({ type: 'page', participant: 'customer-service' });
    session.runTo('02:49:00');
    expect(session.play().sim.participants['customer-service']?.present).toBe(true);
    expect(target.value).toBe('customer-service');
    target.value = 'senior-executive';
    fireEvent.change(target);
    getByRole(section, 'button', { name: 'Escalate' }).click();
    target.value = 'major-incident';
    getByRole(section, 'button', { name: 'Escalate' }).click();
    expect(session.intents).toEqual([{ type: 'escalate', to: 'senior-executive' }, { type: 'escalate', to: 'major-incident' }]);
    expect(Array.from(target.options, (o) => o.textContent)).toContain('Major incident process (escalated)');
  });
});

describe('priority tab', () => {
  it('lays out the playbook matrix so each impact × urgency cell sends its level', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'Priority');
    const { playbook } = session.play().compiled;
    const table = getByRole(panel, 'table', { name: 'Impact × urgency' });
    const columns = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(playbook.impacts!.length);
    let cells = 0;
    rows.forEach((row, r) => {
      const impact = playbook.impacts![r]!;
      expect(within(row).getByRole('rowheader').textContent).toBe(impact.name);
      within(row).getAllByRole('button').forEach((button, c) => {
        const urgency = playbook.urgencies![c]!;
        expect(columns[c]).toBe(`${urgency.name} urgency`);
        const expected = playbook.matrix!.find((m) => m.impact === impact.id && m.urgency === urgency.id)!.level;
        expect(button.textContent).toBe(expected);
        cells++;
      });
    });
    expect(cells).toBe(playbook.matrix!.length);

    getByRole(table, 'button', { name: 'P2: Department impact, high urgency' }).click();
    getByRole(table, 'button', { name: 'P1: Enterprise impact, high urgency' }).click();
    expect(session.intents).toEqual([
      { type: 'set-priority', level: 'P2', impact: 'department', urgency: 'high' },
      { type: 'set-priority', level: 'P1', impact: 'enterprise', urgency: 'high' },
    ]);
    expect(session.play().sim.level).toBe('P1');
    expect(getByRole(table, 'button', { name: 'P1: Enterprise impact, high urgency' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(table, 'button', { name: 'P2: Department impact, high urgency' }).getAttribute('aria-pressed')).toBe('false');
    expect(getByText(panel, 'P1 · Priority 1 (major incident)', { selector: 'strong' })).toBeTruthy();
  });

  it('sets a level directly and classifies the impact, marking what is current', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'Priority');
    const levels = getByRole(panel, 'group', { name: 'Set the priority directly' });
    within(levels).getByRole('button', { name: /^P3/ }).click();
    expect(session.intents).toEqual([{ type: 'set-priority', level: 'P3' }]);
    expect(within(levels).getByRole('button', { name: /^P3/ }).getAttribute('aria-pressed')).toBe('true');

    const classes = getByRole(panel, 'group', { name: 'Classify the impact' });
    getByRole(classes, 'button', { name: 'Service disruption' }).click();
    expect(session.intents.at(-1)).toEqual({ type: 'classify', as: 'service-disruption' });
    expect(getByRole(classes, 'button', { name: 'Service disruption' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByText(panel, 'Service disruption', { selector: 'strong' })).toBeTruthy();
  });

  it('offers level buttons alone for a playbook without a matrix', () => {
    // Acme is written against ITIL; the priority tab reads only the playbook, so give the session MIT's.
    const acme = startAcme().play();
    const store = createAppStore({ ...initialAppState(), screen: 'play', play: { ...acme, compiled: { ...acme.compiled, playbook: bundledPlaybook('mit-ist-problem-response') } } });
    const intents: ActionIntent[] = [];
    const element = mount(renderActionPanel(store, recordingController(intents))).element;
    const panel = tab(element, 'Severity');
    expect(queryByRole(panel, 'table')).toBeNull();
    const levels = getByRole(panel, 'group', { name: 'Set the severity directly' });
    expect(within(levels).getAllByRole('button').map((b) => b.textContent)).toEqual(['SEV1 Severity 1', 'SEV2 Severity 2', 'SEV3 Severity 3', 'SEV4 Severity 4']);
    within(levels).getByRole('button', { name: /^SEV1/ }).click();
    expect(intents).toEqual([{ type: 'set-priority', level: 'SEV1' }]);
  });
});

describe('notify tab', () => {
  it('fills the chosen template from what is known and lists what is still to fill in', () => {
    const session = startAcme({ at: '03:01:00' });
    session.controller.act({ type: 'set-priority', level: 'P1', impact: 'enterprise', urgency: 'high' });
    const panel = tab(panelFor(session), 'Notify');
    const template = getByRole(panel, 'combobox', { name: 'Template' }) as HTMLSelectElement;
    expect(Array.from(template.options, (o) => o.textContent)).toEqual(['No template: free text', 'P1 incident: executive notice', 'P1 incident: executive update']);

    template.value = 'exec-initial';
    fireEvent.change(template);
    const message = getByRole(panel, 'textbox', { name: 'Message' }) as HTMLTextAreaElement;
    // The scenario declares the affected service; 03:00:21 is when customer service's report came in; P1 calls for an update every 30 minutes.
    expect(message.value).toBe(
      'P1 incident on customer login and online ordering since 03:00:21. Business impact: {impact}. Current status: {status}. The incident bridge is staffed and being led. Next update by 03:31:00.',
    );
    expect(getByText(panel, /Still to fill in/).textContent).toContain('{impact}, {status}');

    typeInto(message, message.value.replace('{impact}', 'customers cannot log in or order').replace('{status}', 'rolling back the release'));
    expect(queryByRole(panel, 'button', { name: 'Go to next blank' })).toBeNull();
    const channel = getByRole(panel, 'combobox', { name: 'Channel' }) as HTMLSelectElement;
    channel.value = 'sms';
    getByRole(panel, 'button', { name: 'Send notification' }).click();
    expect(session.intents.at(-1)).toEqual({
      type: 'notify',
      audience: 'executives',
      channel: 'sms',
      message: 'P1 incident on customer login and online ordering since 03:00:21. Business impact: customers cannot log in or order. Current status: rolling back the release. The incident bridge is staffed and being led. Next update by 03:31:00.',
    });
    expect(message.value).toBe('');
    expect(template.value).toBe('');
  });

  it('uses the promised update time, and offers the templates of the audience picked', () => {
    const session = startAcme({ at: '03:01:00' });
    session.controller.act({ type: 'set-next-update', minutes: 15 });
    const panel = tab(panelFor(session), 'Notify');
    const audience = getByRole(panel, 'combobox', { name: 'Audience' }) as HTMLSelectElement;
    audience.value = 'customers';
    fireEvent.change(audience);
    const template = getByRole(panel, 'combobox', { name: 'Template' }) as HTMLSelectElement;
    expect(Array.from(template.options, (o) => o.value)).toEqual(['', 'customer-initial', 'customer-update']);
    template.value = 'customer-update';
    fireEvent.change(template);
    expect((getByRole(panel, 'textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe(
      'Update on the issue affecting customer login and online ordering since 03:00:21: {status}. Next update by 03:16:00.',
    );
    getByRole(panel, 'button', { name: 'Go to next blank' }).click();
    const message = getByRole(panel, 'textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(message);
    expect(message.value.slice(message.selectionStart, message.selectionEnd)).toBe('{status}');
  });

  it('shows the controller’s error next to the form and keeps the message', () => {
    const session = startAcme();
    const refusing: AppController = { ...session.controller, act: () => ({ ok: false, error: 'The channel is down.' }) };
    const panel = tab(panelFor(session, refusing), 'Notify');
    const message = getByRole(panel, 'textbox', { name: 'Message' }) as HTMLTextAreaElement;
    typeInto(message, 'Bridge is open.');
    (getByRole(panel, 'combobox', { name: 'Channel' }) as HTMLSelectElement).value = 'email';
    getByRole(panel, 'button', { name: 'Send notification' }).click();
    expect(getByRole(panel, 'alert').textContent).toBe('The channel is down.');
    expect(getByRole(panel, 'status').textContent).toBe('');
    expect(message.value).toBe('Bridge is open.');
  });
});

describe('notify tab channel', () => {
  it('never carries a channel over to another audience: each one is chosen, or the send is refused', () => {
    const session = startAcme({ at: '03:01:00' });
    const panel = tab(panelFor(session), 'Notify');
    const channel = getByRole(panel, 'combobox', { name: 'Channel' }) as HTMLSelectElement;
    const audience = getByRole(panel, 'combobox', { name: 'Audience' }) as HTMLSelectElement;
    expect(channel.value).toBe('');
    typeInto(getByRole(panel, 'textbox', { name: 'Message' }), 'P1: customers cannot log in.');
    getByRole(panel, 'button', { name: 'Send notification' }).click();
    expect(getByRole(panel, 'alert').textContent).toBe('Choose how Executives should hear it.');
    expect(session.intents).toEqual([]);
    channel.value = 'sms';
    getByRole(panel, 'button', { name: 'Send notification' }).click();
    expect(session.intents.at(-1)).toMatchObject({ type: 'notify', audience: 'executives', channel: 'sms' });
    expect(channel.value).toBe('');
    channel.value = 'chat';
    audience.value = 'customers';
    fireEvent.change(audience);
    expect(channel.value).toBe('');
  });
});

describe('decisions tab', () => {
  it('says when nothing is waiting, then offers the open decision and lists it once taken', () => {
    const session = startAcme();
    const element = panelFor(session);
    let panel = tab(element, 'Decide');
    expect(getByText(panel, 'No decision is waiting.')).toBeTruthy();

    session.runTo('02:48:31');
    expect(getByRole(element, 'tab', { name: 'Decide 1 decision waiting' })).toBeTruthy();
    panel = tab(element, /^Decide/);
    const decision = getByRole(panel, 'group', { name: 'Roll back the failed release now, or keep fixing it forward?' });
    expect(getByText(decision, 'Asked by Pete Lawson')).toBeTruthy();
    const rollBack = getByRole(decision, 'button', { name: 'Roll back the release' });
    rollBack.focus();
    rollBack.click();
    expect(session.intents).toEqual([{ type: 'decide', decision: 'release-rollback', choice: 'roll-back' }]);
    expect(queryByRole(panel, 'group', { name: /Roll back the failed release/ })).toBeNull();
    expect(getByText(panel, 'No decision is waiting.')).toBeTruthy();
    expect(within(getByRole(panel, 'region', { name: 'Decided' })).getByText('Roll back the release')).toBeTruthy();
    expect(document.activeElement).toBe(panel);
    expect(getByRole(element, 'tab', { name: 'Decide' })).toBeTruthy();
  });
});

describe('decisions tab, when a second decision opens', () => {
  it('keeps the trainee on the option they were choosing', () => {
    const session = startAcme({ at: '02:48:31' });
    const element = panelFor(session);
    const panel = tab(element, /^Decide/);
    const rollBack = getByRole(panel, 'button', { name: 'Roll back the release' });
    rollBack.focus();
    session.runTo('03:01:00');
    expect(getByRole(element, 'tab', { name: 'Decide 2 decisions waiting' })).toBeTruthy();
    expect(document.activeElement).toBe(rollBack);
    expect(rollBack.isConnected).toBe(true);
  });
});

describe('CAN report tab', () => {
  it('sends the three sections and clears them', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'CAN');
    typeInto(getByRole(panel, 'textbox', { name: 'Conditions' }), 'Customers cannot log in.');
    typeInto(getByRole(panel, 'textbox', { name: 'Actions' }), 'Rolling back the release.');
    typeInto(getByRole(panel, 'textbox', { name: 'Needs' }), 'No additional needs.');
    getByRole(panel, 'button', { name: 'Submit CAN report' }).click();
    expect(session.intents).toEqual([{ type: 'can-report', conditions: 'Customers cannot log in.', actions: 'Rolling back the release.', needs: 'No additional needs.' }]);
    expect((getByRole(panel, 'textbox', { name: 'Conditions' }) as HTMLTextAreaElement).value).toBe('');
  });
});

describe('close-out tab', () => {
  it('resolves, closes and hands off to a team', () => {
    const session = startAcme();
    const panel = tab(panelFor(session), 'Close');
    typeInto(getByRole(panel, 'textbox', { name: 'Summary (optional)' }), 'Release rolled back.');
    getByRole(panel, 'button', { name: 'Declare service restored' }).click();
    getByRole(panel, 'button', { name: 'Close incident' }).click();
    const to = getByRole(panel, 'combobox', { name: 'Hand off to' }) as HTMLSelectElement;
    expect(to.value).toBe('software-release');
    typeInto(getByRole(panel, 'textbox', { name: 'Summary' }), 'Fix the release package host names.');
    getByRole(panel, 'button', { name: 'Hand off' }).click();
    expect(session.intents).toEqual<ActionIntent[]>([
      { type: 'resolve', summary: 'Release rolled back.' },
      { type: 'close' },
      { type: 'hand-off', to: 'software-release', summary: 'Fix the release package host names.' },
    ]);
    expect(session.play().actions.map((a) => a.type)).toEqual(['resolve', 'close', 'hand-off']);
  });
});

describe('updates in place', () => {
  it('keeps focus and half-typed text in every tab while the clock runs and actions land', () => {
    const session = startAcme();
    const element = panelFor(session);
    const panel = tab(element, 'Notify');
    const message = getByRole(panel, 'textbox', { name: 'Message' }) as HTMLTextAreaElement;
    message.focus();
    typeInto(message, 'Executives: we are on it');
    session.runTo('02:52:00');
    session.controller.act({ type: 'set-priority', level: 'P1' });
    session.runTo('02:53:00');
    expect(document.activeElement).toBe(message);
    expect(message.value).toBe('Executives: we are on it');
    expect(getByRole(element, 'tab', { name: 'Notify' }).getAttribute('aria-selected')).toBe('true');
  });
});
