import type { ScoreReport } from '../report/score-report.ts';

/** A score report whose scenario and playbook name the exact content it was graded against (CONTRACTS.md §6). */
export type ContentHashedReport = ScoreReport & {
  readonly scenario: { readonly sha256: string };
  readonly playbook: { readonly sha256: string };
};

/** The report with `sha256` added to its `scenario` and `playbook` objects. */
export function withContentHashes(report: ScoreReport, hashes: { readonly scenario: string; readonly playbook: string }): ContentHashedReport {
  return {
    ...report,
    scenario: { ...report.scenario, sha256: hashes.scenario },
    playbook: { ...report.playbook, sha256: hashes.playbook },
  };
}
