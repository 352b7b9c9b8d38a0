import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AttemptRecordSchema,
  createAttempt,
  isoInstant,
  parseAttempt,
  regradeAttempt,
  versionLibrary,
  type AttemptInput,
  type VersionLookup,
} from '../../src/core/attempt.ts';
import { ENGINE_VERSION } from '../../src/core/engine-version.ts';
import { contentSha256 } from '../../src/core/hash/content-hash.ts';
import { instantMs } from '../../src/core/iso-instant.ts';
import { loadPlaybook, loadScenario } from '../../src/core/load.ts';
import type { Playbook } from '../../src/core/playbook/schema.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { acmeObject, goldenLog, loadAcme, readRepoText, repoPath } from '../helpers.ts';

const ATTEMPT_ID = '0b9f6c1e-5a8d-4f3b-8c2a-6e1d7f9a3b45';
const STARTED = Date.UTC(2026, 11, 4, 15, 2, 11);
const FINISHED = Date.UTC(2026, 11, 4, 15, 31, 40, 250);

const { scenario, playbook } = loadAcme();
const playbookRaw = (): unknown => JSON.parse(readRepoText('scenarios/playbooks/itil-major-incident.json'));
const scenarioSha = contentSha256(acmeObject());
const playbookSha = contentSha256(playbookRaw());
const strongLog = goldenLog('strong', scenario, playbook);

function input(overrides: Partial<AttemptInput> = {}): AttemptInput {
  return {
    attemptId: ATTEMPT_ID,
    trainee: { id: 'e1042', name: 'Dana Reyes' },
    scenario: { value: scenario, sha256: scenarioSha },
    playbook: { value: playbook, sha256: playbookSha },
    mode: 'exam',
    startedAt: STARTED,
    finishedAt: FINISHED,
    log: strongLog,
    report: grade(scenario, playbook, strongLog),
    ...overrides,
  };
}

/** A finished attempt as JSON would carry it, for tests to break one field of. */
function recordJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(createAttempt(input()))) as Record<string, unknown>;
}

function diagnosticsOf(value: unknown) {
  const parsed = parseAttempt(value);
  if (parsed.ok) throw new Error('expected the attempt to be rejected');
  return parsed.diagnostics;
}

function libraryWithBundledAcme() {
  const library = versionLibrary();
  library.add('scenario', scenario, acmeObject());
  library.add('playbook', playbook, playbookRaw());
  return library;
}

