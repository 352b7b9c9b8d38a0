import type { CompiledScenario } from '../core/scenario/compiled.ts';
import { dueTime, type Observation } from '../core/scoring/tracker.ts';
import type { CoachItem } from './store.ts';

/**
 * What coach mode shows at scenario time `now`: each expectation that applies, when it falls due,
 * and the playbook rule behind it. Drawn from the same tracker the grader uses.
 */
export function coachItems(compiled: CompiledScenario, observations: readonly Observation[], now: number): CoachItem[] {
  return byUrgency(applyingItems(compiled, observations, now));
}

const STATUS_ORDER: Readonly<Record<CoachItem['status'], number>> = { overdue: 0, due: 1, 'too-late': 2, late: 3, done: 4 };

/** What needs doing first comes first: overdue, then due soonest; what is done sinks to the bottom. */
function byUrgency(items: CoachItem[]): CoachItem[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status] || dueOrder(a.item) - dueOrder(b.item) || a.order - b.order)
    .map(({ item }) => item);
}

const dueOrder = (item: CoachItem) => item.dueAt ?? Infinity;

function applyingItems(compiled: CompiledScenario, observations: readonly Observation[], now: number): CoachItem[] {
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
    const doneAt = expectation.kind === 'can-report' ? (observation.canStates[0]?.now ?? null) : observation.hitAt;
    // Done after its due time earns late credit only where the debrief gives it, so the coach says which.
    if (doneAt !== null) {
      if (dueAt === null || doneAt <= dueAt) return [{ ...base, dueAt, status: 'done' }];
      const lateCredit = expectation.kind === 'achieve' && expectation.late !== undefined && doneAt - dueAt <= observation.timing.lateWithinMs;
      return [{ ...base, dueAt, status: lateCredit ? 'late' : 'too-late' }];
    }
    return [{ ...base, dueAt, status: dueAt !== null && now > dueAt ? 'overdue' : 'due' }];
  });
}
