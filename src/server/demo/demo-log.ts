import type { ActionLog, ActionType } from '../../core/actions/action.ts';
import type { ActionIntent } from '../../core/actions/intent.ts';
import type { Playbook } from '../../core/playbook/schema.ts';
import type { ScoreReport } from '../../core/report/score-report.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import type { Competency } from '../../core/schema-primitives.ts';
import { Session } from '../../core/session/session.ts';

/** Which competency a model-answer step mostly exercises, so a trainee weak in it tends to miss or delay it. */
const COMPETENCY_OF: Partial<Record<ActionType, Competency>> = {
  'set-priority': 'priority',
  classify: 'priority',
  notify: 'notification',
  'set-next-update': 'notification',
  escalate: 'escalation',
  page: 'escalation',
  'can-report': 'can-report',
};

export function competencyOfAction(type: ActionType): Competency {
  return COMPETENCY_OF[type] ?? 'bridge-control';
}

const MINUTE = 60_000;

/**
 * One play-through a trainee of the given skill might make: the scenario's model answer, with each step done
 * right, late, wrong (a priority set to another level) or not at all, as `skillOf` makes likely. The actions
 * are played through the engine, which drops any it would refuse, and the report is the engine's own grade.
 */
export function playDemoLog(compiled: CompiledScenario, playbook: Playbook, skillOf: (competency: Competency) => number, random: () => number, trainee: NonNullable<ActionLog['trainee']>): { readonly log: ActionLog; readonly report: ScoreReport; readonly lengthMs: number } {
  const { clock, scenario } = compiled;
  const planned: { atMs: number; action: ActionIntent }[] = [];
  for (const step of scenario.modelAnswer?.steps ?? []) {
    const { at, ...action } = step.action;
    const intent = action as ActionIntent;
    const skill = skillOf(competencyOfAction(intent.type));
    if (random() > 0.1 + 0.9 * skill) continue;
    const lateMs = random() < skill ? random() * MINUTE : random() * (1 - skill) * 20 * MINUTE;
    planned.push({ atMs: Math.min(clock.lengthMs, clock.offsetOf(at) + lateMs), action: random() < skill ? intent : wrongVariant(intent, playbook, random) });
  }
  planned.sort((a, b) => a.atMs - b.atMs);
  const session = new Session(compiled, { trainee });
  for (const { atMs, action } of planned) session.submit(action, Math.max(session.now, atMs));
  const report = session.finish();
  const lastActionMs = Math.max(0, ...planned.map((each) => each.atMs));
  return { log: session.log, report, lengthMs: session.ended ? Math.max(lastActionMs, session.now) : clock.lengthMs };
}

/** The mistake a trainee makes on a step: the wrong level on a priority, otherwise the step done late anyway. */
function wrongVariant(action: ActionIntent, playbook: Playbook, random: () => number): ActionIntent {
  if (action.type !== 'set-priority') return action;
  const others = playbook.levels.filter((level) => level.id !== action.level);
  const other = others[Math.floor(random() * others.length)];
  return other === undefined ? action : { ...action, level: other.id };
}
