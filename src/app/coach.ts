import type { CompiledScenario } from '../core/scenario/compiled.ts';
import { dueTime, type Observation } from '../core/scoring/tracker.ts';
import type { CoachItem } from './store.ts';

/**
 * What coach mode shows at scenario time `now`: each expectation that applies, when it falls due,
 * and the playbook rule behind it. Drawn from the same tracker the grader uses.
 */
export function coachItems(compiled: CompiledScenario, observations: readonly Observation[], now: number): CoachItem[] {
  const rules = new Map(compiled.playbook.rules.map((rule) => [rule.id, rule]));
  return observations.flatMap((observation): CoachItem[] => {
    const { expectation, triggeredAt } = observation;
    if (triggeredAt === null || expectation.kind === 'avoid') return [];
    const rule = rules.get(expectation.rule);
    const base = {
      id: expectation.id,
      title: expectation.title,
      hint: rule?.text ?? '',
      reference: rule ? `${compiled.playbook.id} §${rule.section}` : compiled.playbook.id,
    };
    if (expectation.kind === 'cadence') {
      if (observation.untilAt !== null) return [];
      const dueAt = (observation.updates.at(-1)?.at ?? triggeredAt) + observation.timing.everyMs;
      return [{ ...base, dueAt, status: now > dueAt ? 'overdue' : 'due' }];
    }
    const dueAt = dueTime(observation.timing, triggeredAt) ?? null;
    const done = expectation.kind === 'can-report' ? observation.canStates.length > 0 : observation.hitAt !== null;
    if (done) return [{ ...base, dueAt, status: 'done' }];
    return [{ ...base, dueAt, status: dueAt !== null && now > dueAt ? 'overdue' : 'due' }];
  });
}
