import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/load.ts';
import { acmeObject, bundledPlaybooks } from '../helpers.ts';

type Mutable = Record<string, unknown> & { [key: string]: any };

function diagnose(mutate: (scenario: Mutable) => void) {
  const scenario = acmeObject() as Mutable;
  mutate(scenario);
  return loadScenario(JSON.stringify(scenario, null, 2), bundledPlaybooks()).diagnostics;
}

describe('references', () => {
  it('suggests the phase a misspelt transition target meant', () => {
    const diagnostics = diagnose((s) => (s.phases[0].next[0].to = 'customer-impakt'));
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'E_UNKNOWN_TARGET', message: 'phase "bridge-chaos" goes to "customer-impakt"; did you mean "customer-impact"?', line: expect.any(Number), column: expect.any(Number) }),
    );
  });

  it('reports unknown speakers, levels, audiences, rules and duplicate ids', () => {
    const diagnostics = diagnose((s) => {
      s.timeline[1].speaker = 'peet';
      s.rubric[0].expect = { level: 'P0' };
      s.rubric[2].expect = { did: { type: 'notify', audience: 'executive' } };
      s.rubric[3].rule = 'customer-notise';
      s.cast.push({ ...s.cast[0] });
    });
    const messages = diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages).toContain('E_UNKNOWN_PARTICIPANT: unknown participant "peet"; did you mean "pete"?');
    expect(messages).toContain('E_UNKNOWN_LEVEL: unknown level "P0"; did you mean "P1"?');
    expect(messages).toContain('E_UNKNOWN_AUDIENCE: unknown audience "executive"; did you mean "executives"?');
    expect(messages).toContain('E_UNKNOWN_RULE: unknown rule of playbook "itil-major-incident" "customer-notise"; did you mean "customer-notice"?');
    expect(messages).toContain('E_DUPLICATE_ID: duplicate participant id "pete"');
  });

  it('requires a default ending', () => {
    const diagnostics = diagnose((s) => (s.endings[2].when = { level: 'P4' }));
    expect(diagnostics.map((d) => d.code)).toContain('E_NO_DEFAULT_ENDING');
  });
});

describe('lint', () => {
  it('flags a beat outside the clock window', () => {
    const diagnostics = diagnose((s) => (s.timeline[1].at = '04:30:00'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_OUTSIDE_WINDOW', severity: 'error' }));
  });

  it('flags a beat whose condition can never hold', () => {
    const diagnostics = diagnose((s) => (s.timeline[1].when = { var: 'customer-escalations', eq: 7 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'W_UNREACHABLE_BEAT', severity: 'warning', message: expect.stringContaining('"pete-recap"') }));
  });

  it('flags a beat that waits for an event that only happens later', () => {
    const diagnostics = diagnose((s) => (s.timeline[1].when = { fired: 'customers-cannot-log-in' }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'W_UNREACHABLE_BEAT' }));
  });

  it('flags unreachable phases, dead ends and unreachable endings', () => {
    const diagnostics = diagnose((s) => {
      s.phases[0].next[0].when = false;
      s.endings.splice(1, 0, { id: 'never', title: 'Never', summary: 'x', outcome: 'failure', when: { var: 'service-restored', eq: 'yes' } });
    });
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('W_UNREACHABLE_PHASE');
    expect(codes).toContain('W_DEAD_END');
    expect(codes).toContain('W_UNREACHABLE_ENDING');
  });

  it('flags an ending shadowed by an earlier unconditional one', () => {
    const diagnostics = diagnose((s) => s.endings.reverse());
    expect(diagnostics.filter((d) => d.code === 'W_UNREACHABLE_ENDING')).toHaveLength(2);
  });

  it('flags expectations that can never be met or are due before they can apply', () => {
    const diagnostics = diagnose((s) => {
      s.rubric[0].expect = false;
      s.rubric[1].by = '02:50:00';
      delete s.rubric[1].within;
    });
    const impossible = diagnostics.filter((d) => d.code === 'E_IMPOSSIBLE_EXPECTATION').map((d) => d.message);
    expect(impossible).toContain('expectation "p1-on-customer-impact" can never be met: its condition can never hold');
    expect(impossible).toContain('expectation "classify-disruption" is due at 02:50:00, before its trigger can first happen at 03:00:21');
  });
});
