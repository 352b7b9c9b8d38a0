import type { Diagnostic } from '../diagnostics.ts';
import type { Expr } from '../expr/schema.ts';
import type { JsonDocument } from '../json/source.ts';
import { AnalysisBudget } from './analysis-budget.ts';
import { Conjunction } from './conjunction.ts';
import type { Possibility } from './possibility.ts';
import type { Scenario } from './schema.ts';

interface PhaseEdge {
  readonly from: number;
  readonly to: number;
  readonly transition: number;
  readonly when: Expr;
}

/** Loops that can spin reported per group of phases; one is enough to fix, a few show the pattern. */
const MAX_REPORTED = 10;

/**
 * Loops among phases. A loop whose transitions can all hold at the same instant would switch
 * phases forever without the clock moving (an error); a group of phases that can only lead to
 * each other traps the run until the clock runs out (a warning).
 */
export function phaseLoopDiagnostics(
  doc: JsonDocument,
  scenario: Scenario,
  analysis: Possibility,
  reachable: ReadonlySet<string>,
  budget: AnalysisBudget = AnalysisBudget.forScenario(scenario),
): Diagnostic[] {
  // The lint calls no other place with the possibility analysis and a document, so its limit is reported here.
  const diagnostics: Diagnostic[] = analysis.limitDiagnostics(doc);
  const index = new Map(scenario.phases.map((phase, i) => [phase.id, i]));
  const edges: PhaseEdge[][] = scenario.phases.map(() => []);
  const leaves = scenario.phases.map(() => [] as string[]);
  scenario.phases.forEach((phase, from) =>
    phase.next?.forEach((transition, j) => {
      if (!analysis.mayHold(transition.when)) return;
      const to = index.get(transition.to);
      if (to === undefined) leaves[from]?.push(transition.to);
      else edges[from]?.push({ from, to, transition: j, when: transition.when });
    }),
  );

  const components = stronglyConnected(edges);
  for (const component of components) {
    const members = new Set(component);
    const first = component[0]!;
    const loops = component.length > 1 || (edges[first] ?? []).some((edge) => edge.to === first);
    if (!loops) continue;
    const exits = component.some((i) => (leaves[i]?.length ?? 0) > 0 || (edges[i] ?? []).some((edge) => !members.has(edge.to)));
    const names = phaseNames(scenario, component);
    if (!exits && component.some((i) => reachable.has(scenario.phases[i]?.id ?? ''))) {
      diagnostics.push(
        doc.diagnostic('warning', 'W_TRAP_CYCLE', `phases ${names} only lead to each other: once the run enters them, no transition leads on to another phase or an ending, so it ends only when the clock runs out`, ['phases', first, 'next']),
      );
    }
  }

  for (const component of components) {
    if (budget.exhausted) {
      diagnostics.push(gaveUp(component));
      break;
    }
    const members = new Set(component);
    const inside = component.flatMap((i) => (edges[i] ?? []).filter((edge) => members.has(edge.to)));
    // Conditions that can all hold together keep doing so on any subset, so one loop stands for all.
    const together = new Conjunction(analysis, budget);
    if (inside.every((edge) => together.push(edge.when))) {
      diagnostics.push(spinning(shortestLoop(edges, members, component[0]!, budget)));
      continue;
    }
    const { loops, complete } = spinningLoops(edges, members, analysis, budget);
    diagnostics.push(...loops.map(spinning));
    if (!complete) {
      diagnostics.push(gaveUp(component));
      break;
    }
  }
  return diagnostics;

  function gaveUp(component: readonly number[]): Diagnostic {
    return doc.diagnostic(
      'warning',
      'W_ANALYSIS_LIMIT',
      `stopped checking whether phases ${phaseNames(scenario, component)} can switch forever without the clock moving after ${budget.limit.toLocaleString('en')} steps, the limit for a scenario this size; make their transitions exclude each other, or split the group`,
      ['phases', component[0]!, 'next'],
    );
  }

  function spinning(cycle: readonly PhaseEdge[]): Diagnostic {
    const start = cycle[0]!;
    const route = [...cycle.map((edge) => scenario.phases[edge.from]?.id), scenario.phases[start.from]?.id].join(' → ');
    return doc.diagnostic(
      'error',
      'E_PHASE_LOOP',
      `phases can switch ${route} forever without the clock moving: every transition on this loop can hold at the same time; make one of them exclude another (for example with "not")`,
      ['phases', start.from, 'next', start.transition, 'when'],
    );
  }
}

