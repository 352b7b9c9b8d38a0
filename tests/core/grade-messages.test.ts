import { describe, expect, it } from 'vitest';
import type { ActionLog } from '../../src/core/actions/action.ts';
import { loadScenario } from '../../src/core/load.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { acmeObject, bundledPlaybooks, goldenLog, loadAcme } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

const { scenario: acme, playbook } = loadAcme();

/** Acme with extra rubric items, loaded and checked as an author would. */
function acmeWith(...items: Mutable[]): Scenario {
  const object = acmeObject() as Mutable;
  object.rubric.push(...items);
  const loaded = loadScenario(JSON.stringify(object), bundledPlaybooks());
  if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

const log = (actions: ActionLog['actions']): ActionLog => ({ scenario: 'acme-chemical', actions });
const findingOf = (scenario: Scenario, actions: ActionLog['actions'], id: string) => grade(scenario, playbook, log(actions)).findings.find((f) => f.id === id);

describe('the generated finding messages say what happened', () => {
  const noteItem = (late: number) => ({
    id: 'write-it-down', kind: 'achieve', title: 'Write it down', rule: 'quiet-bridge', competency: 'bridge-control', points: 5,
    expect: { did: { type: 'note' } }, by: '02:50:00', late: { points: late },
  });

  it('calls late work worth nothing "done late, for no points", not "only partly done"', () => {
    const found = findingOf(acmeWith(noteItem(0)), [{ at: '03:00:00', type: 'note', text: 'timeline' }], 'write-it-down');
    expect(found).toMatchObject({ status: 'late', points: 0 });
    expect(found?.message).toMatch(/^Write it down: done late, for no points\. Done at 03:00:00/);
  });

  it('calls late work with points "done late"', () => {
    const found = findingOf(acmeWith(noteItem(2)), [{ at: '03:00:00', type: 'note', text: 'timeline' }], 'write-it-down');
    expect(found).toMatchObject({ status: 'late', points: 2 });
    expect(found?.message).toMatch(/^Write it down: done late\. /);
  });

  it('calls a CAN report with no facts "done, but it earned no points", not "not done"', () => {
    const strong = goldenLog('strong', acme, playbook);
    const empty = strong.actions.map((action) => (action.type === 'can-report' ? { ...action, conditions: 'x', actions: 'x', needs: 'x' } : action));
    const found = findingOf(acme, empty, 'can-report');
    expect(found?.points).toBe(0);
    expect(found?.at).not.toBeNull();
    expect(found?.message).toMatch(/^Give the senior executive a CAN report: done, but it earned no points\. Report at /);
  });

  it('still says "not done" when nothing was done', () => {
    expect(findingOf(acmeWith(noteItem(0)), [], 'write-it-down')?.message).toBe('Write it down: not done. Not done by the end of the exercise (03:50:00).');
  });
});

describe('a custom "missed" message written for a wrong answer', () => {
  const scope = acmeWith({
    id: 'same-incident-call', kind: 'achieve', title: 'Keep the login problem in this incident', rule: 'quiet-bridge', competency: 'bridge-control', points: 4,
    expect: { decided: 'customer-issue-scope', choice: 'same-incident' },
    feedback: { missed: 'Splitting it off sent customer service to a bridge with nobody on it.' },
  });

  it('is shown when another option was chosen', () => {
    const strong = goldenLog('strong', acme, playbook);
    const other = strong.actions.map((action) => (action.type === 'decide' && action.decision === 'customer-issue-scope' ? { ...action, choice: 'separate-incident' } : action));
    expect(other.some((action) => action.type === 'decide' && action.choice === 'separate-incident')).toBe(true);
    expect(grade(scope, playbook, log(other)).findings.find((f) => f.id === 'same-incident-call')?.message).toBe('Splitting it off sent customer service to a bridge with nobody on it.');
  });

  it('is not shown when nobody answered: the message says the question went unanswered', () => {
    const found = findingOf(scope, [], 'same-incident-call');
    expect(found?.status).toBe('missed');
    expect(found?.message).toBe(
      'Keep the login problem in this incident: not done. Nobody answered "Customer service reports that customers cannot log in. Is that part of this incident, or a separate one?" by the end of the exercise (03:50:00).',
    );
  });

  it('shows the author\'s "unanswered" message when there is one', () => {
    const object = acmeObject() as Mutable;
    object.rubric.push({
      id: 'scope-call', kind: 'achieve', title: 'Decide the scope', rule: 'quiet-bridge', competency: 'bridge-control', points: 4,
      expect: { decided: 'customer-issue-scope', choice: 'same-incident' },
      feedback: { missed: 'Wrong split.', unanswered: 'Nobody said whether the login problem was part of this incident.' },
    });
    const scenario = loadScenario(JSON.stringify(object), bundledPlaybooks()).value;
    if (!scenario) throw new Error('the scenario with "unanswered" does not load');
    expect(findingOf(scenario, [], 'scope-call')?.message).toBe('Nobody said whether the login problem was part of this incident.');
  });
});
