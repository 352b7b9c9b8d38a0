import type { Scalar } from '../schema-primitives.ts';
import type { Expr } from './schema.ts';

export type VarTest = Extract<Expr, { var: string }>;

/** Whether a variable's value passes a `var` test; with no comparison, whether it is truthy. */
export function passesVarTest(test: VarTest, value: Scalar | undefined): boolean {
  const { eq, ne, gt, gte, lt, lte } = test;
  const numeric = gt !== undefined || gte !== undefined || lt !== undefined || lte !== undefined;
  if (eq === undefined && ne === undefined && !numeric) return Boolean(value);
  if (eq !== undefined && value !== eq) return false;
  if (ne !== undefined && value === ne) return false;
  if (!numeric) return true;
  if (typeof value !== 'number') return false;
  return (gt === undefined || value > gt) && (gte === undefined || value >= gte) && (lt === undefined || value < lt) && (lte === undefined || value <= lte);
}
