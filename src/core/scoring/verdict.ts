import type { Finding, Verdict, VerdictReason } from '../report/score-report.ts';
import type { Ending } from '../scenario/schema.ts';

/** A critical item fails the attempt when it earns less than this share of its points. */
export const CRITICAL_SHARE = 0.5;

export function failsCritically(finding: Finding): boolean {
  return finding.critical === true && finding.points < finding.max * CRITICAL_SHARE;
}

/**
 * Whether the attempt passes, and why not: the total against the pass mark after the ending's cap,
 * every critical item, and the ending itself. A failure ending never passes.
 */
export function verdictOf(percent: number, passPercent: number, findings: readonly Finding[], ending: Ending | undefined): Verdict {
  const reasons: VerdictReason[] = [];
  const cap = ending?.maxPercent;
  const capped = cap !== undefined && percent > cap ? cap : percent;
  if (ending?.outcome === 'failure') {
    reasons.push({ code: 'failure-ending', message: `The exercise ended in failure ("${ending.title}"), and a failure ending never passes.` });
  }
  for (const finding of findings.filter(failsCritically)) {
    reasons.push({
      code: 'critical-missed',
      finding: finding.id,
      message: `"${finding.title}" is critical and earned ${finding.points} of ${finding.max} points; a critical item needs at least half.`,
    });
  }
  if (capped < passPercent) {
    reasons.push(
      capped < percent
        ? { code: 'capped-by-ending', message: `The ending "${ending?.title}" caps the grade at ${capped}%, below the pass mark of ${passPercent}%.` }
        : { code: 'below-pass-mark', message: `${percent}% is below the pass mark of ${passPercent}%.` },
    );
  }
  const summary =
    reasons.length === 0
      ? `Passed: ${capped}%${capped < percent ? ` (capped from ${percent}% by the ending)` : ''}, at or above the pass mark of ${passPercent}%, with every critical item met.`
      : `Not passed. ${reasons.map((reason) => reason.message).join(' ')}`;
  return { percent: capped, reasons, summary };
}
