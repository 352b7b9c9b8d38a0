import { codeFrame } from '../core/code-frame.ts';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import type { ScoreReport } from '../core/report/score-report.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { TranscriptEntry } from '../core/session/state.ts';

export function transcriptLine(entry: TranscriptEntry, compiled: CompiledScenario): string {
  const time = compiled.clock.format(entry.at);
  const person = entry.speaker === undefined ? undefined : compiled.participants.get(entry.speaker);
  const who = person ? `${person.name} (${person.role})` : (entry.speaker ?? '');
  switch (entry.kind) {
    case 'phase':
      return `${time}  == ${entry.text} ==`;
    case 'ending':
      return `${time}  == Ending: ${entry.text} ==`;
    case 'say':
      return `${time}  ${who}${entry.overlap ? ' [over others]' : ''}: ${entry.text}`;
    case 'report':
    case 'inject':
      return `${time}  ! ${entry.title ?? 'Report'}${person ? ` (from ${person.name})` : ''}: ${entry.text}`;
    case 'action':
      return `${time}  > ${entry.text}`;
    case 'unheard':
      return `${time}  ~ ${entry.text} (unheard: "${entry.words ?? ''}")`;
    default:
      return `${time}  ~ ${entry.text}`;
  }
}

export function scoreSummary(report: ScoreReport): string {
  const lines = [
    `Score: ${report.total.points}/${report.total.max} (${report.total.percent}%) — ${report.passed ? 'PASSED' : 'NOT PASSED'} (pass mark ${report.passPercent}%)`,
    ...(report.ending ? [`Ending: ${report.ending.title} (${report.ending.outcome})`] : []),
    ...(report.verdict && report.verdict.percent !== report.total.percent ? [`Grade: ${report.verdict.percent}% after the ending's cap`] : []),
    ...(report.verdict?.reasons ?? []).map((reason) => `Not passed because: ${reason.message}`),
    '',
    ...report.competencies.map((c) => `  ${c.id.padEnd(15)} ${String(c.points).padStart(5)}/${String(c.max).padEnd(3)} ${String(c.percent).padStart(3)}%`),
    '',
    ...report.findings.map((f) => `  ${f.met ? '✓' : '✗'} [${f.competency}]${f.critical ? ' [critical]' : ''} ${f.points}/${f.max} ${f.status}: ${f.message} (${f.reference})`),
  ];
  if (report.can) {
    lines.push('', `CAN report: found ${report.can.found.length} of ${report.can.facts.length} facts.`);
    for (const fact of report.can.facts) {
      const where = fact.foundIn === null ? 'missing' : fact.foundIn === fact.section ? `found in ${fact.section}` : `found in ${fact.foundIn}, belongs in ${fact.section}`;
      lines.push(`  ${fact.foundIn ? '✓' : '✗'} ${fact.label} — ${where}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A diagnostic compiler style (`file:line:col: error CODE: message`), with the source line and a caret under it. */
export function diagnosticWithFrame(file: string, text: string, diagnostic: Diagnostic): string {
  const frame = codeFrame(text, diagnostic);
  return frame === '' ? formatDiagnostic(file, diagnostic) : `${formatDiagnostic(file, diagnostic)}\n${frame}`;
}

/** Up to `limit` diagnostics with their code frames, one after another, and how many more were left out. */
export function diagnosticsWithFrames(file: string, text: string, diagnostics: readonly Diagnostic[], limit: number): string {
  const shown = diagnostics.slice(0, limit).map((diagnostic) => diagnosticWithFrame(file, text, diagnostic));
  if (diagnostics.length > limit) shown.push(`${file}: ${diagnostics.length - limit} more diagnostic(s) not shown`);
  return shown.join('\n');
}
