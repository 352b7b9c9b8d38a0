import type { Expr } from '../expr/schema.ts';
import { walkExpr } from '../expr/walk.ts';
import { exprSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';

/**
 * One path through a scenario: an outcome for every decision (an option, or never taken), whether
 * each steering branch fired (a branch some transition or ending condition names), and the route
 * through the phase graph those outcomes allow, from the first phase to an ending. The route
 * follows transitions and, at the clock's end, the ending rule (the first ending whose condition
 * holds); it never visits a phase twice.
 */
export interface ScenarioPath {
  readonly decisions: Readonly<Record<string, string | null>>;
  readonly branches: readonly string[];
  readonly route: readonly string[];
  readonly ending: string;
}

type Truth = 'yes' | 'no' | 'unknown';

interface Outcomes {
  readonly decisions: ReadonlyMap<string, string | null>;
  readonly steering: ReadonlySet<string>;
  readonly fired: ReadonlySet<string>;
}

/**
 * Every path of a scenario (see ScenarioPath), lazily. Conditions are judged in three values: what
 * the decision and branch outcomes settle is yes or no, anything else may go either way, so a path
 * is left out only when its outcomes rule it out.
 */
export function* enumeratePaths(scenario: Scenario): Generator<ScenarioPath> {
  const decisions = scenario.decisions ?? [];
  const steering = steeringBranches(scenario);
  const steeringSet = new Set(steering);
  const choices = decisions.map((decision) => [...decision.options.map((option) => option.id), null]);
  const total = choices.reduce((product, list) => product * list.length, 1) * 2 ** steering.length;
  for (let combination = 0; combination < total; combination++) {
    let rest = combination;
    const decided = new Map<string, string | null>();
    decisions.forEach((decision, i) => {
      const list = choices[i] ?? [null];
      decided.set(decision.id, list[rest % list.length] ?? null);
      rest = Math.floor(rest / list.length);
    });
    const fired = new Set(steering.filter((_, i) => Math.floor(rest / 2 ** i) % 2 === 1));
    const outcomes: Outcomes = { decisions: decided, steering: steeringSet, fired };
    const decisionRecord = Object.fromEntries(decided);
    const branches = [...fired];
    for (const { route, ending } of routes(scenario, outcomes)) yield { decisions: decisionRecord, branches, route, ending };
  }
}

/** Branches whose firing a phase transition or an ending condition depends on. */
function steeringBranches(scenario: Scenario): string[] {
  const branchIds = new Set((scenario.branches ?? []).map((branch) => branch.id));
  const named = new Set<string>();
  for (const site of exprSites(scenario)) {
    const [root] = site.path;
    if (root !== 'phases' && root !== 'endings') continue;
    walkExpr(site.expr, (expr) => {
      if (typeof expr === 'object' && 'fired' in expr && branchIds.has(expr.fired)) named.add(expr.fired);
    }, site.path);
  }
  return [...branchIds].filter((id) => named.has(id));
}

function* routes(scenario: Scenario, outcomes: Outcomes): Generator<{ route: string[]; ending: string }> {
  const phases = new Map(scenario.phases.map((phase) => [phase.id, phase]));
  const endings = new Set(scenario.endings.map((ending) => ending.id));
  const atClockEnd: string[] = [];
  let settled = false;
  for (const ending of scenario.endings) {
    const truth = ending.when === undefined ? 'yes' : judge(ending.when, outcomes);
    if (settled || truth === 'no') continue;
    atClockEnd.push(ending.id);
    if (truth === 'yes') settled = true;
  }
  function* walk(phaseId: string, route: string[]): Generator<{ route: string[]; ending: string }> {
    const phase = phases.get(phaseId);
    if (!phase) return;
    let certain = false;
    for (const transition of phase.next ?? []) {
      const truth = judge(transition.when, outcomes);
      if (truth === 'no') continue;
      if (endings.has(transition.to)) yield { route, ending: transition.to };
      else if (!route.includes(transition.to)) yield* walk(transition.to, [...route, transition.to]);
      if (truth === 'yes') {
        certain = true;
        break;
      }
    }
    if (!certain) for (const ending of atClockEnd) yield { route, ending };
  }
  const first = scenario.phases[0]?.id;
  if (first !== undefined) yield* walk(first, [first]);
}

function judge(expr: Expr, outcomes: Outcomes): Truth {
  if (typeof expr === 'boolean') return expr ? 'yes' : 'no';
  if ('all' in expr) {
    const parts = expr.all.map((part) => judge(part, outcomes));
    return parts.includes('no') ? 'no' : parts.every((part) => part === 'yes') ? 'yes' : 'unknown';
  }
  if ('any' in expr) {
    const parts = expr.any.map((part) => judge(part, outcomes));
    return parts.includes('yes') ? 'yes' : parts.every((part) => part === 'no') ? 'no' : 'unknown';
  }
  if ('not' in expr) {
    const inner = judge(expr.not, outcomes);
    return inner === 'yes' ? 'no' : inner === 'no' ? 'yes' : 'unknown';
  }
  if ('decided' in expr) {
    if (!outcomes.decisions.has(expr.decided)) return 'unknown';
    const choice = outcomes.decisions.get(expr.decided) ?? null;
    if (choice === null) return 'no';
    if (expr.choice === undefined) return 'yes';
    return (typeof expr.choice === 'string' ? [expr.choice] : expr.choice).includes(choice) ? 'yes' : 'no';
  }
  if ('fired' in expr) {
    const dot = expr.fired.indexOf('.');
    if (dot > 0 && outcomes.decisions.has(expr.fired.slice(0, dot))) {
      return outcomes.decisions.get(expr.fired.slice(0, dot)) === expr.fired.slice(dot + 1) ? 'yes' : 'no';
    }
    if (!outcomes.steering.has(expr.fired)) return 'unknown';
    return outcomes.fired.has(expr.fired) ? 'yes' : 'no';
  }
  return 'unknown';
}
