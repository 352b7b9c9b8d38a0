import validateStatement from 'xapi-validation';
import { describe, expect, it } from 'vitest';
import { summarizeAttempt, type AttemptSummary } from '../../src/core/report/attempt-summary.ts';
import { attemptStatements, isoDuration, statementId, uuidV5, XAPI_VERBS, type StatementInput } from '../../src/core/report/xapi-statements.ts';
import { acmeAttempt } from '../server/support/attempts.ts';

const HOME = 'https://drill.example.com/';

const summary: AttemptSummary = {
  attemptId: '7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11',
  traineeId: 'e1042',
  traineeName: 'Dana Reyes',
  scenario: { id: 'acme-chemical', version: '1.1.0', title: 'Acme Chemical: the order system is down' },
  playbook: { id: 'itil-major-incident', version: '1.1.0' },
  mode: 'exam',
  classroom: 'ABCDEF',
  startedAt: '2026-12-04T15:02:11Z',
  finishedAt: '2026-12-04T15:31:40Z',
  points: 71,
  maxPoints: 100,
  totalPercent: 71,
  gradePercent: 71,
  passed: true,
  verdict: 'Passed.',
  ending: null,
  competencies: { priority: 90, notification: 40 },
  engineVersion: '0.3.0',
};

const input: StatementInput = { summary, userId: '0b5c5c4e-8a43-4e55-b2f6-0d2f3b7a9c11', cohorts: [{ id: '5a7e2b7c-1f4d-4a55-9a8e-3c1d2e4f5a6b', name: 'Night shift' }] };

/** Every problem xapi-validation finds in a statement, as text; empty when it is valid. */
function problems(statement: unknown): string[] {
  return validateStatement(statement).map((warning) => `${warning.path.join('.')}: ${warning.constructor.name}`);
}

describe('xAPI statements of an attempt', () => {
  it('says attempted, completed and passed, each valid xAPI', () => {
    const statements = attemptStatements(input, { homePage: HOME });
    expect(statements.map((statement) => statement.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/attempted', 'http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed']);
    for (const statement of statements) expect(problems(JSON.parse(JSON.stringify(statement)))).toEqual([]);
  });

  it('names the actor by account on the server, with no e-mail', () => {
    const [attempted] = attemptStatements(input, { homePage: HOME });
    expect(attempted!.actor).toEqual({ objectType: 'Agent', name: 'Dana Reyes', account: { homePage: 'https://drill.example.com', name: input.userId } });
    expect(JSON.stringify(attempted)).not.toContain('mbox');
    const unowned = attemptStatements({ ...input, userId: null, summary: { ...summary, traineeName: null } }, { homePage: HOME })[0]!;
    expect(unowned.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://drill.example.com', name: 'e1042' } });
  });

  it('gives the score, success, completion and duration on completed and passed, not on attempted', () => {
    const [attempted, completed, passed] = attemptStatements(input, { homePage: HOME });
    expect(attempted!.result).toBeUndefined();
    expect(attempted!.timestamp).toBe('2026-12-04T15:02:11Z');
    for (const statement of [completed!, passed!]) {
      expect(statement.result).toEqual({ score: { scaled: 0.71, raw: 71, min: 0, max: 100 }, success: true, completion: true, duration: 'PT29M29S' });
      expect(statement.timestamp).toBe('2026-12-04T15:31:40Z');
    }
  });

  it('says failed, with success false, when the attempt did not pass', () => {
    const statements = attemptStatements({ ...input, summary: { ...summary, passed: false, gradePercent: 30, points: 30 } }, { homePage: HOME });
    const last = statements.at(-1)!;
    expect(last.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/failed', display: { en: 'failed' } });
    expect(last.result).toMatchObject({ success: false, score: { scaled: 0.3, raw: 30 } });
    expect(last.id).toBe(statementId(summary.attemptId, 'failed'));
    for (const statement of statements) expect(problems(JSON.parse(JSON.stringify(statement)))).toEqual([]);
  });

  it('puts the registration, the cohort and classroom, the competencies and the engine version in the context', () => {
    const [, completed] = attemptStatements(input, { homePage: HOME });
    expect(completed!.context.registration).toBe(summary.attemptId);
    expect(completed!.context.contextActivities!.grouping).toEqual([
      { objectType: 'Activity', id: 'https://drill.example.com/xapi/cohorts/5a7e2b7c-1f4d-4a55-9a8e-3c1d2e4f5a6b', definition: { type: 'http://id.tincanapi.com/activitytype/group', name: { en: 'Night shift' } } },
      { objectType: 'Activity', id: 'https://drill.example.com/xapi/classrooms/ABCDEF', definition: { type: 'http://adlnet.gov/expapi/activities/meeting', name: { en: 'Classroom ABCDEF' } } },
    ]);
    expect(completed!.context.extensions).toMatchObject({
      'https://drill.example.com/xapi/extensions/competencies': { priority: 90, notification: 40 },
      'https://drill.example.com/xapi/extensions/engine-version': '0.3.0',
    });
    expect(completed!.object).toEqual({ objectType: 'Activity', id: 'https://drill.example.com/xapi/scenarios/acme-chemical', definition: { type: 'http://adlnet.gov/expapi/activities/simulation', name: { en: summary.scenario.title } } });
    const solo = attemptStatements({ ...input, cohorts: [], summary: { ...summary, classroom: null } }, { homePage: HOME })[0]!;
    expect(solo.context.contextActivities).toBeUndefined();
    expect(problems(JSON.parse(JSON.stringify(solo)))).toEqual([]);
  });

  it('derives ids from the attempt: the same every time, distinct per verb and per attempt, whatever the home page', () => {
    const once = attemptStatements(input, { homePage: HOME }).map((statement) => statement.id);
    const again = attemptStatements(input, { homePage: 'http://other.example' }).map((statement) => statement.id);
    expect(again).toEqual(once);
    const all = XAPI_VERBS.map((verb) => statementId(summary.attemptId, verb));
    expect(new Set(all).size).toBe(XAPI_VERBS.length);
    expect(statementId('8d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11', 'attempted')).not.toBe(all[0]);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes RFC 4122 version 5 UUIDs', () => {
    // The DNS namespace and "python.org", as in Python's uuid documentation.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('writes durations in ISO 8601', () => {
    expect(isoDuration(29 * 60_000 + 29_000)).toBe('PT29M29S');
    expect(isoDuration(3_600_000 + 5_000)).toBe('PT1H5S');
    expect(isoDuration(1_500)).toBe('PT1.5S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(-5)).toBe('PT0S');
  });

  it('maps a really graded attempt to valid statements', () => {
    for (const log of ['strong', 'do-nothing'] as const) {
      const statements = attemptStatements({ summary: summarizeAttempt(acmeAttempt({ log })), userId: null, cohorts: [] }, { homePage: 'http://127.0.0.1:4173' });
      for (const statement of statements) expect(problems(JSON.parse(JSON.stringify(statement)))).toEqual([]);
    }
  });

  it('is caught by the validator when a statement is wrong, so the checks above can fail', () => {
    const [statement] = attemptStatements(input, { homePage: HOME });
    expect(problems({ ...statement, id: 'not-a-uuid' })).not.toEqual([]);
    expect(problems({ ...statement, verb: { id: 'attempted' } })).not.toEqual([]);
  });
});
