import { randomUUID } from 'node:crypto';
import type { ActionLog } from '../../../src/core/actions/action.ts';
import { createAttempt, isoInstant, type AttemptRecord } from '../../../src/core/attempt.ts';
import { contentSha256OfJsonText } from '../../../src/core/hash/content-hash.ts';
import type { ScoreReport } from '../../../src/core/report/score-report.ts';
import { grade } from '../../../src/core/scoring/grade.ts';
import type { StoredVersion } from '../../../src/server/db/store.ts';
import { acmeText, goldenLog, loadAcme, readRepoText } from '../../helpers.ts';

/** Attempt records for the store tests: the Acme golden logs, graded for real, with ids, trainees and times of the test's choosing. */

export type LogName = 'strong' | 'partial' | 'do-nothing' | 'late-notifications';

const acme = loadAcme();
const playbookText = readRepoText(`scenarios/playbooks/${acme.playbook.id}.json`);

export const acmeVersion: StoredVersion = { kind: 'scenario', id: acme.scenario.id, version: acme.scenario.version, sha256: contentSha256OfJsonText(acmeText()), text: acmeText() };
export const playbookVersion: StoredVersion = { kind: 'playbook', id: acme.playbook.id, version: acme.playbook.version, sha256: contentSha256OfJsonText(playbookText), text: playbookText };

const graded = new Map<LogName, { log: ActionLog; report: ScoreReport }>();
function played(name: LogName): { log: ActionLog; report: ScoreReport } {
  let found = graded.get(name);
  if (!found) {
    const log = goldenLog(name, acme.scenario, acme.playbook);
    found = { log, report: grade(acme.scenario, acme.playbook, log) };
    graded.set(name, found);
  }
  return found;
}

export const FIRST_FINISH = Date.UTC(2026, 11, 4, 15, 31, 40);

export interface RecordOptions {
  readonly attemptId?: string;
  readonly trainee?: string;
  readonly log?: LogName;
  /** Epoch ms; null for an attempt in progress. */
  readonly finishedAt?: number | null;
  /** For a draft: only the first this many actions of the log. */
  readonly actions?: number;
}

/** A record whose report is the honest grade of its log (a draft's log is cut short and carries no report). */
export function attemptRecord(options: RecordOptions = {}): AttemptRecord {
  const finishedAt = options.finishedAt === undefined ? FIRST_FINISH : options.finishedAt;
  const trainee = { id: options.trainee ?? 'local', name: 'Test Trainee' };
  const attemptId = options.attemptId ?? randomUUID();
  if (finishedAt === null || options.actions !== undefined) {
    const { log } = played(options.log ?? 'strong');
    return createAttempt({
      ...common(attemptId, trainee, finishedAt),
      log: { ...log, trainee, actions: log.actions.slice(0, options.actions) },
      report: null,
    });
  }
  // Another id, trainee or time does not change the grade: the finished record of the log, with those changed.
  const base = finished(options.log ?? 'strong');
  return {
    ...base,
    attemptId,
    trainee,
    startedAt: isoInstant(finishedAt - 29 * 60_000),
    finishedAt: isoInstant(finishedAt),
    log: { ...base.log, trainee },
    report: base.report && { ...base.report, trainee },
  };
}

const finishedRecords = new Map<LogName, AttemptRecord>();
function finished(name: LogName): AttemptRecord {
  let record = finishedRecords.get(name);
  if (!record) {
    const { log, report } = played(name);
    record = createAttempt({ ...common(randomUUID(), { id: 'local' }, FIRST_FINISH), log, report });
    finishedRecords.set(name, record);
  }
  return record;
}

function common(attemptId: string, trainee: AttemptRecord['trainee'], finishedAt: number | null) {
  return {
    attemptId,
    trainee,
    scenario: { value: acme.scenario, sha256: acmeVersion.sha256 },
    playbook: { value: acme.playbook, sha256: playbookVersion.sha256 },
    mode: 'exam' as const,
    startedAt: (finishedAt ?? FIRST_FINISH) - 29 * 60_000,
    finishedAt,
  };
}

/** Ids that sort as they are made, so tests can say which comes first. */
export function orderedId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
