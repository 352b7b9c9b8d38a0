import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/core/load.ts';
import { compileScenario } from '../src/core/scenario/compile.ts';
import { grade } from '../src/core/scoring/grade.ts';
import { Session } from '../src/core/session/session.ts';
import { validateLog } from '../src/core/session/validate-log.ts';
import { bundledPlaybooks, readRepoText } from './helpers.ts';

// The tutorial in scenarios/README.md walks one example file; these tests keep the two in step and prove the example plays.
const EXAMPLE = 'scenarios/examples/first-scenario.json';
const exampleText = readRepoText(EXAMPLE);
const readme = readRepoText('scenarios/README.md');

/** The fenced JSON block that follows an HTML comment marker in the README. */
function blockAfter(marker: string): unknown {
  const start = readme.indexOf(`<!-- ${marker} -->`);
  expect(start, `marker "${marker}" in scenarios/README.md`).toBeGreaterThanOrEqual(0);
  const fence = /```json\n([\s\S]*?)\n```/.exec(readme.slice(start));
  expect(fence, `a json block after "${marker}"`).not.toBeNull();
  return JSON.parse(fence?.[1] ?? 'null');
}

const loaded = loadScenario(exampleText, bundledPlaybooks());
const scenario = loaded.value;
const playbook = loaded.playbook;

function play(logValue: unknown) {
  if (!scenario || !playbook) throw new Error('the example does not load');
  const validation = validateLog(logValue, scenario, playbook);
  if (!validation.ok) throw new Error(validation.errors.join('\n'));
  const state = Session.replay(compileScenario(scenario, playbook), validation.log).state;
  return { state, report: grade(scenario, playbook, validation.log) };
}

describe('the tutorial example', () => {
  it('loads with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(scenario?.id).toBe('first-scenario');
  });

  it('is printed in full in scenarios/README.md, identical to the file', () => {
    expect(blockAfter('full-example')).toEqual(JSON.parse(exampleText));
  });

  it('ends badly when the trainee does nothing: the analyst logs a P3 and the release stays', () => {
    const { state, report } = play({ scenario: 'first-scenario', actions: [] });
    expect(state.ending).toBe('users-left-waiting');
    expect(state.level).toBe('P3');
    expect(state.fired['logged-as-p3']).toBeDefined();
    expect(state.fired['leo-drops']).toBeDefined();
    expect(state.phase).toBe('slowdown');
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.id)).not.toContain('tell-leadership');
  });

  it('reaches the success ending with full marks on the README log', () => {
    const { state, report } = play(blockAfter('tutorial-log'));
    expect(state.ending).toBe('orders-restored');
    expect(state.phase).toBe('restored');
    expect(state.fired['noise-complaint']).toBeUndefined();
    expect(state.fired['leo-drops']).toBeUndefined();
    expect(report.total.percent).toBe(100);
    expect(report.can?.missed).toEqual([]);
  });

  it('refuses the decision before it is open, and a hotfix leads to the partial ending', () => {
    const { state, report } = play({
      scenario: 'first-scenario',
      actions: [
        { at: '10:05:00', type: 'decide', decision: 'rollback', choice: 'roll-back' },
        { at: '10:05:30', type: 'assign', participant: 'app-engineer', task: 'Look at the database' },
        { at: '10:09:00', type: 'decide', decision: 'rollback', choice: 'hotfix' },
        { at: '10:13:00', type: 'notify', audience: 'customers', channel: 'email', message: 'We are investigating slow orders.' },
      ],
    });
    expect(state.actions.map((timed) => timed.effective)).toEqual([false, true, true, true]);
    expect(state.decisions['rollback']).toBe('hotfix');
    expect(state.ending).toBe('slow-recovery');
    const status = (id: string) => report.findings.find((f) => f.id === id)?.status;
    expect(status('tell-users')).toBe('late');
    expect(status('time-boxed-tasks')).toBe('violated');
    expect(status('roll-back-release')).toBe('missed');
  });
});
