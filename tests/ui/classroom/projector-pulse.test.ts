// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderPulse } from '../../../src/ui/classroom/projector-pulse.ts';
import { acmeCompiled, room } from './projector-fixture.ts';

const rowText = (element: HTMLElement, label: string) => [...element.querySelectorAll('li')].find((li) => li.textContent?.startsWith(label))?.textContent ?? '';

describe('projector class pulse', () => {
  it('counts who set the priority and to what, notified each audience, took command, escalated and sent the CAN report, out of everyone seated', () => {
    const compiled = acmeCompiled();
    const audience = compiled.playbook.audiences[0]!;
    const [p1, p2] = compiled.playbook.levels;
    const element = renderPulse(compiled, room({ seated: 4, counts: { [`priority:${p1!.id}`]: 2, [`priority:${p2!.id}`]: 1, [`notify:${audience.id}`]: 3, command: 4, escalate: 1, can: 2 } }));
    expect(element.querySelector('h3')?.textContent).toContain('3 / 4');
    expect(rowText(element, p1!.name)).toBe(`${p1!.name}2`);
    expect(rowText(element, p2!.name)).toBe(`${p2!.name}1`);
    expect(rowText(element, audience.name)).toBe(`${audience.name}3 / 4`);
    expect(rowText(element, 'Took command')).toBe('Took command4 / 4');
    expect(rowText(element, 'Escalated')).toBe('Escalated1 / 4');
    expect(rowText(element, 'Sent the CAN report')).toBe('Sent the CAN report2 / 4');
    for (const other of compiled.playbook.audiences.slice(1)) expect(rowText(element, other.name)).toBe(`${other.name}0 / 4`);
  });

  it('draws each priority bar as its share of the class', () => {
    const compiled = acmeCompiled();
    const p1 = compiled.playbook.levels[0]!;
    const element = renderPulse(compiled, room({ seated: 4, counts: { [`priority:${p1.id}`]: 3 } }));
    expect(element.querySelector<HTMLElement>('.pj-bar-fill')?.style.width).toBe('75%');
  });
});
