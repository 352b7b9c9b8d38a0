// @vitest-environment jsdom
import { getAllByRole, getByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogScenario } from '../../src/app/catalog.ts';
import type { AppController } from '../../src/app/controller.ts';
import { EXAM_PAUSED_REFUSAL } from '../../src/app/exam-pauses.ts';
import { PAUSE_RULES, renderBriefing } from '../../src/ui/briefing.ts';
import { EXAM_PAUSED_HINT } from '../../src/ui/hud/exam-pause-lock.ts';
import { renderActionPanel, renderParticipantPanel, renderTimeControls } from '../../src/ui/hud/index.ts';
import { catalogWith } from '../helpers.ts';
import { mount, startAcme, typeInto, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

/** Shows a tab and returns its panel. */
function tab(element: HTMLElement, name: string): HTMLElement {
  const button = getByRole(element, 'tab', { name });
  button.click();
  return document.getElementById(button.getAttribute('aria-controls')!)!;
}

const hintIn = (element: HTMLElement) => element.querySelector<HTMLElement>('.hud-exam-paused')!;

describe('the action panel in a paused exam', () => {
  it('marks its action controls unavailable with a visible hint, refuses where the trainee acted and keeps what they typed', () => {
    const session = startAcme({ mode: 'exam', at: '02:47:00' });
    expect(session.play().paused).toBe(true);
    const element = mount(renderActionPanel(session.store, session.controller)).element;
    const hint = hintIn(element);
    expect(hint.hidden).toBe(false);
    expect(hint.textContent).toBe(EXAM_PAUSED_HINT);

    const command = tab(element, 'Command');
    const announce = getByRole(command, 'button', { name: 'Announce role' });
    expect(announce.getAttribute('aria-disabled')).toBe('true');
    expect(announce.getAttribute('aria-describedby')).toBe(hint.id);
    expect(getAllByRole(element, 'tab').every((each) => !each.hasAttribute('aria-disabled'))).toBe(true);

    // Drafting still works, and a refused action keeps the draft.
    const message = getByRole(command, 'textbox', { name: 'Announcement (optional)' }) as HTMLTextAreaElement;
    typeInto(message, 'This is Dana, I am the incident manager.');
    announce.click();
    expect(within(announce.closest('form')!).getByRole('alert').textContent).toBe(EXAM_PAUSED_REFUSAL);
    expect(message.value).toBe('This is Dana, I am the incident manager.');
    expect(session.play().actions).toEqual([]);

    const notify = tab(element, 'Notify');
    expect(getByRole(notify, 'button', { name: 'Send notification' }).getAttribute('aria-disabled')).toBe('true');
    expect(notify.querySelector('[data-drafting]')?.hasAttribute('aria-disabled')).toBe(false);
  });

  it('gives the controls back on resume, each in its own state, and then acts', () => {
    const session = startAcme({ mode: 'exam', at: '02:47:00' });
    const element = mount(renderActionPanel(session.store, session.controller)).element;
    const command = tab(element, 'Command');
    const move = getByRole(command, 'button', { name: 'Move' });
    // Only one bridge is open: the form says so itself, paused or not.
    expect(move.getAttribute('aria-disabled')).toBe('true');

    session.real.resume();
    expect(hintIn(element).hidden).toBe(true);
    const announce = getByRole(command, 'button', { name: 'Announce role' });
    expect(announce.hasAttribute('aria-disabled')).toBe(false);
    expect(announce.hasAttribute('aria-describedby')).toBe(false);
    expect(move.getAttribute('aria-disabled')).toBe('true');

    const message = getByRole(command, 'textbox', { name: 'Announcement (optional)' }) as HTMLTextAreaElement;
    typeInto(message, 'Dana here.');
    announce.click();
    expect(message.value).toBe('');
    expect(session.play().actions).toEqual([{ type: 'announce-role', message: 'Dana here.', at: '02:47:00' }]);
  });

  it('stays free in coach mode while paused', () => {
    const session = startAcme({ mode: 'coach', at: '02:47:00' });
    expect(session.play().paused).toBe(true);
    const element = mount(renderActionPanel(session.store, session.controller)).element;
    expect(hintIn(element).hidden).toBe(true);
    const command = tab(element, 'Command');
    const announce = getByRole(command, 'button', { name: 'Announce role' });
    expect(announce.hasAttribute('aria-disabled')).toBe(false);
    announce.click();
    expect(session.play().actions).toHaveLength(1);
  });
});

describe('the people panel in a paused exam', () => {
  it('marks every person’s actions unavailable, leaves their rows to open, and says why', () => {
    const session = startAcme({ mode: 'exam', at: '02:47:00' });
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    expect(hintIn(element).hidden).toBe(false);
    const pete = getByRole(element, 'button', { name: /^Pete Lawson,/ });
    expect(pete.hasAttribute('aria-disabled')).toBe(false);
    pete.click();
    const menu = getByRole(element, 'group', { name: 'Actions for Pete Lawson' });
    const update = getByRole(menu, 'button', { name: 'Request an update from Pete Lawson' });
    expect(update.getAttribute('aria-disabled')).toBe('true');
    expect(getByRole(menu, 'button', { name: 'Assign' }).getAttribute('aria-disabled')).toBe('true');
    update.click();
    expect(within(menu).getByRole('alert').textContent).toBe(EXAM_PAUSED_REFUSAL);

    session.real.resume();
    expect(hintIn(element).hidden).toBe(true);
    expect(update.hasAttribute('aria-disabled')).toBe(false);
  });
});

describe('the clock’s pause count', () => {
  it('shows an exam’s pauses and their time, and nothing before the first or in coach mode', () => {
    const session = startAcme({ mode: 'exam' });
    const { element } = mount(renderTimeControls(session.store, session.controller));
    const line = element.querySelector<HTMLElement>('.hud-pauses')!;
    expect(line.hidden).toBe(true);
    session.store.setState({ play: { ...session.play(), pauses: { count: 2, totalMs: 100_000 } } });
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe('Paused 2× · 1 min 40 s');

    const coach = startAcme({ mode: 'coach', at: '02:47:00' });
    const coachClock = mount(renderTimeControls(coach.store, coach.controller)).element;
    expect(coachClock.querySelector<HTMLElement>('.hud-pauses')!.hidden).toBe(true);
  });
});

describe('the briefing', () => {
  const entry: CatalogScenario = catalogWith(['acme-chemical']).scenarios[0]!;

  it('states the pause rule for the mode chosen', () => {
    const controller = { start: vi.fn<AppController['start']>() } as unknown as AppController;
    const element = renderBriefing(entry, controller, () => {});
    document.body.append(element);
    const rule = element.querySelector('.pause-rule')!;
    expect(rule.textContent).toBe(PAUSE_RULES.coach);
    expect(rule.textContent).toMatch(/pause freely/);

    (getByRole(element, 'radio', { name: /Exam mode/ }) as HTMLInputElement).click();
    expect(rule.textContent).toBe(PAUSE_RULES.exam);
    expect(rule.textContent).toMatch(/stops the clock but not the bridge: you cannot act while paused.*recorded with your result/);

    (getByRole(element, 'radio', { name: /Coach mode/ }) as HTMLInputElement).click();
    expect(rule.textContent).toBe(PAUSE_RULES.coach);
  });
});
