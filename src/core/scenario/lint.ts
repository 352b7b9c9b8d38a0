import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import { durationMs, ScenarioClock } from '../time.ts';
import { answerLeakDiagnostics } from './lint-answers.ts';
import { captionDiagnostics } from './lint-captions.ts';
import { modelAnswerDiagnostics } from './lint-model-answer.ts';
import { noiseComplaintDiagnostics } from './lint-noise.ts';
import { silentMistakeDiagnostics } from './lint-silent.ts';
import { phaseLoopDiagnostics } from './lint-loops.ts';
import { voiceClipDiagnostics, type HasVoiceClip } from './lint-voice.ts';
import { Possibility } from './possibility.ts';
import type { Scenario } from './schema.ts';
import type { Playbook } from '../playbook/schema.ts';
import { rubricItems } from './expr-sites.ts';
import { resolveRubric } from './rubric-templates.ts';

export interface LintOptions {
  /** When given, every spoken line must have a voice clip; missing ones are warnings. */
  readonly hasVoiceClip?: HasVoiceClip;
}

/**
 * Graph and timing checks on a scenario whose references are sound: content that can never
 * happen, phases with no way on or looping among themselves, endings nobody can reach, expectations
 * nobody can meet, captions too long to read, and (given a way to look) missing voice clips.
 */
