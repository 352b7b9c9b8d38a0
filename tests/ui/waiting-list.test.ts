// @vitest-environment jsdom
import { getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWaitingList } from '../../src/ui/waiting-list.ts';
import { mount, startAcme, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

describe('the "Waiting on you" list', () => {
  it('says nobody is waiting at first, then lists who asked what and how long ago', () => {
    const session = startAcme({ at: '02:46:05' });
    const { element } = mount(renderWaitingList(session.store, session.controller, { showDecisions: () => {} }));
    expect(getByRole(element, 'heading', { name: /Waiting on you/ })).toBeTruthy();
    expect(within(element).getByText('Nobody is waiting on you.').hidden).toBe(false);

    session.runTo('03:07:00');
    const rows = within(element).getAllByRole('listitem');
    const gloria = rows.find((row) => /Gloria Chen/.test(row.textContent ?? '') && /proper notifications/.test(row.textContent ?? ''));
    expect(gloria?.textContent).toMatch(/0:50 ago/);
    expect(within(element).getByText('Nobody is waiting on you.').hidden).toBe(true);
  });

  it('sends the trainee to the Decide tab from a decision, and unmutes from a muted line', () => {
    const showDecisions = vi.fn();
    const session = startAcme({ at: '02:46:03' });
    const { element } = mount(renderWaitingList(session.store, session.controller, { showDecisions }));
    session.controller.act({ type: 'mute', participant: 'pete' });
    session.runTo('02:49:00');
    getByRole(element, 'button', { name: 'Answer' }).click();
    expect(showDecisions).toHaveBeenCalledTimes(1);
    getByRole(element, 'button', { name: 'Unmute Pete Lawson' }).click();
    expect(session.intents.at(-1)).toEqual({ type: 'unmute', participant: 'pete' });
    expect(queryByRole(element, 'button', { name: 'Unmute Pete Lawson' })).toBeNull();
  });

  it('announces an executive or customer request in an alert, naming who asks', () => {
    const session = startAcme({ at: '03:10:00' });
    const { element } = mount(renderWaitingList(session.store, session.controller, { showDecisions: () => {} }));
    expect(queryByRole(element, 'alert')).toBeNull();
    session.runTo('03:11:00');
    const alert = getByRole(element, 'alert');
    expect(alert.textContent).toMatch(/^Gloria Chen, Customer service lead, is asking: I've got Acme's buyers holding/);
    expect(within(element).getAllByRole('listitem').some((row) => row.classList.contains('is-alert'))).toBe(true);
  });
});
