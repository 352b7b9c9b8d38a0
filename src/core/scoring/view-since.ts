import type { SimState, TimedAction } from '../session/state.ts';

/** What the trainee's actions since one moment set: the latest priority and classification, escalations, decisions. */
class WorkSince {
  private from = 0;
  private actionsFrom = 0;
  private scanned = 0;
  private level: string | null = null;
  private classification: string | null = null;
  private readonly escalated = new Set<string>();
  private readonly decided = new Set<string>();
  private last: { readonly state: SimState; readonly view: SimState } | undefined;
  private sliced: { readonly source: readonly TimedAction[]; readonly length: number; readonly view: readonly TimedAction[] } | undefined;
  private escalatedView: { readonly source: readonly string[]; readonly count: number; readonly view: readonly string[] } | undefined;
  private decidedView: { readonly source: Readonly<Record<string, string>>; readonly count: number; readonly view: Readonly<Record<string, string>> } | undefined;

  /**
   * @param since when the item was triggered: only actions from then on count
   * @param settingsSince how far back a priority, classification, escalation or decision still counts
   */
  constructor(
    private readonly since: number,
    private readonly settingsSince: number,
  ) {}

  /**
   * The state as the trainee's work since `since` made it: earlier actions are left out, and so are a
   * priority, classification, escalation or decision that no action since then set or confirmed. A P1
   * set before the impact began therefore counts only once the trainee sets it again after.
   * Actions only ever append, so each call reads only the actions it has not seen.
   */
  viewOf(state: SimState): SimState {
    if (this.last?.state === state) return this.last.view;
    const actions = state.actions;
    while (this.from < actions.length && actions[this.from]!.at < this.settingsSince) this.from++;
    this.actionsFrom = Math.max(this.actionsFrom, this.from);
    while (this.actionsFrom < actions.length && actions[this.actionsFrom]!.at < this.since) this.actionsFrom++;
    this.scanned = Math.max(this.scanned, this.from);
    for (; this.scanned < actions.length; this.scanned++) this.read(actions[this.scanned]!);
    const view: SimState = {
      ...state,
      actions: this.actionsOf(actions),
      level: this.level !== null && this.level === state.level ? this.level : null,
      classification: this.classification !== null && this.classification === state.classification ? this.classification : null,
      escalations: this.escalationsOf(state.escalations),
      decisions: this.decisionsOf(state.decisions),
    };
    this.last = { state, view };
    return view;
  }

  // The same inputs give the same arrays, so conditions that cache by array see the same list again.
  private actionsOf(actions: readonly TimedAction[]): readonly TimedAction[] {
    if (this.actionsFrom === 0) return actions;
    if (this.sliced?.length !== actions.length || this.sliced.source !== actions) this.sliced = { source: actions, length: actions.length, view: actions.slice(this.actionsFrom) };
    return this.sliced.view;
  }

  private escalationsOf(escalations: readonly string[]): readonly string[] {
    if (this.escalatedView?.source !== escalations || this.escalatedView.count !== this.escalated.size) {
      this.escalatedView = { source: escalations, count: this.escalated.size, view: escalations.filter((id) => this.escalated.has(id)) };
    }
    return this.escalatedView.view;
  }

  private decisionsOf(decisions: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    if (this.decidedView?.source !== decisions || this.decidedView.count !== this.decided.size) {
      const view = this.decided.size === 0 ? {} : Object.fromEntries(Object.entries(decisions).filter(([id]) => this.decided.has(id)));
      this.decidedView = { source: decisions, count: this.decided.size, view };
    }
    return this.decidedView.view;
  }

  private read({ action, effective }: TimedAction): void {
    if (action.type === 'set-priority') this.level = action.level;
    else if (action.type === 'classify') this.classification = action.as;
    else if (action.type === 'escalate') this.escalated.add(action.to);
    else if (action.type === 'decide' && effective) this.decided.add(action.decision);
  }
}

/** One `WorkSince` per trigger time, for the life of one replay. */
export class ViewsSince {
  private readonly byMoment = new Map<number, WorkSince>();

  constructor(private readonly settingsGraceMs: number) {}

  viewOf(state: SimState, since: number): SimState {
    let work = this.byMoment.get(since);
    if (!work) this.byMoment.set(since, (work = new WorkSince(since, since - this.settingsGraceMs)));
    return work.viewOf(state);
  }
}
