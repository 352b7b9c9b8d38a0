import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS } from '../../src/core/actions/action.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import type { LogDiagnostic } from '../../src/core/session/log-diagnostic.ts';
import { locateLogDiagnostics } from '../../src/core/session/log-diagnostic-location.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const errorsOf = (actions: unknown[], extra: Record<string, unknown> = {}) => {
  const result = validateLog({ scenario: 'acme-chemical', actions, ...extra }, scenario, playbook);
  return result.ok ? [] : result.errors;
};

describe('validateLog', () => {
  it('accepts the contract example', () => {
    const result = validateLog(
      {
        scenario: 'acme-chemical',
        playbook: 'itil-major-incident',
        trainee: { id: 'e1042', name: 'Dana Reyes' },
        actions: [
          { at: '02:46:40', type: 'announce-role' },
          { at: '02:46:55', type: 'mute', participant: 'noisy-sme' },
          { at: '03:01:10', type: 'set-priority', level: 'P1' },
          { at: '03:02:00', type: 'notify', audience: 'executives', channel: 'sms', message: 'P1: customers cannot log in or place orders since ~03:00. Bridge open. Next update 03:30.' },
        ],
      },
      scenario,
      playbook,
    );
    expect(result.ok).toBe(true);
  });

  it('names the offending entry for each kind of problem', () => {
    expect(errorsOf([{ at: '03:00:00', type: 'roll-call' }, { at: '02:59:00', type: 'roll-call' }])).toEqual(['action 2 "roll-call" at 02:59:00: out of order; it comes before the previous action\'s time']);
    expect(errorsOf([{ at: '04:10:00', type: 'roll-call' }])).toEqual(['action 1 "roll-call" at 04:10:00: 04:10:00 is outside the scenario window 02:46:00-03:50:00']);
    expect(errorsOf([{ at: '02:50:00', type: 'dance' }])[0]).toBe('action 1 "dance" at 02:50:00: unknown action type "dance"');
    expect(errorsOf([{ at: '02:50:00', type: 'mute', participant: 'noisy-smee' }])).toEqual(['action 1 "mute" at 02:50:00: unknown participant "noisy-smee"; did you mean "noisy-sme"?']);
    expect(errorsOf([{ at: '02:50:00', type: 'set-priority', level: 'P9' }])[0]).toContain('unknown level "P9"');
    expect(errorsOf([{ at: '02:50:00', type: 'open-bridge', bridge: 'side', purpose: 'technical' }])[0]).toContain('unknown bridge "side"');
    expect(errorsOf([{ at: '02:50:00', type: 'mute' }])).toEqual(['action 1 "mute" at 02:50:00: missing "participant"']);
    expect(errorsOf([{ at: '02:50:00', type: 'set-next-update', minutes: 'soon' }])[0]).toContain('field "minutes"');
    expect(errorsOf([{ at: '2:50', type: 'roll-call' }])[0]).toContain('HH:MM:SS');
  });

  it('rejects a log for another scenario or playbook, or with no actions list', () => {
    expect(validateLog({ scenario: 'other', actions: [] }, scenario, playbook)).toMatchObject({ ok: false, errors: ['the log is for scenario "other", not "acme-chemical"'] });
    expect(errorsOf([], { playbook: 'freshdesk-teams' })[0]).toContain('"freshdesk-teams"');
    expect(validateLog({ scenario: 'acme-chemical' }, scenario, playbook).ok).toBe(false);
    expect(validateLog(null, scenario, playbook).ok).toBe(false);
  });

  it('gives each problem a code, a plain message, the action index, the JSON path and the entry', () => {
    expect(diagnosticsOf([{ at: '02:50:00', type: 'roll-call' }, { at: '02:49:00', type: 'mute', participant: 'noisy-smee' }])).toEqual([
      {
        severity: 'error',
        code: 'E_LOG_OUT_OF_ORDER',
        message: "Out of order; it comes before the previous action's time",
        index: 1,
        path: ['actions', 1, 'at'],
        entry: 'action 2 "mute" at 02:49:00',
      },
      {
        severity: 'error',
        code: 'E_LOG_UNKNOWN_PARTICIPANT',
        message: 'Unknown participant "noisy-smee"; did you mean "noisy-sme"?',
        index: 1,
        path: ['actions', 1, 'participant'],
        entry: 'action 2 "mute" at 02:49:00',
      },
    ]);
  });

  it('gives every unknown id in an action its own code, pointing at the field that holds it', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ type: 'page', participant: 'nobody' }, 'E_LOG_UNKNOWN_PARTICIPANT', 'participant'],
      [{ type: 'open-bridge', bridge: 'side', purpose: 'technical' }, 'E_LOG_UNKNOWN_BRIDGE', 'bridge'],
      [{ type: 'set-priority', level: 'P9' }, 'E_LOG_UNKNOWN_LEVEL', 'level'],
      [{ type: 'set-priority', level: 'P1', impact: 'galaxy' }, 'E_LOG_UNKNOWN_IMPACT', 'impact'],
      [{ type: 'set-priority', level: 'P1', urgency: 'whenever' }, 'E_LOG_UNKNOWN_URGENCY', 'urgency'],
      [{ type: 'classify', as: 'outage' }, 'E_LOG_UNKNOWN_CLASSIFICATION', 'as'],
      [{ type: 'notify', audience: 'press', channel: 'sms', message: 'P1' }, 'E_LOG_UNKNOWN_AUDIENCE', 'audience'],
      [{ type: 'notify', audience: 'executives', channel: 'fax', message: 'P1' }, 'E_LOG_UNKNOWN_CHANNEL', 'channel'],
      [{ type: 'escalate', to: 'the-pope' }, 'E_LOG_UNKNOWN_ESCALATION', 'to'],
      [{ type: 'decide', decision: 'lunch', choice: 'pizza' }, 'E_LOG_UNKNOWN_DECISION', 'decision'],
      [{ type: 'decide', decision: 'release-rollback', choice: 'roll-forward' }, 'E_LOG_UNKNOWN_CHOICE', 'choice'],
    ];
    for (const [fields, code, field] of cases) {
      expect(diagnosticsOf([{ at: '02:50:00', ...fields }]), code).toEqual([
        expect.objectContaining({ code, index: 0, path: ['actions', 0, field], entry: `action 1 "${String(fields['type'])}" at 02:50:00` }),
      ]);
    }
    expect(diagnosticsOf([{ at: '02:50:00', type: 'decide', decision: 'release-rollback', choice: 'roll-forward' }])[0]?.message).toBe(
      'Unknown choice for "release-rollback" "roll-forward"; did you mean "fix-forward"?',
    );
  });

  it('codes the shape, missing and malformed fields, and unknown types', () => {
    const first = (input: unknown) => {
      const result = validateLog(input, scenario, playbook);
      return result.ok ? undefined : result.diagnostics[0];
    };
    expect(first(null)).toMatchObject({ code: 'E_LOG_SHAPE', index: null, entry: null, path: [], message: 'The log must be a JSON object with "scenario" and "actions", not null' });
    expect(first({ scenario: 'acme-chemical' })).toMatchObject({ code: 'E_LOG_SHAPE', path: ['actions'], message: 'The log has no "actions" list' });
    expect(first({ scenario: 'acme-chemical', actions: {} })).toMatchObject({ code: 'E_LOG_SHAPE', message: '"actions" must be a list, not an object' });
    expect(first({ actions: [] })).toMatchObject({ code: 'E_LOG_MISSING_FIELD', path: ['scenario'], index: null, message: 'Missing "scenario"' });
    expect(first({ scenario: 'acme-chemical', trainee: { id: 7 }, actions: [] })).toMatchObject({ code: 'E_LOG_BAD_FIELD', path: ['trainee', 'id'], message: 'Field "trainee.id" is invalid: expected string, received number' });
    expect(first({ scenario: 'acme-chemical', actions: [7] })).toMatchObject({ code: 'E_LOG_SHAPE', index: 0, entry: 'action 1', message: 'The action must be a JSON object, not a number' });
    expect(first({ scenario: 'acme-chemical', actions: [{ at: '02:50:00', type: 'mutee', participant: 'pete' }] })).toMatchObject({
      code: 'E_LOG_UNKNOWN_TYPE',
      path: ['actions', 0, 'type'],
      message: 'Unknown action type "mutee"; did you mean "mute"?',
    });
    expect(first({ scenario: 'acme-chemical', actions: [{ at: '02:50:00' }] })).toMatchObject({ code: 'E_LOG_MISSING_FIELD', path: ['actions', 0, 'type'], entry: 'action 1 at 02:50:00' });
    expect(first({ scenario: 'acme-chemical', actions: [{ at: '02:50:00', type: 'mute' }] })).toMatchObject({ code: 'E_LOG_MISSING_FIELD', path: ['actions', 0, 'participant'] });
    expect(first({ scenario: 'acme-chemical', actions: [{ at: '2:50', type: 'roll-call' }] })).toMatchObject({ code: 'E_LOG_BAD_FIELD', path: ['actions', 0, 'at'], message: expect.stringMatching(/^Field "at" is invalid: .*HH:MM:SS/) });
    expect(first({ scenario: 'acme-chemical', actions: [{ at: '04:10:00', type: 'close' }] })).toMatchObject({ code: 'E_LOG_OUTSIDE_WINDOW', path: ['actions', 0, 'at'] });
    expect(first({ scenario: 'other', actions: [] })).toMatchObject({ code: 'E_LOG_WRONG_SCENARIO', path: ['scenario'], index: null, entry: null });
    expect(first({ scenario: 'acme-chemical', playbook: 'freshdesk-teams', actions: [] })).toMatchObject({ code: 'E_LOG_WRONG_PLAYBOOK', path: ['playbook'] });
    const crowded = { scenario: 'acme-chemical', actions: Array.from({ length: MAX_ACTIONS + 1 }, () => ({ at: '02:50:00', type: 'close' })) };
    expect(first(crowded)).toMatchObject({ code: 'E_LOG_TOO_MANY_ACTIONS', path: ['actions'], message: `The log has ${MAX_ACTIONS + 1} actions; a log holds at most ${MAX_ACTIONS}` });
  });

  it('derives each error line from its diagnostic, so both always say the same', () => {
    const result = validateLog({ scenario: 'other', actions: [{ at: '03:00:00', type: 'close' }, { at: '02:59:00', type: 'page', participant: 'peet' }] }, scenario, playbook);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(3);
    expect(result.errors).toEqual(result.diagnostics.map((d) => (d.entry === null ? '' : `${d.entry}: `) + d.message.charAt(0).toLowerCase() + d.message.slice(1)));
    for (const d of result.diagnostics) {
      expect(d.message).toMatch(/^[A-Z0-9"]/);
      expect(d.message).not.toMatch(/^action \d/i);
    }
  });

  it('stops after 20 problems, however many the log has', () => {
    const actions = Array.from({ length: 50 }, () => ({ at: '02:50:00', type: 'page', participant: 'nobody' }));
    expect(diagnosticsOf(actions)).toHaveLength(20);
    expect(diagnosticsOf(Array.from({ length: 50 }, () => ({ at: '02:50:00', type: 'page' })))).toHaveLength(20);
  });
});

