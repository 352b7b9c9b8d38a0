// @vitest-environment jsdom
import { getAllByRole, getByRole, queryAllByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { renderCoachPanel } from '../../src/ui/hud/index.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { loadAcme } from '../helpers.ts';
import { mount, startAcme, unmountAll } from './hud-fixture.ts';

const { scenario, playbook } = loadAcme();

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

  it('keeps what is overdue on top, sinks what is done, and says what the debrief will say of work done after it fell due', () => {
    const session = startAcme({ at: '02:52:00' });
    const { element } = mount(renderCoachPanel(session.store));
    session.controller.act({ type: 'announce-role' });
    session.controller.act({ type: 'mute', participant: 'noisy-sme' });
    session.runTo('02:53:30');
    const statuses = session.play().coach.map((item) => item.status);
    const rank = { overdue: 0, due: 1, 'too-late': 2, late: 3, done: 4 } as const;
    expect(statuses.map((status) => rank[status])).toEqual([...statuses.map((status) => rank[status])].sort((a, b) => a - b));
    expect(['late', 'done']).toContain(getAllByRole(element, 'listitem').at(-1)?.dataset.status);

    const report = grade(scenario, playbook, { scenario: scenario.id, actions: [...session.play().actions] });
    const expected = { late: 'late', missed: 'too-late' } as const;
    for (const id of ['take-command', 'mute-noisy-line']) {
      const coached = session.play().coach.find((item) => item.id === id)!;
      const graded = report.findings.find((finding) => finding.id === id)!.status as keyof typeof expected;
      expect(coached.status, id).toBe(expected[graded]);
      const row = getAllByRole(element, 'listitem').find((item) => item.querySelector('.hud-coach-title')!.textContent === coached.title);
      expect(row?.querySelector('.hud-coach-status')?.textContent).toBe(coached.status === 'late' ? 'Done late' : 'Too late');
    }
  });

  it('shows nothing in exam mode', () => {
    const session = startAcme({ mode: 'exam', at: '02:50:00' });
    const { element } = mount(renderCoachPanel(session.store));
    expect(element.hidden).toBe(true);
    expect(queryAllByRole(document.body, 'listitem')).toHaveLength(0);
  });
});
