import type { Action } from '../../core/actions/action.ts';

/**
 * What the projector counts of one trainee's actions: the priority they last set, each audience notified, and
 * whether they took command, escalated and sent a CAN report, and each decision's choice. Keys:
 * `priority:LEVEL`, `notify:AUDIENCE`, `command`, `escalate`, `can`, `decide:DECISION:CHOICE`.
 */
export function pulseMarks(actions: readonly Action[]): ReadonlySet<string> {
  const marks = new Set<string>();
  let priority: string | null = null;
  for (const action of actions) {
    if (action.type === 'set-priority') priority = action.level;
    else if (action.type === 'notify') marks.add(`notify:${action.audience}`);
    else if (action.type === 'announce-role') marks.add('command');
    else if (action.type === 'escalate') marks.add('escalate');
    else if (action.type === 'can-report') marks.add('can');
    else if (action.type === 'decide') marks.add(`decide:${action.decision}:${action.choice}`);
  }
  if (priority !== null) marks.add(`priority:${priority}`);
  return marks;
}

/** The class's counts, kept up to date one trainee at a time. */
export class ClassPulse {
  private readonly bySeat = new Map<string, ReadonlySet<string>>();
  private readonly totals = new Map<string, number>();

  /** Replaces a seat's marks; calls `changed` with each key whose total moved. */
  update(seatId: string, actions: readonly Action[], changed: (key: string, total: number) => void): void {
    const before = this.bySeat.get(seatId) ?? new Set<string>();
    const after = pulseMarks(actions);
    this.bySeat.set(seatId, after);
    for (const key of before) if (!after.has(key)) changed(key, this.add(key, -1));
    for (const key of after) if (!before.has(key)) changed(key, this.add(key, 1));
  }

  /** Forgets a seat (removed by the host). */
  remove(seatId: string, changed: (key: string, total: number) => void): void {
    for (const key of this.bySeat.get(seatId) ?? []) changed(key, this.add(key, -1));
    this.bySeat.delete(seatId);
  }

  total(key: string): number {
    return this.totals.get(key) ?? 0;
  }

  private add(key: string, by: number): number {
    const total = (this.totals.get(key) ?? 0) + by;
    if (total === 0) this.totals.delete(key);
    else this.totals.set(key, total);
    return total;
  }
}
