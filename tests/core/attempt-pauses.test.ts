import { describe, expect, it } from 'vitest';
import { createAttempt, parseAttempt, type AttemptInput } from '../../src/core/attempt.ts';
import { contentSha256 } from '../../src/core/hash/content-hash.ts';
import { acmeObject, loadAcme, readRepoText } from '../helpers.ts';

const { scenario, playbook } = loadAcme();

function input(overrides: Partial<AttemptInput> = {}): AttemptInput {
  return {
    attemptId: '0b9f6c1e-5a8d-4f3b-8c2a-6e1d7f9a3b45',
    trainee: { id: 'local' },
    scenario: { value: scenario, sha256: contentSha256(acmeObject()) },
    playbook: { value: playbook, sha256: contentSha256(JSON.parse(readRepoText('scenarios/playbooks/itil-major-incident.json'))) },
    mode: 'exam',
    startedAt: Date.UTC(2026, 11, 4, 15, 2, 11),
    finishedAt: null,
    log: { scenario: scenario.id, playbook: playbook.id, actions: [] },
    report: null,
    ...overrides,
  };
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('an attempt record’s pauses', () => {
  it('are kept when given, and round-trip through JSON', () => {
    const record = createAttempt(input({ pauses: { count: 2, totalMs: 100_000 } }));
    expect(record.pauses).toEqual({ count: 2, totalMs: 100_000 });
    const parsed = parseAttempt(asJson(record));
    expect(parsed.ok && parsed.attempt.pauses).toEqual({ count: 2, totalMs: 100_000 });
  });

  it('are optional: a record without them, such as one written before they existed, still reads', () => {
    const record = createAttempt(input());
    expect('pauses' in record).toBe(false);
    const json = asJson(record);
    expect(parseAttempt(json).ok).toBe(true);
  });

  it('must be a whole, non-negative count and time', () => {
    for (const pauses of [{ count: -1, totalMs: 0 }, { count: 1.5, totalMs: 0 }, { count: 1, totalMs: -5 }, { count: 1 }, 'twice']) {
      const parsed = parseAttempt({ ...asJson(createAttempt(input())), pauses });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.diagnostics[0]?.path[0]).toBe('pauses');
      if (!parsed.ok) expect(['E_ATTEMPT_BAD_FIELD', 'E_ATTEMPT_MISSING_FIELD']).toContain(parsed.diagnostics[0]?.code);
    }
  });
});
