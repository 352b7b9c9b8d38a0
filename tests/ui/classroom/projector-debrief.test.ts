// @vitest-environment jsdom
import { getByRole, getByText, queryByRole, queryByText } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import type { ClassResults } from '../../../src/app/classroom/host-state.ts';
import { renderClassDebrief } from '../../../src/ui/classroom/projector-debrief.ts';

const attempt = (seatId: string, name: string, percent: number, competencies: Record<string, number>, ending: string | null) => ({ seatId, name, attemptId: `a-${seatId}`, percent, passed: percent >= 70, ending, competencies });

const results: ClassResults = {
  attempts: [
    attempt('s1', 'Dana Reyes', 82, { priority: 100, notification: 60 }, 'Recovering, slowly'),
    attempt('s2', 'Sam Okafor', 45, { priority: 20, notification: 40 }, 'The bridge was lost'),
    attempt('s3', 'Priya Natarajan', 91, { priority: 100, notification: 90 }, 'Recovering, slowly'),
    attempt('s4', 'Lee Chan', 60, { priority: 50, notification: 70 }, null),
  ],
  findings: [{ id: 'f1', title: 'Set the priority from the matrix', competency: 'priority', statuses: { 'on-time': 2, late: 1, missed: 1 } }],
};

const heatRows = (element: HTMLElement) => [...element.querySelectorAll('.pj-heat tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));

describe('class debrief on the projector', () => {
  it('shows a heat map of each trainee’s competencies with their score and ending', () => {
    const element = renderClassDebrief(results, { anonymous: false, podium: true });
    expect(getByRole(element, 'table', { name: 'Competencies, trainee by trainee' })).toBeTruthy();
    expect([...element.querySelectorAll('.pj-heat thead th')].map((th) => th.textContent)).toEqual(['Trainee', 'Priority and classification', 'Notification', 'Score', 'Ending']);
    expect(heatRows(element)).toEqual([
      ['Dana Reyes', '100%', '60%', '82% ✓', 'Recovering, slowly'],
      ['Lee Chan', '50%', '70%', '60%', '—'],
      ['Priya Natarajan', '100%', '90%', '91% ✓', 'Recovering, slowly'],
      ['Sam Okafor', '20%', '40%', '45%', 'The bridge was lost'],
    ]);
    expect(element.querySelector('.pj-heat tbody tr .pj-heat-cell')?.classList.contains('is-high')).toBe(true);
    expect(getByText(element, '2 on time · 1 late · 1 missed')).toBeTruthy();
    expect(getByText(element, /stored with this classroom’s code/)).toBeTruthy();
  });

  it('puts the top three on a podium', () => {
    const element = renderClassDebrief(results, { anonymous: false, podium: true });
    const podium = getByRole(element, 'list', { name: 'Top three' });
    expect([...podium.querySelectorAll('.pj-place-name')].map((name) => name.textContent)).toEqual(['Priya Natarajan', 'Dana Reyes', 'Lee Chan']);
  });

  it('anonymous: no podium and no names anywhere, rows numbered by score', () => {
    const element = renderClassDebrief(results, { anonymous: true, podium: true });
    expect(queryByRole(element, 'list', { name: 'Top three' })).toBeNull();
    for (const name of ['Dana Reyes', 'Sam Okafor', 'Priya Natarajan', 'Lee Chan']) expect(queryByText(element, name, { exact: false })).toBeNull();
    expect(heatRows(element).map((row) => [row[0], row[3]])).toEqual([
      ['Trainee 1', '91% ✓'],
      ['Trainee 2', '82% ✓'],
      ['Trainee 3', '60%'],
      ['Trainee 4', '45%'],
    ]);
  });
});
