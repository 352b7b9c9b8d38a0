import { passesVarTest, type VarTest } from '../expr/compare.ts';
import type { Expr } from '../expr/schema.ts';
import type { Scalar } from '../schema-primitives.ts';
import type { AnalysisBudget } from './analysis-budget.ts';
import type { Possibility } from './possibility.ts';

type Undo = () => void;

/**
 * Conditions assumed to hold at the same instant, added and taken back like a stack, that notices
 * when they plainly contradict each other: a condition that can never hold, X and not X, or
 * variable tests no possible value passes together. Adding conditions never removes a
 * contradiction, so a search can stop extending a path as soon as one appears.
 */
export class Conjunction {
  private readonly written = new Map<string, number>();
  private readonly negated = new Map<string, number>();
  private readonly candidates = new Map<string, readonly Scalar[]>();
  private readonly undo: Undo[][] = [];

  constructor(
    private readonly analysis: Possibility,
    private readonly budget: AnalysisBudget,
  ) {}

  /** Adds a condition and returns true, or returns false and changes nothing when it contradicts those already added. */
  push(condition: Expr): boolean {
    const applied: Undo[] = [];
    for (const literal of conjuncts(condition)) {
      const undo = this.add(literal);
      if (undo === undefined) {
        for (const step of applied.reverse()) step();
        return false;
      }
      applied.push(undo);
    }
    this.undo.push(applied);
    return true;
  }

  /** Takes back the condition added last. */
  pop(): void {
    for (const step of (this.undo.pop() ?? []).reverse()) step();
  }

  private add(literal: Expr): Undo | undefined {
    this.budget.spend();
    if (!this.analysis.mayHold(literal)) return undefined;
    const narrowed = typeof literal === 'object' && 'var' in literal ? this.narrow(literal) : () => {};
    if (narrowed === undefined) return undefined;
    const inner = typeof literal === 'object' && 'not' in literal ? keyOf(literal.not) : undefined;
    const key = inner ?? keyOf(literal);
    if (inner !== undefined ? this.written.has(key) : this.negated.has(key)) {
      narrowed();
      return undefined;
    }
    const counts = inner !== undefined ? this.negated : this.written;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return () => {
      const left = (counts.get(key) ?? 1) - 1;
      if (left === 0) counts.delete(key);
      else counts.set(key, left);
      narrowed();
    };
  }

  /** Keeps only the values of the variable that pass the test; undefined when none does. */
  private narrow(test: VarTest): Undo | undefined {
    const had = this.candidates.get(test.var);
    const possible = this.analysis.possibleValues(test.var);
    const before = had ?? (possible ? [...possible] : undefined);
    if (before === undefined) return () => {};
    this.budget.spend(before.length);
    const after = before.filter((value) => passesVarTest(test, value));
    if (after.length === 0) return undefined;
    this.candidates.set(test.var, after);
    return () => (had === undefined ? this.candidates.delete(test.var) : this.candidates.set(test.var, had));
  }
}

const keys = new WeakMap<object, string>();

/** The condition written out, remembered per condition object, so a search that adds it again and again writes it once. */
function keyOf(expr: Expr): string {
  if (typeof expr !== 'object') return String(expr);
  let key = keys.get(expr);
  if (key === undefined) keys.set(expr, (key = JSON.stringify(expr)));
  return key;
}

const split = new WeakMap<object, readonly Expr[]>();

/** The parts of a condition that must all hold, remembered per condition object. */
function conjuncts(expr: Expr): readonly Expr[] {
  if (typeof expr !== 'object' || !('all' in expr)) return [expr];
  let parts = split.get(expr);
  if (parts === undefined) split.set(expr, (parts = expr.all.flatMap(conjuncts)));
  return parts;
}
