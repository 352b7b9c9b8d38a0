import type { Diagnostic } from '../diagnostics.ts';
import { passesVarTest, type VarTest } from '../expr/compare.ts';
import type { Expr } from '../expr/schema.ts';
import type { JsonDocument } from '../json/source.ts';
import type { Possibility } from './possibility.ts';
import type { Scenario } from './schema.ts';

interface PhaseEdge {
  readonly from: number;
  readonly to: number;
  readonly transition: number;
  readonly when: Expr;
}

const MAX_CYCLES = 500;

/**
 * Loops among phases. A loop whose transitions can all hold at the same instant would switch
 * phases forever without the clock moving (an error); a group of phases that can only lead to
 * each other traps the run until the clock runs out (a warning).
 */
export function phaseLoopDiagnostics(doc: JsonDocument, scenario: Scenario, analysis: Possibility, reachable: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
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

  for (const component of stronglyConnected(edges)) {
    const members = new Set(component);
    const first = Math.min(...component);
    const loops = component.length > 1 || (edges[first] ?? []).some((edge) => edge.to === first);
    if (!loops) continue;
    const exits = component.some((i) => (leaves[i]?.length ?? 0) > 0 || (edges[i] ?? []).some((edge) => !members.has(edge.to)));
    const names = component.map((i) => `"${scenario.phases[i]?.id}"`).join(', ');
    if (!exits && component.some((i) => reachable.has(scenario.phases[i]?.id ?? ''))) {
      diagnostics.push(
        doc.diagnostic('warning', 'W_TRAP_CYCLE', `phases ${names} only lead to each other: once the run enters them, no transition leads on to another phase or an ending, so it ends only when the clock runs out`, ['phases', first, 'next']),
      );
    }
  }

  for (const cycle of simpleCycles(edges)) {
    if (!canHoldTogether(cycle.map((edge) => edge.when), analysis)) continue;
    const start = cycle[0];
    if (!start) continue;
    const route = [...cycle.map((edge) => scenario.phases[edge.from]?.id), scenario.phases[start.from]?.id].join(' → ');
    diagnostics.push(
      doc.diagnostic(
        'error',
        'E_PHASE_LOOP',
        `phases can switch ${route} forever without the clock moving: every transition on this loop can hold at the same time; make one of them exclude another (for example with "not")`,
        ['phases', start.from, 'next', start.transition, 'when'],
      ),
    );
  }
  return diagnostics;
}

/** Tarjan's strongly connected components, each as a list of phase indexes. */
function stronglyConnected(edges: readonly PhaseEdge[][]): number[][] {
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const components: number[][] = [];
  let counter = 0;
  const visit = (node: number): void => {
    order.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const { to } of edges[node] ?? []) {
      if (!order.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, order.get(to) ?? 0));
      }
    }
    if (low.get(node) === order.get(node)) {
      const component: number[] = [];
      for (let member = stack.pop(); member !== undefined; member = member === node ? undefined : stack.pop()) {
        onStack.delete(member);
        component.push(member);
      }
      components.push(component.sort((a, b) => a - b));
    }
  };
  edges.forEach((_, node) => {
    if (!order.has(node)) visit(node);
  });
  return components;
}

/** Each elementary cycle once, starting from its lowest phase index; at most MAX_CYCLES of them. */
function simpleCycles(edges: readonly PhaseEdge[][]): PhaseEdge[][] {
  const cycles: PhaseEdge[][] = [];
  const path: PhaseEdge[] = [];
  const onPath = new Set<number>();
  const walk = (start: number, node: number): void => {
    for (const edge of edges[node] ?? []) {
      if (cycles.length >= MAX_CYCLES || edge.to < start) continue;
      if (edge.to === start) cycles.push([...path, edge]);
      else if (!onPath.has(edge.to)) {
        path.push(edge);
        onPath.add(edge.to);
        walk(start, edge.to);
        onPath.delete(edge.to);
        path.pop();
      }
    }
  };
  edges.forEach((_, start) => {
    onPath.add(start);
    walk(start, start);
    onPath.delete(start);
  });
  return cycles;
}

/** False when the conditions plainly contradict each other: X and not X, or variable tests no value passes together. */
function canHoldTogether(conditions: readonly Expr[], analysis: Possibility): boolean {
  const literals = conditions.flatMap(conjuncts);
  if (literals.some((literal) => !analysis.mayHold(literal))) return false;
  const written = new Set(literals.map((literal) => JSON.stringify(literal)));
  if (literals.some((literal) => typeof literal === 'object' && 'not' in literal && written.has(JSON.stringify(literal.not)))) return false;
  const varTests = new Map<string, VarTest[]>();
  for (const literal of literals) {
    if (typeof literal === 'object' && 'var' in literal) varTests.set(literal.var, [...(varTests.get(literal.var) ?? []), literal]);
  }
  for (const [name, tests] of varTests) {
    const values = analysis.possibleValues(name);
    if (values && ![...values].some((value) => tests.every((test) => passesVarTest(test, value)))) return false;
  }
  return true;
}

function conjuncts(expr: Expr): Expr[] {
  return typeof expr === 'object' && 'all' in expr ? expr.all.flatMap(conjuncts) : [expr];
}
