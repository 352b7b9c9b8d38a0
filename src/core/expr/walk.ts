import type { Expr } from './schema.ts';

import type { JsonPath } from '../diagnostics.ts';

/** Calls `visit` on an expression and every expression nested in it, with the path of each. */
export function walkExpr(expr: Expr, visit: (expr: Expr, path: JsonPath) => void, path: JsonPath = []): void {
  visit(expr, path);
  if (typeof expr === 'boolean') return;
  if ('all' in expr) expr.all.forEach((part, i) => walkExpr(part, visit, [...path, 'all', i]));
  else if ('any' in expr) expr.any.forEach((part, i) => walkExpr(part, visit, [...path, 'any', i]));
  else if ('not' in expr) walkExpr(expr.not, visit, [...path, 'not']);
}

/** Every scenario time an expression compares against. */
export function timesIn(expr: Expr): string[] {
  const times: string[] = [];
  walkExpr(expr, (node) => {
    if (typeof node !== 'object') return;
    if ('after' in node) times.push(node.after);
    if ('before' in node) times.push(node.before);
    if ('did' in node && node.by !== undefined) times.push(node.by);
  });
  return times;
}
