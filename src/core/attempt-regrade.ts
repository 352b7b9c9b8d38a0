import type { AttemptRecord } from './attempt.ts';
import { ENGINE_VERSION } from './engine-version.ts';
import { canonicalJson } from './hash/canonical-json.ts';
import { withContentHashes, type ContentHashedReport } from './hash/report-hashes.ts';
import type { Playbook } from './playbook/schema.ts';
import { ScoreReportSchema } from './report/score-report-schema.ts';
import type { ScoreReport } from './report/score-report.ts';
import type { Scenario } from './scenario/schema.ts';
import { grade } from './scoring/grade.ts';
import type { LogDiagnostic } from './session/log-diagnostic.ts';
import { validateLog } from './session/validate-log.ts';

export type VersionKind = 'scenario' | 'playbook';

export interface VersionValues {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
}

/** Finds the loaded scenario or playbook whose file's content hash is `sha256`, or undefined when it is not here. */
export type VersionLookup = <K extends VersionKind>(kind: K, id: string, sha256: string) => VersionValues[K] | undefined;

export interface MissingVersion {
  readonly kind: VersionKind;
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}

export type Regrade =
  | {
      readonly ok: true;
      readonly report: ContentHashedReport;
      /** Whether the regraded report says what the stored one says, field for field (fields this version does not know aside). */
      readonly sameAsStored: boolean;
      /** The engine version that graded the stored report, when it is not this one: its grading rules may differ. */
      readonly storedByEngine?: string;
    }
  | { readonly ok: false; readonly reason: 'missing-version'; readonly missing: readonly MissingVersion[]; readonly message: string }
  | { readonly ok: false; readonly reason: 'invalid-log'; readonly diagnostics: readonly LogDiagnostic[]; readonly message: string };

/**
 * Grades an attempt's log again against the exact scenario and playbook it was played on, found by content
 * hash. When either is not available, says which, rather than grading against another version.
 * `compareWithStored: false` skips comparing with the stored report (`sameAsStored` is then false).
 */
export function regradeAttempt(attempt: AttemptRecord, lookup: VersionLookup, options: { readonly compareWithStored?: boolean } = {}): Regrade {
  const scenario = lookup('scenario', attempt.scenario.id, attempt.scenario.sha256);
  const playbook = lookup('playbook', attempt.playbook.id, attempt.playbook.sha256);
  if (!scenario || !playbook) {
    const missing = [...(scenario ? [] : [{ kind: 'scenario' as const, ...attempt.scenario }]), ...(playbook ? [] : [{ kind: 'playbook' as const, ...attempt.playbook }])];
    return { ok: false, reason: 'missing-version', missing, message: missingMessage(missing, attempt.report !== null) };
  }
  const validation = validateLog(attempt.log, scenario, playbook);
  if (!validation.ok) {
    const message = `The log does not replay on ${versionName({ kind: 'scenario', ...attempt.scenario })}: ${validation.errors.join('; ')}`;
    return { ok: false, reason: 'invalid-log', diagnostics: validation.diagnostics, message };
  }
  const report = withContentHashes(grade(scenario, playbook, validation.log), { scenario: attempt.scenario.sha256, playbook: attempt.playbook.sha256 });
  // Comparing costs about as much as a third of the grading; a caller that replaces the stored report skips it.
  const sameAsStored = options.compareWithStored !== false && attempt.report !== null && canonicalJson(knownFields(report)) === canonicalJson(attempt.report);
  return { ok: true, report, sameAsStored, ...(attempt.engineVersion === ENGINE_VERSION ? {} : { storedByEngine: attempt.engineVersion }) };
}

/** The report as a stored one reads back, so that a field added to reports since does not count as a difference. */
function knownFields(report: ScoreReport): unknown {
  const parsed = ScoreReportSchema.safeParse(report);
  return parsed.success ? parsed.data : report;
}

function missingMessage(missing: readonly MissingVersion[], hasStoredReport: boolean): string {
  const names = missing.map(versionName);
  const subject = names.length === 1 ? `${names[0]} is` : `${names.join(' and ')} are`;
  const then = hasStoredReport ? 'the stored report is shown as graded then' : 'there is no stored report to show';
  return capitalised(`${subject} not available here; ${then}.`);
}

function versionName(version: MissingVersion): string {
  return `${version.kind} "${version.id}" version ${version.version} (sha256 ${version.sha256.slice(0, 8)}…)`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