/** The ids of a group of phases, quoted, the first ten of a larger group with a count of the rest. */
function phaseNames(scenario: Scenario, component: readonly number[]): string {
  const names = component.slice(0, 10).map((i) => `"${scenario.phases[i]?.id}"`).join(', ');
  return component.length > 10 ? `${names} and ${component.length - 10} more` : names;
}

/** The shortest loop through `start` inside one strongly connected group, by breadth-first search. */
function shortestLoop(edges: readonly PhaseEdge[][], members: ReadonlySet<number>, start: number, budget: AnalysisBudget): PhaseEdge[] {
  const reachedBy = new Map<number, PhaseEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of edges[queue[head]!] ?? []) {
      budget.spend();
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const loop = [edge];
        for (let at = edge.from; at !== start; at = reachedBy.get(at)!.from) loop.unshift(reachedBy.get(at)!);
        return loop;
      }
      if (reachedBy.has(edge.to)) continue;
      reachedBy.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return [];
}

/** Tarjan's strongly connected components that can loop (two phases or more, or a phase with a transition to itself), without recursion. */
function stronglyConnected(edges: readonly PhaseEdge[][]): number[][] {
  const order: number[] = edges.map(() => -1);
  const low: number[] = edges.map(() => 0);
  const stack: number[] = [];
  const onStack = new Set<number>();
  const components: number[][] = [];
  let counter = 0;
  edges.forEach((_, root) => {
    if (order[root] !== -1) return;
    const frames: { node: number; next: number }[] = [{ node: root, next: 0 }];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const out = edges[frame.node] ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++]!.to;
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push(to);
          onStack.add(to);
          frames.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low[frame.node] = Math.min(low[frame.node]!, order[to]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== order[frame.node]) continue;
      const component: number[] = [];
      for (let member = stack.pop(); member !== undefined; member = member === frame.node ? undefined : stack.pop()) {
        onStack.delete(member);
        component.push(member);
      }
      const node = frame.node;
      if (component.length > 1 || out.some((edge) => edge.to === node)) components.push(component.sort((x, y) => x - y));
    }
  });
  return components;
}

/**
 * Loops inside one strongly connected group whose conditions can all hold together, each from its
 * lowest phase, at most MAX_REPORTED of them. The search extends a path only while its conditions
 * agree, so it never walks the many paths that already contradict themselves; it stops when the
 * budget runs out (`complete` false).
 */
function spinningLoops(edges: readonly PhaseEdge[][], members: ReadonlySet<number>, analysis: Possibility, budget: AnalysisBudget): { loops: PhaseEdge[][]; complete: boolean } {
  const loops: PhaseEdge[][] = [];
  for (const start of [...members].sort((x, y) => x - y)) {
    const path: PhaseEdge[] = [];
    const onPath = new Set<number>([start]);
    const conditions = new Conjunction(analysis, budget);
    const frames: { node: number; next: number }[] = [{ node: start, next: 0 }];
    while (frames.length > 0) {
      if (!budget.spend()) return { loops, complete: false };
      const frame = frames[frames.length - 1]!;
      const out = edges[frame.node] ?? [];
      if (frame.next >= out.length) {
        frames.pop();
        const left = path.pop();
        if (left) {
          onPath.delete(left.to);
          conditions.pop();
        }
        continue;
      }
      const edge = out[frame.next++]!;
      if (!members.has(edge.to) || edge.to < start || (edge.to !== start && onPath.has(edge.to))) continue;
      if (!conditions.push(edge.when)) continue;
      if (edge.to === start) {
        conditions.pop();
        loops.push([...path, edge]);
        if (loops.length >= MAX_REPORTED) return { loops, complete: true };
        continue;
      }
      path.push(edge);
      onPath.add(edge.to);
      frames.push({ node: edge.to, next: 0 });
    }
  }
  return { loops, complete: true };
}
