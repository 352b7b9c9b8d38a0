import type { Expr } from './schema.ts';

/** Calls `visit` on an expression and every expression nested in it. */
export function walkExpr(expr: Expr, visit: (expr: Expr) => void): void {
  visit(expr);
  if (typeof expr === 'boolean') return;
  if ('all' in expr) expr.all.forEach((part) => walkExpr(part, visit));
  else if ('any' in expr) expr.any.forEach((part) => walkExpr(part, visit));
  else if ('not' in expr) walkExpr(expr.not, visit);
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
