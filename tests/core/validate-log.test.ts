import { describe, expect, it } from 'vitest';
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
    expect(errorsOf([{ at: '02:50:00', type: 'mute' }])).toEqual(['action 1 "mute" at 02:50:00, field "participant": missing']);
    expect(errorsOf([{ at: '02:50:00', type: 'set-next-update', minutes: 'soon' }])[0]).toContain('field "minutes"');
    expect(errorsOf([{ at: '2:50', type: 'roll-call' }])[0]).toContain('HH:MM:SS');
  });

  it('rejects a log for another scenario or playbook, or with no actions list', () => {
    expect(validateLog({ scenario: 'other', actions: [] }, scenario, playbook)).toMatchObject({ ok: false, errors: ['the log is for scenario "other", not "acme-chemical"'] });
    expect(errorsOf([], { playbook: 'freshdesk-teams' })[0]).toContain('"freshdesk-teams"');
    expect(validateLog({ scenario: 'acme-chemical' }, scenario, playbook).ok).toBe(false);
    expect(validateLog(null, scenario, playbook).ok).toBe(false);
  });
});
