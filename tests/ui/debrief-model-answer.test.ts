// @vitest-environment jsdom
import { getByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { compareWithModelAnswer, deltaText, type ModelSource } from '../../src/ui/debrief/model-answer-model.ts';
import { renderModelAnswer } from '../../src/ui/debrief/model-answer-view.ts';
import { scenarioHarness } from '../scenarios/harness.ts';

const ID = 'mim-day-slowness';
const { scenario, playbook, journey } = scenarioHarness(ID);

function sourceOf(log: ActionLog, on: Scenario = scenario): ModelSource {
  return { scenario: on, playbook, log, report: grade(on, playbook, log) };
}

const logOf = (actions: Action[]): ActionLog => ({ scenario: ID, actions });

function mount(element: HTMLElement): HTMLElement {
  document.body.replaceChildren(element);
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the model answer beside the trainee’s log', () => {
  it('pairs every expert step with the same action of a log that took them all, at the same time', () => {
    const expertLog = logOf(scenario.modelAnswer!.steps.map((step) => step.action));
    const comparison = compareWithModelAnswer(sourceOf(expertLog))!;
    expect(comparison.steps).toBe(scenario.modelAnswer!.steps.length);
    expect(comparison.matched).toBe(comparison.steps);
    expect(comparison.rows.every((row) => row.kind === 'step' && row.step.yours?.deltaMs === 0 && row.step.yours.differs === null)).toBe(true);
    expect(comparison.expert).toEqual({ percent: 100, passed: true });
  });

  it('says how late a step came, which option was taken instead, and keeps the trainee’s other actions in time order', () => {
    const log = logOf([
      { at: '09:10:00', type: 'announce-role' },
      { at: '09:12:00', type: 'note', text: 'Leeds only so far?' },
      { at: '09:24:20', type: 'set-priority', level: 'P1' },
      { at: '09:25:00', type: 'decide', decision: 'rollback-release', choice: 'fix-forward' },
    ]);
    const comparison = compareWithModelAnswer(sourceOf(log))!;
    const steps = comparison.rows.flatMap((row) => (row.kind === 'step' ? [row.step] : []));
    const p1 = steps.find((step) => step.text === 'Set the priority to Priority 1 (major incident).')!;
    expect(p1.yours).toMatchObject({ index: 2, deltaMs: 10 * 60_000, differs: null });
    const rollback = steps.find((step) => step.text.startsWith('Decide: Roll back'))!;
    expect(rollback.yours?.differs).toMatch(/^You chose: /);
    expect(steps.find((step) => step.text.startsWith('Mute'))?.yours).toBeNull();
    const times = comparison.rows.map((row) => (row.kind === 'step' ? row.step.at : row.action.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const others = comparison.rows.flatMap((row) => (row.kind === 'yours' ? [row.action.text] : []));
    expect(others).toEqual([expect.stringContaining('Leeds only so far?')]);
    expect(comparison.matched).toBe(3);
  });

  it('gives nothing for a scenario without a model answer', () => {
    const { modelAnswer: _dropped, ...bare } = scenario;
    expect(compareWithModelAnswer(sourceOf(journey('weak'), bare))).toBeNull();
  });

  it('words the gap between the trainee and the expert', () => {
    expect(deltaText(20_000)).toBe('about the same time');
    expect(deltaText(-4 * 60_000)).toBe('4 min earlier');
    expect(deltaText(65 * 60_000)).toBe('1 h 5 min later');
    expect(deltaText(120 * 60_000)).toBe('2 h later');
  });
});

describe('the Model answer section', () => {
  it('shows the summary, each step with its why and rule, what the trainee did then, and where the missing ones are on the call', () => {
    const section = mount(renderModelAnswer(sourceOf(journey('weak'))));
    expect(getByRole(document.body, 'region', { name: 'Model answer' })).toBe(section);
    expect(within(section).getByText(scenario.modelAnswer!.summary!)).toBeTruthy();
    const steps = section.querySelectorAll('.db-ma-step');
    expect(steps).toHaveLength(scenario.modelAnswer!.steps.length);
    const first = steps[0]!;
    expect(first.querySelector('.db-ma-time')?.textContent).toBe('09:10:20');
    expect(first.querySelector('.db-ma-why')?.textContent).toMatch(/^Why: Nadia reports twenty calls/);
    expect(first.querySelector('.db-ma-rule')?.textContent).toBe('Rule: Take command of the bridge.');
    const notDone = section.querySelector('.db-ma-not-done')!;
    expect(notDone.textContent).toContain('Not done');
    expect(notDone.querySelector('.db-control-path')).not.toBeNull();
  });

  it('sets the expert’s CAN report beside the trainee’s, or says the trainee gave none', () => {
    const strong = mount(renderModelAnswer(sourceOf(journey('strong'))));
    const can = within(strong).getByRole('region', { name: 'An expert’s CAN report' });
    expect(within(can).getByRole('heading', { name: 'Expert at 09:21:00' })).toBeTruthy();
    expect(within(can).getByRole('heading', { name: 'You at 09:21:00' })).toBeTruthy();
    expect(can.textContent).toContain('No additional needs at this time.');

    const silent = mount(renderModelAnswer(sourceOf(logOf([{ at: '09:10:00', type: 'announce-role' }]))));
    expect(within(silent).getByText('You gave no CAN report.')).toBeTruthy();
  });

  it('says briefly that a scenario has no model answer, with no empty box', () => {
    const { modelAnswer: _dropped, ...bare } = scenario;
    const section = mount(renderModelAnswer(sourceOf(journey('weak'), bare)));
    expect(section.textContent).toBe('Model answerThis scenario has no model answer yet.');
    expect(section.querySelector('ol, .db-ma-can')).toBeNull();
  });
});
