import type { AttemptRecord } from './attempt.ts';
import { withContentHashes, type ContentHashedReport } from './hash/report-hashes.ts';
import type { Playbook } from './playbook/schema.ts';
import type { Scenario } from './scenario/schema.ts';
import { grade } from './scoring/grade.ts';
import { validateLog } from './session/validate-log.ts';

export interface TargetVersion {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  readonly sha256: { readonly scenario: string; readonly playbook: string };
}

export type VersionRegrade = { readonly ok: true; readonly report: ContentHashedReport } | { readonly ok: false; readonly problem: string };

/**
 * Grades an attempt's log against another version of its scenario (a rubric that changed): the report names that
 * version's hashes. A log that no longer fits the version (an action on someone who left the cast) is refused
 * with the reason, and the attempt keeps only its original report.
 */
export function regradeToVersion(attempt: AttemptRecord, target: TargetVersion): VersionRegrade {
  if (attempt.scenario.id !== target.scenario.id) return { ok: false, problem: `The attempt is on "${attempt.scenario.id}", not "${target.scenario.id}".` };
  const validation = validateLog(attempt.log, target.scenario, target.playbook);
  if (!validation.ok) return { ok: false, problem: `The log does not fit version ${target.scenario.version}: ${validation.errors.slice(0, 3).join('; ')}` };
  return { ok: true, report: withContentHashes(grade(target.scenario, target.playbook, validation.log), target.sha256) };
}