describe('locateLogDiagnostics', () => {
  const text = [
    '{',
    '  "scenario": "acme-chemical",',
    '  "actions": [',
    '    { "at": "03:00:00", "type": "roll-call" },',
    '    { "at": "02:59:00", "type": "mute", "participant": "noisy-smee" },',
    '    { "at": "03:01:00", "type": "page", "participant": "pete" }',
    '  ]',
    '}',
  ].join('\n');
  const located = () => {
    const result = validateLog(JSON.parse(text), scenario, playbook);
    if (result.ok) throw new Error('the log should be rejected');
    return locateLogDiagnostics(text, result.diagnostics);
  };

  it('puts each diagnostic at the line and column of the value it is about', () => {
    const lines = text.split('\n');
    expect(located().map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'E_LOG_OUT_OF_ORDER', line: 5, column: (lines[4] ?? '').indexOf('"02:59:00"') + 1 },
      { code: 'E_LOG_UNKNOWN_PARTICIPANT', line: 5, column: (lines[4] ?? '').indexOf('"noisy-smee"') + 1 },
    ]);
  });

  it('prints compiler style, naming the entry', () => {
    expect(located().map((d) => formatDiagnostic('attempt.json', d))).toEqual([
      'attempt.json:5:13: error E_LOG_OUT_OF_ORDER: action 2 "mute" at 02:59:00: out of order; it comes before the previous action\'s time',
      'attempt.json:5:56: error E_LOG_UNKNOWN_PARTICIPANT: action 2 "mute" at 02:59:00: unknown participant "noisy-smee"; did you mean "noisy-sme"?',
    ]);
  });

  it('points a missing field at the action that lacks it', () => {
    const missing = '{ "scenario": "acme-chemical",\n  "actions": [\n    { "at": "03:01:00", "type": "page" }\n  ]\n}';
    const result = validateLog(JSON.parse(missing), scenario, playbook);
    if (result.ok) throw new Error('the log should be rejected');
    expect(locateLogDiagnostics(missing, result.diagnostics).map((d) => formatDiagnostic('attempt.json', d))).toEqual([
      'attempt.json:3:5: error E_LOG_MISSING_FIELD: action 1 "page" at 03:01:00: missing "participant"',
    ]);
  });

  it('points a problem with the whole log at the value it names, or the start of the file', () => {
    const other = '{\n  "scenario": "other",\n  "actions": []\n}';
    const result = validateLog(JSON.parse(other), scenario, playbook);
    if (result.ok) throw new Error('the log should be rejected');
    expect(locateLogDiagnostics(other, result.diagnostics)).toMatchObject([{ code: 'E_LOG_WRONG_SCENARIO', line: 2, column: 15, message: 'the log is for scenario "other", not "acme-chemical"' }]);
    const bare = validateLog([], scenario, playbook);
    if (bare.ok) throw new Error('the log should be rejected');
    expect(locateLogDiagnostics('[]', bare.diagnostics)).toMatchObject([{ code: 'E_LOG_SHAPE', line: 1, column: 1 }]);
  });
});

function diagnosticsOf(actions: unknown[]): readonly LogDiagnostic[] {
  const result = validateLog({ scenario: 'acme-chemical', actions }, scenario, playbook);
  return result.ok ? [] : result.diagnostics;
}