export function lintScenario(doc: JsonDocument, scenario: Scenario, playbook: Playbook, options: LintOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: 'error' | 'warning', code: string, message: string, path: JsonPath) =>
    diagnostics.push(doc.diagnostic(severity, code, message, path));
  const clock = new ScenarioClock(scenario.clock);
  const analysis = new Possibility(scenario, clock);
  if (clock.lengthMs === 0) {
    report('error', 'E_EMPTY_WINDOW', `the clock window ${scenario.clock.start}-${scenario.clock.end} lasts no time at all: the exercise would end as it starts; give "end" another time (an end earlier than the start means the next day)`, ['clock', 'end']);
  }

  scenario.timeline.forEach((beat, i) => {
    if (!clock.contains(beat.at)) {
      report('error', 'E_OUTSIDE_WINDOW', `beat "${beat.id}" at ${beat.at} is outside the clock window ${scenario.clock.start}-${scenario.clock.end}`, ['timeline', i, 'at']);
    } else if (!analysis.beatCanHappen(beat.id)) {
      report('warning', 'W_UNREACHABLE_BEAT', `beat "${beat.id}" can never happen: its condition can never hold at ${beat.at}`, ['timeline', i, 'when']);
    }
  });
  scenario.branches?.forEach((branch, i) => {
    if (!analysis.mayHold(branch.when)) report('warning', 'W_UNREACHABLE_BRANCH', `branch "${branch.id}" can never be taken: its condition can never hold`, ['branches', i, 'when']);
  });
  scenario.reactions?.forEach((reaction, i) => {
    if (reaction.when && !analysis.mayHold(reaction.when)) report('warning', 'W_UNREACHABLE_REACTION', `reaction "${reaction.id}" can never happen: its condition can never hold`, ['reactions', i, 'when']);
  });

  scenario.decisions?.forEach((decision, i) => {
    if (decision.when && !analysis.mayHold(decision.when)) report('warning', 'W_UNREACHABLE_DECISION', `decision "${decision.id}" can never be offered: its condition can never hold`, ['decisions', i, 'when']);
  });

  const queue = [scenario.phases[0]?.id ?? ''];
  const reachable = new Set<string>(queue);
  const phaseById = new Map(scenario.phases.map((phase) => [phase.id, phase]));
  for (let head = 0; head < queue.length; head++) {
    const phase = phaseById.get(queue[head]!);
    for (const transition of phase?.next ?? []) {
      if (!reachable.has(transition.to) && analysis.mayHold(transition.when)) {
        reachable.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  scenario.phases.forEach((phase, i) => {
    if (!reachable.has(phase.id)) {
      report('warning', 'W_UNREACHABLE_PHASE', `phase "${phase.id}" can never be entered from "${scenario.phases[0]?.id}"`, ['phases', i, 'id']);
      return;
    }
    const next = phase.next ?? [];
    if (next.length > 0 && !next.some((transition) => analysis.mayHold(transition.when))) {
      report('warning', 'W_DEAD_END', `phase "${phase.id}" is a dead end: none of its transitions can ever be taken, so it only ends when the clock runs out`, ['phases', i, 'next']);
    }
  });

  const enteredByTransition = new Set<string>();
  for (const phase of scenario.phases) {
    if (!reachable.has(phase.id)) continue;
    for (const transition of phase.next ?? []) if (!enteredByTransition.has(transition.to) && analysis.mayHold(transition.when)) enteredByTransition.add(transition.to);
  }
  const firstUnconditional = scenario.endings.findIndex((ending) => ending.when === undefined);
  scenario.endings.forEach((ending, i) => {
    const byTransition = enteredByTransition.has(ending.id);
    const atClockEnd = (firstUnconditional === -1 || i <= firstUnconditional) && (ending.when === undefined || analysis.mayHold(ending.when));
    if (!byTransition && !atClockEnd) {
      const why = firstUnconditional !== -1 && i > firstUnconditional ? `it comes after "${scenario.endings[firstUnconditional]?.id}", which has no condition` : 'no transition or condition can lead to it';
      report('warning', 'W_UNREACHABLE_ENDING', `ending "${ending.id}" can never be reached: ${why}`, ['endings', i, 'id']);
    }
  });

  const resolved = resolveRubric(scenario, playbook);
  for (const { item, index } of rubricItems(scenario, resolved)) {
    const path: JsonPath = ['rubric', index];
    if (item.trigger !== undefined && !analysis.mayHold(item.trigger)) {
      report('warning', 'W_NEVER_TRIGGERED', `expectation "${item.id}" never applies: its trigger can never hold`, [...path, 'trigger']);
    }
    if ((item.kind === 'achieve' || item.kind === 'cadence') && !analysis.mayHold(item.expect)) {
      report('error', 'E_IMPOSSIBLE_EXPECTATION', `expectation "${item.id}" can never be met: its condition can never hold`, [...path, 'expect']);
    }
    if (item.kind !== 'cadence' && item.by !== undefined) {
      if (!clock.contains(item.by)) {
        report('error', 'E_OUTSIDE_WINDOW', `expectation "${item.id}" is due at ${item.by}, outside the clock window`, [...path, 'by']);
      } else if (item.trigger !== undefined && clock.offsetOf(item.by) < analysis.earliest(item.trigger)) {
        report('error', 'E_IMPOSSIBLE_EXPECTATION', `expectation "${item.id}" is due at ${item.by}, before its trigger can first happen at ${clock.format(analysis.earliest(item.trigger))}`, [...path, 'by']);
      }
    }
    if (item.kind === 'cadence' && durationMs(item.every) >= clock.lengthMs) {
      report('warning', 'W_CADENCE_TOO_LONG', `expectation "${item.id}" asks for an update every ${item.every}, longer than the whole exercise`, [...path, 'every']);
    }
  }
  diagnostics.push(...phaseLoopDiagnostics(doc, scenario, analysis, reachable));
  diagnostics.push(...captionDiagnostics(doc, scenario, clock));
  diagnostics.push(...modelAnswerDiagnostics(doc, scenario, playbook));
  diagnostics.push(...noiseComplaintDiagnostics(doc, scenario));
  diagnostics.push(...silentMistakeDiagnostics(doc, scenario, resolved, clock));
  diagnostics.push(...answerLeakDiagnostics(doc, scenario, playbook, resolved.expectations));
  if (options.hasVoiceClip) diagnostics.push(...voiceClipDiagnostics(doc, scenario, options.hasVoiceClip));
  return diagnostics;
}
