// @vitest-environment jsdom
import { getAllByRole, getByRole, queryAllByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { renderCoachPanel } from '../../src/ui/hud/index.ts';
import { mount, startAcme, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

describe('coach panel', () => {
  it('lists what the playbook expects with its due time and status, and follows the store', () => {
    const session = startAcme({ at: '02:47:00' });
    const { element } = mount(renderCoachPanel(session.store));
    expect(element.hidden).toBe(false);
    expect(getByRole(element, 'heading', { name: 'Coach' })).toBeTruthy();
    const coach = session.play().coach;
    expect(coach.length).toBeGreaterThan(0);
    const items = getAllByRole(element, 'listitem');
    expect(items.map((item) => item.querySelector('.hud-coach-title')!.textContent)).toEqual(coach.map((item) => item.title));
    const first = coach[0]!;
    expect(items[0]!.dataset.status).toBe(first.status);
    expect(items[0]!.textContent).toContain(first.reference);
    if (first.dueAt !== null) expect(items[0]!.textContent).toContain(session.play().compiled.clock.format(first.dueAt));

    const announce = coach.findIndex((item) => /announce/i.test(item.title));
    expect(announce).toBeGreaterThanOrEqual(0);
    session.controller.act({ type: 'announce-role' });
    const after = session.play().coach.find((item) => item.id === coach[announce]!.id);
    expect(after?.status).toBe('done');
    const row = getAllByRole(element, 'listitem').find((item) => item.querySelector('.hud-coach-title')!.textContent === coach[announce]!.title);
    expect(row?.dataset.status).toBe('done');
    expect(row?.textContent).toContain('Done');
  });

  it('keeps what is overdue on top, sinks what is done, and says "Done late" where the debrief will grade it late', () => {
    const session = startAcme({ at: '02:53:30' });
    const { element } = mount(renderCoachPanel(session.store));
    session.controller.act({ type: 'announce-role' });
    const statuses = session.play().coach.map((item) => item.status);
    const rank = { overdue: 0, due: 1, late: 2, done: 3 } as const;
    expect(statuses.map((status) => rank[status])).toEqual([...statuses.map((status) => rank[status])].sort((a, b) => a - b));
    expect(statuses[0]).toBe('overdue');
    const command = session.play().coach.find((item) => item.id === 'take-command');
    expect(command?.status).toBe('late');
    const row = getAllByRole(element, 'listitem').find((item) => item.querySelector('.hud-coach-title')!.textContent === command!.title);
    expect(row?.querySelector('.hud-coach-status')?.textContent).toBe('Done late');
    expect(row?.textContent).toContain('counts it late');
    expect(getAllByRole(element, 'listitem').at(-1)?.dataset.status).not.toBe('overdue');
  });

  it('shows nothing in exam mode', () => {
    const session = startAcme({ mode: 'exam', at: '02:50:00' });
    const { element } = mount(renderCoachPanel(session.store));
    expect(element.hidden).toBe(true);
    expect(queryAllByRole(document.body, 'listitem')).toHaveLength(0);
  });
});