describe('isoInstant and instantMs', () => {
  it('write UTC instants as toISOString does, leaving out milliseconds when there are none', () => {
    const samples = [0, -1, 951_782_400_000, 1_709_164_800_123, 4_107_542_399_999, -62_135_596_800_000, 253_402_300_799_999, STARTED, FINISHED];
    for (const ms of samples) {
      const expected = new Date(ms).toISOString();
      expect(isoInstant(ms), String(ms)).toBe(ms % 1000 === 0 ? expected.replace('.000Z', 'Z') : expected);
      expect(instantMs(isoInstant(ms)), String(ms)).toBe(ms);
    }
    expect(isoInstant(STARTED)).toBe('2026-12-04T15:02:11Z');
  });

  it('refuse what has no four-digit year or is not whole milliseconds', () => {
    expect(() => isoInstant(253_402_300_800_000)).toThrow(RangeError);
    expect(() => isoInstant(1.5)).toThrow(RangeError);
  });

  it('read offsets and fractions', () => {
    expect(instantMs('2026-12-04T16:02:11+01:00')).toBe(STARTED);
    expect(instantMs('2026-12-04T10:32:11-04:30')).toBe(STARTED);
    expect(instantMs('2026-12-04T15:02:11.5Z')).toBe(STARTED + 500);
    expect(instantMs('2026-12-04T15:02:11.123456789Z')).toBe(STARTED + 123);
  });

  it.each(['2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-12-04T24:00:00Z', '2026-12-04T15:60:00Z', '2026-12-04 15:02:11Z', '2026-12-04T15:02:11', '2026-12-04t15:02:11z', '2026-12-04T15:02:11+25:00', 'yesterday'])(
    'refuse %s',
    (text) => {
      expect(instantMs(text)).toBeUndefined();
    },
  );

  it('know leap years', () => {
    expect(instantMs('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(instantMs('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(instantMs('2100-02-29T00:00:00Z')).toBeUndefined();
  });
});

describe('createAttempt', () => {
  it('records what was played, on which exact versions, by which engine', () => {
    const attempt = createAttempt(input());
    expect(attempt).toMatchObject({
      attemptId: ATTEMPT_ID,
      trainee: { id: 'e1042', name: 'Dana Reyes' },
      scenario: { id: 'acme-chemical', version: scenario.version, sha256: scenarioSha },
      playbook: { id: 'itil-major-incident', version: playbook.version, sha256: playbookSha },
      engineVersion: ENGINE_VERSION,
      mode: 'exam',
      startedAt: '2026-12-04T15:02:11Z',
      finishedAt: '2026-12-04T15:31:40.250Z',
    });
    expect(attempt.log.actions).toEqual(strongLog.actions);
    expect(attempt.report?.scenario.sha256).toBe(scenarioSha);
    expect(attempt.report?.playbook.sha256).toBe(playbookSha);
    expect(attempt.report?.total).toEqual(grade(scenario, playbook, strongLog).total);
  });

  it('takes times as Dates too', () => {
    const attempt = createAttempt(input({ startedAt: new Date(STARTED), finishedAt: new Date(FINISHED) }));
    expect([attempt.startedAt, attempt.finishedAt]).toEqual(['2026-12-04T15:02:11Z', '2026-12-04T15:31:40.250Z']);
  });

  it('records an attempt in progress with no finish and no report', () => {
    const attempt = createAttempt(input({ finishedAt: null, report: null }));
    expect(attempt.finishedAt).toBeNull();
    expect(attempt.report).toBeNull();
  });

  it('throws on what no record may hold, saying what', () => {
    expect(() => createAttempt(input({ attemptId: 'not-a-uuid' }))).toThrow(/attemptId/);
    expect(() => createAttempt(input({ scenario: { value: scenario, sha256: 'abc' } }))).toThrow(/scenario\.sha256/);
  });
});

describe('parseAttempt', () => {
  it('reads back a record that went through JSON, unchanged', () => {
    const attempt = createAttempt(input());
    const parsed = parseAttempt(JSON.parse(JSON.stringify(attempt)));
    expect(parsed).toEqual({ ok: true, attempt });
  });

  it('reads the example of CONTRACTS.md §6 once its report and hashes are filled in', () => {
    const record = recordJson();
    const parsed = parseAttempt({ ...record, attemptId: '7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11', log: { scenario: 'acme-chemical', actions: [] } });
    expect(parsed.ok).toBe(true);
  });

  it('accepts an attempt in progress with finishedAt and report left out', () => {
    const { finishedAt: _finished, report: _report, ...inProgress } = recordJson();
    const parsed = parseAttempt(inProgress);
    expect(parsed.ok && [parsed.attempt.finishedAt, parsed.attempt.report]).toEqual([null, null]);
  });

  it('ignores fields it does not know, at every level', () => {
    const record = recordJson();
    const trainee = record['trainee'] as Record<string, unknown>;
    const extended = parseAttempt({ ...record, cohort: 'night shift', trainee: { ...trainee, team: 'ops' } });
    expect(extended.ok).toBe(true);
    expect(extended).toEqual(parseAttempt(record));
  });

  it.each([
    ['a list', []],
    ['null', null],
    ['text', 'attempt'],
  ])('rejects %s as a whole', (_name, value) => {
    expect(diagnosticsOf(value)).toEqual([expect.objectContaining({ code: 'E_ATTEMPT_SHAPE', path: [] })]);
  });

  it.each(['7D0C1D9E-2F7E-4C55-9A53-1B3C1E0C2B11', '7d0c1d9e2f7e4c559a531b3c1e0c2b11', 'attempt-1', '7d0c1d9e-2f7e-4c55-7a53-1b3c1e0c2b11'])('rejects the attempt id %s', (attemptId) => {
    const [diagnostic] = diagnosticsOf({ ...recordJson(), attemptId });
    expect(diagnostic).toEqual({ code: 'E_ATTEMPT_BAD_ID', path: ['attemptId'], message: expect.stringContaining(`got "${attemptId}"`) });
  });

  it.each([
    ['startedAt', '2026-12-04 15:02:11'],
    ['startedAt', '2026-02-30T15:02:11Z'],
    ['finishedAt', 1_796_396_500_000],
  ])('rejects %s %s', (field, value) => {
    const [diagnostic] = diagnosticsOf({ ...recordJson(), [field]: value });
    expect(diagnostic).toEqual({ code: 'E_ATTEMPT_BAD_INSTANT', path: [field], message: expect.stringContaining('like "2026-12-04T15:02:11Z"') });
  });

  it('rejects an attempt that finished before it started', () => {
    expect(diagnosticsOf({ ...recordJson(), finishedAt: '2026-12-04T15:02:10Z' })).toEqual([
      expect.objectContaining({ code: 'E_ATTEMPT_BAD_INSTANT', path: ['finishedAt'], message: expect.stringContaining('before "startedAt"') }),
    ]);
  });

  it('rejects a bad log with the log diagnostics, at their place in the record', () => {
    const record = recordJson();
    const log = record['log'] as { actions: Record<string, unknown>[] };
    log.actions[2] = { at: '02:47:10', type: 'rollcall' };
    log.actions[3] = { ...log.actions[3], at: '2:48' };
    const diagnostics = diagnosticsOf(record);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_LOG_UNKNOWN_TYPE', path: ['log', 'actions', 2, 'type'], message: expect.stringContaining('"roll-call"') }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_LOG_BAD_FIELD', path: ['log', 'actions', 3, 'at'] }));
  });

  it('rejects a log that is missing', () => {
    const { log: _log, ...record } = recordJson();
    expect(diagnosticsOf(record)).toEqual([expect.objectContaining({ code: 'E_ATTEMPT_MISSING_FIELD', path: ['log'], message: 'Missing "log"' })]);
  });

  it('names a missing hash and a wrong mode', () => {
    const record = recordJson();
    const diagnostics = diagnosticsOf({ ...record, scenario: { id: 'acme-chemical', version: '1.0.0' }, mode: 'practice' });
    expect(diagnostics).toContainEqual({ code: 'E_ATTEMPT_MISSING_FIELD', path: ['scenario', 'sha256'], message: 'Missing "scenario.sha256"' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_ATTEMPT_BAD_FIELD', path: ['mode'], message: expect.stringContaining('"coach"') }));
  });

  it('rejects a report that is not a score report', () => {
    const record = recordJson();
    const report = record['report'] as Record<string, unknown>;
    expect(diagnosticsOf({ ...record, report: { ...report, total: { points: 1, max: 2, percent: 'half' } } })).toEqual([
      expect.objectContaining({ code: 'E_ATTEMPT_BAD_REPORT', path: ['report', 'total', 'percent'] }),
    ]);
    const [many] = diagnosticsOf({ ...record, report: { ...report, findings: [{}] } });
    expect(many?.message).toMatch(/^The stored report is not a score report: "findings\.0\.id" is missing; .*, and \d+ more$/);
  });

  it('rejects a finished attempt without its report', () => {
    expect(diagnosticsOf({ ...recordJson(), report: null })).toEqual([expect.objectContaining({ code: 'E_ATTEMPT_BAD_REPORT', path: ['report'] })]);
  });

  it('rejects a log or a report for another scenario or version than the record names', () => {
    const record = recordJson();
    const log = record['log'] as Record<string, unknown>;
    const diagnostics = diagnosticsOf({ ...record, log: { ...log, scenario: 'acme-email-side-bridge' }, scenario: { ...(record['scenario'] as object), version: '9.9.9' } });
    expect(diagnostics.map((d) => [d.code, d.path.join('.')])).toEqual([
      ['E_ATTEMPT_MISMATCH', 'log.scenario'],
      ['E_ATTEMPT_MISMATCH', 'report.scenario.version'],
    ]);
  });

  it('never throws, whatever it is given', () => {
    const record = recordJson();
    const cyclic: Record<string, unknown> = { ...record };
    cyclic['mode'] = cyclic;
    const odd: unknown[] = [undefined, 0, true, {}, { attemptId: 5 }, { ...record, attemptId: 5n }, cyclic, { ...record, log: null }, { ...record, log: { actions: 'none' } }, { ...record, report: [] }, { ...record, trainee: { id: '' } }];
    for (const value of odd) expect(parseAttempt(value).ok).toBe(false);
  });

  it('lets the schema be used alone for the shape', () => {
    expect(AttemptRecordSchema.safeParse(recordJson()).success).toBe(true);
  });
});

describe('regradeAttempt', () => {
  it('regrades on the exact versions to the report stored then', () => {
    const attempt = createAttempt(input());
    const regraded = regradeAttempt(attempt, libraryWithBundledAcme().lookup);
    expect(regraded).toEqual({ ok: true, report: attempt.report, sameAsStored: true });
  });

  it('says when the stored report differs from a regrade', () => {
    const attempt = createAttempt(input({ report: grade(scenario, playbook, goldenLog('partial', scenario, playbook)) }));
    const regraded = regradeAttempt(attempt, libraryWithBundledAcme().lookup);
    expect(regraded.ok && regraded.sameAsStored).toBe(false);
    expect(regraded.ok && regraded.report.total).toEqual(grade(scenario, playbook, strongLog).total);
  });

  it('will not regrade on a scenario whose title was edited, and says which version is missing', () => {
    const editedRaw = { ...acmeObject(), title: 'Acme Chemical, retitled' };
    const edited = loadAcme(JSON.stringify(editedRaw)).scenario;
    const library = versionLibrary();
    const editedSha = library.add('scenario', edited, editedRaw);
    library.add('playbook', playbook, playbookRaw());
    expect(editedSha).not.toBe(scenarioSha);

    const regraded = regradeAttempt(createAttempt(input()), library.lookup);
    expect(regraded).toEqual({
      ok: false,
      reason: 'missing-version',
      missing: [{ kind: 'scenario', id: 'acme-chemical', version: scenario.version, sha256: scenarioSha }],
      message: `Scenario "acme-chemical" version ${scenario.version} (sha256 ${scenarioSha.slice(0, 8)}…) is not available here; the stored report is shown as graded then.`,
    });
  });

  it('names both when neither version is here', () => {
    const regraded = regradeAttempt(createAttempt(input({ finishedAt: null, report: null })), versionLibrary().lookup);
    expect(regraded.ok).toBe(false);
    if (regraded.ok || regraded.reason !== 'missing-version') throw new Error('expected missing versions');
    expect(regraded.missing.map((version) => version.kind)).toEqual(['scenario', 'playbook']);
    expect(regraded.message).toMatch(/^Scenario "acme-chemical" .* and playbook "itil-major-incident" .* are not available here; there is no stored report to show\.$/);
  });

  it("reports a log that does not replay on the attempt's versions", () => {
    const lastAt = strongLog.actions.at(-1)?.at ?? scenario.clock.start;
    const log = { ...strongLog, actions: [...strongLog.actions, { at: lastAt, type: 'page' as const, participant: 'nobody-here' }] };
    const record = recordJson();
    const parsed = parseAttempt({ ...record, log });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    const regraded = regradeAttempt(parsed.attempt, libraryWithBundledAcme().lookup);
    expect(regraded).toMatchObject({ ok: false, reason: 'invalid-log', diagnostics: [expect.objectContaining({ code: 'E_LOG_UNKNOWN_PARTICIPANT' })] });
  });

  it('asks the lookup for each version by id and hash', () => {
    const asked: string[] = [];
    const library = libraryWithBundledAcme();
    const lookup: VersionLookup = (kind, id, sha256) => {
      asked.push(`${kind} ${id} ${sha256.slice(0, 8)}`);
      return library.lookup(kind, id, sha256);
    };
    regradeAttempt(createAttempt(input()), lookup);
    expect(asked).toEqual([`scenario acme-chemical ${scenarioSha.slice(0, 8)}`, `playbook itil-major-incident ${playbookSha.slice(0, 8)}`]);
  });
});

describe('versionLibrary', () => {
  it('keeps each version under the hash of its raw JSON, and finds it only under its own id', () => {
    const library = libraryWithBundledAcme();
    expect(library.lookup('scenario', 'acme-chemical', scenarioSha)).toBe(scenario);
    expect(library.lookup('playbook', 'itil-major-incident', playbookSha)).toBe(playbook);
    expect(library.lookup('scenario', 'other-scenario', scenarioSha)).toBeUndefined();
    expect(library.lookup('playbook', 'acme-chemical', scenarioSha)).toBeUndefined();
  });

  it('refuses raw JSON that is not the file of the value given', () => {
    expect(() => versionLibrary().add('scenario', scenario, playbookRaw())).toThrow(/not that scenario's file/);
    expect(() => versionLibrary().add('playbook', playbook, { ...(playbookRaw() as object), version: '9.9.9' })).toThrow();
  });
});

describe('the stored attempt tests/fixtures/attempts/acme-strong.attempt.json', () => {
  /** The scenario and playbook files exactly as the attempt was played on, kept beside it. */
  function fixtureLibrary() {
    const folder = 'tests/fixtures/attempts/versions';
    const texts = readdirSync(repoPath(folder)).map((name) => readRepoText(`${folder}/${name}`));
    const library = versionLibrary();
    const playbooks: Playbook[] = [];
    for (const text of texts.filter((candidate) => !('clock' in (JSON.parse(candidate) as object)))) {
      const loaded = loadPlaybook(text).value;
      if (!loaded) throw new Error('a stored playbook version no longer loads');
      playbooks.push(loaded);
      library.add('playbook', loaded, JSON.parse(text));
    }
    // Each scenario version loads with the playbook version it was written for.
    for (const text of texts.filter((candidate) => 'clock' in (JSON.parse(candidate) as object))) {
      const loaded = playbooks.map((playbook) => loadScenario(text, new Map([[playbook.id, playbook]])).value).find((value) => value !== undefined);
      if (!loaded) throw new Error('a stored scenario version no longer loads');
      library.add('scenario', loaded, JSON.parse(text));
    }
    return library;
  }

  const parsed = parseAttempt(JSON.parse(readRepoText('tests/fixtures/attempts/acme-strong.attempt.json')));

  it('parses', () => {
    expect(parsed.ok ? parsed.attempt.attemptId : parsed.diagnostics).toBe('7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11');
  });

  it('regrades, on the versions kept beside it, to its stored report', () => {
    if (!parsed.ok) throw new Error('the fixture does not parse');
    const regraded = regradeAttempt(parsed.attempt, fixtureLibrary().lookup);
    expect(regraded.ok ? regraded.sameAsStored : regraded.message).toBe(true);
    expect(regraded.ok && regraded.report).toEqual(parsed.attempt.report);
    expect(regraded.ok && regraded.storedByEngine).toBeUndefined();
  });

  it('regrades an attempt an older engine graded, on its own versions, and says which engine graded the stored report', () => {
    const older = parseAttempt(JSON.parse(readRepoText('tests/fixtures/attempts/acme-strong-engine-0.2.attempt.json')));
    if (!older.ok) throw new Error('the engine 0.2.0 attempt no longer parses');
    expect(older.attempt.scenario.version).toBe('1.0.0');
    const regraded = regradeAttempt(older.attempt, fixtureLibrary().lookup);
    if (!regraded.ok) throw new Error(regraded.message);
    expect(regraded.storedByEngine).toBe('0.2.0');
    expect(regraded.report.scenario.version).toBe('1.0.0');
    expect(regraded.report.verdict?.reasons).toEqual([]);
    expect(regraded.sameAsStored).toBe(false);
  });
});
