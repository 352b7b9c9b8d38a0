import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { MAX_ACTIONS } from '../../src/core/actions/action.ts';
import { loadScenario } from '../../src/core/load.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import type { ScoreReport } from '../../src/core/report/score-report.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { acmeObject, bundledPlaybooks, goldenLog, loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const log = (actions: Action[]): ActionLog => ({ scenario: 'acme-chemical', actions });
const report = (actions: Action[]) => grade(scenario, playbook, log(actions));
const finding = (actions: Action[], id: string) => report(actions).findings.find((f) => f.id === id);

describe('the grader cannot be gamed', () => {
  it('does not pass a trainee who fires every action at 02:46 with empty messages', () => {
    const junk: Action[] = [
      { at: '02:46:00', type: 'set-priority', level: 'P1' },
      { at: '02:46:00', type: 'classify', as: 'service-disruption' },
      { at: '02:46:00', type: 'notify', audience: 'executives', channel: 'sms', message: '.' },
      { at: '02:46:00', type: 'notify', audience: 'customers', channel: 'sms', message: '.' },
      { at: '02:46:00', type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' },
      { at: '02:46:00', type: 'escalate', to: 'major-incident' },
    ];
    const result = report(junk);
    expect(result.passed).toBe(false);
    for (const id of ['exec-notice', 'customer-notice', 'separate-business-bridge']) expect(result.findings.find((f) => f.id === id)?.met).toBe(false);
  });

  it('gives no cadence credit when no update was ever sent', () => {
    expect(finding([{ at: '03:25:22', type: 'set-priority', level: 'P1' }], 'update-cadence')).toMatchObject({ points: 0, status: 'missed' });
  });

  it('does not reward a burst of notifications over one real update', () => {
    const message = 'Customers cannot log in; we are on it.';
    const one = finding([{ at: '03:01:00', type: 'set-priority', level: 'P1' }, { at: '03:02:00', type: 'notify', audience: 'executives', channel: 'sms', message }], 'update-cadence');
    const burst = finding(
      [{ at: '03:01:00', type: 'set-priority', level: 'P1' }, ...Array.from({ length: 20 }, (): Action => ({ at: '03:02:00', type: 'notify', audience: 'executives', channel: 'sms', message }))],
      'update-cadence',
    );
    expect(burst?.points).toBe(one?.points);
  });

  it('credits an open-bridge by the bridge it opens, not the purpose the log claims', () => {
    const reopenMain = finding([{ at: '03:01:00', type: 'open-bridge', bridge: 'main', purpose: 'business' }], 'separate-business-bridge');
    const customerBridge = finding([{ at: '03:01:00', type: 'open-bridge', bridge: 'customer-bridge', purpose: 'technical' }], 'separate-business-bridge');
    expect(reopenMain?.met).toBe(false);
    expect(customerBridge?.met).toBe(true);
  });

  it('does not credit a task given to someone who has left the bridge', () => {
    const actions: Action[] = [{ at: '02:53:10', type: 'assign', participant: 'pete', task: 'Change the host names', dueMinutes: 5 }];
    expect(finding(actions, 'named-owner-for-fix')?.met).toBe(false);
    const state = Session.replay(compileScenario(scenario, playbook), log(actions)).state;
    expect(state.transcript.map((e) => e.text)).toContain('Pete Lawson is not on the bridge and does not hear this.');
    expect(state.transcript.some((e) => e.source === 'host-task-release')).toBe(false);
  });

  it('halves facts stuffed into every section of a CAN report', () => {
    const stuffing = 'Customers cannot log in. Failed release. Wrong host names. Acme Chemical. Rolling back the release. Separate bridge.';
    const can = { at: '03:09:00', type: 'can-report', conditions: stuffing, actions: stuffing, needs: stuffing } as const;
    const honest = { at: '03:09:00', type: 'can-report', conditions: 'Customers cannot log in since 03:00 after a failed release; wrong host names.', actions: 'Rolling back the release.', needs: 'None.' } as const;
    const setup: Action[] = [
      { at: '03:05:00', type: 'escalate', to: 'senior-executive' },
      { at: '03:06:00', type: 'decide', decision: 'release-rollback', choice: 'roll-back' },
    ];
    const stuffed = finding([...setup, can], 'can-report');
    const fair = finding([...setup, honest], 'can-report');
    expect(stuffed?.points).toBeLessThan(fair?.points ?? 0);
  });

  it('grades the best CAN report when a follow-up is weaker', () => {
    const setup: Action[] = [{ at: '03:05:00', type: 'escalate', to: 'senior-executive' }];
    const good = { at: '03:09:00', type: 'can-report', conditions: 'Customers cannot log in after a failed release; wrong host names; reported by Acme Chemical.', actions: 'Investigating.', needs: 'A decision on rollback. Approval to notify customers.' } as const;
    const weak = { at: '03:40:00', type: 'can-report', conditions: 'Still broken.', actions: '', needs: '' } as const;
    const once = finding([...setup, good], 'can-report');
    const twice = finding([...setup, good, weak], 'can-report');
    expect(twice).toMatchObject({ points: once?.points, at: '03:09:00', status: once?.status });
  });

  it('adding scribe notes never changes a score', () => {
    const base = goldenLog('partial', scenario, playbook);
    /** The report without the log positions of actions, which notes shift. */
    const scored = (report: ScoreReport) => ({ ...report, findings: report.findings.map(({ actionIndex: _index, ...finding }) => finding) });
    const before = scored(grade(scenario, playbook, base));
    const times = fc.array(fc.integer({ min: 0, max: 64 * 60 - 1 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(times, (seconds) => {
        const notes: Action[] = seconds.map((s) => ({ at: new Date(Date.UTC(2000, 0, 1, 2, 46, s)).toISOString().slice(11, 19), type: 'note', text: 'scribe' }));
        const actions = [...base.actions, ...notes].sort((a, b) => a.at.localeCompare(b.at));
        expect(scored(grade(scenario, playbook, { ...base, actions }))).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});

describe('avoid expectations', () => {
  const withAvoid = () => {
    const object = acmeObject() as { rubric: unknown[] };
    object.rubric.push({
      id: 'no-service-continuity', kind: 'avoid', title: 'Do not fail over to disaster recovery', rule: 'de-escalate', competency: 'escalation', points: 5,
      trigger: { fired: 'customers-cannot-log-in' }, expect: { escalated: 'service-continuity' },
    });
    const loaded = loadScenario(JSON.stringify(object), bundledPlaybooks());
    if (!loaded.value || !loaded.playbook) throw new Error(JSON.stringify(loaded.diagnostics));
    return { scenario: loaded.value, playbook: loaded.playbook };
  };

  it('scores an avoided action in full, and a violation as zero with its time', () => {
    const { scenario: s, playbook: p } = withAvoid();
    const avoided = grade(s, p, log([])).findings.find((f) => f.id === 'no-service-continuity');
    const violated = grade(s, p, log([{ at: '03:20:00', type: 'escalate', to: 'service-continuity' }])).findings.find((f) => f.id === 'no-service-continuity');
    expect(avoided).toMatchObject({ met: true, status: 'avoided', points: 5 });
    expect(violated).toMatchObject({ met: false, status: 'violated', points: 0, at: '03:20:00' });
  });
});

describe('log limits', () => {
  it(`rejects a log with more than ${MAX_ACTIONS} actions`, () => {
    const many = Array.from({ length: MAX_ACTIONS + 1 }, () => ({ at: '03:00:00', type: 'roll-call' }));
    const result = validateLog({ scenario: 'acme-chemical', actions: many }, scenario, playbook);
    expect(result.ok).toBe(false);
  });
});
