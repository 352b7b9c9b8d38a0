import { MATCHER_ID_FIELDS, type ActionMatcher, type Expr } from './schema.ts';

const list = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.join(' or '));

export function describeMatcher(matcher: ActionMatcher): string {
  const parts = [list(matcher.type)];
  for (const field of MATCHER_ID_FIELDS) {
    const value = matcher[field];
    if (value !== undefined) parts.push(`${field} ${list(value)}`);
  }
  if (matcher.timeBoxed) parts.push('time-boxed');
  if (matcher.mentions) parts.push(`mentioning ${matcher.mentions.join('/')}`);
  if (matcher.says) parts.push(`saying ${Object.keys(matcher.says).join(', ')}`);
  return parts.join(' ');
}

/** A short reading of a condition, for graphs and debriefs. */
export function describeExpr(expr: Expr): string {
  if (typeof expr === 'boolean') return expr ? 'always' : 'never';
  if ('all' in expr) return expr.all.map(describeExpr).join(' and ');
  if ('any' in expr) return `(${expr.any.map(describeExpr).join(' or ')})`;
  if ('not' in expr) return `not ${describeExpr(expr.not)}`;
  if ('did' in expr) {
    const times = expr.atLeast && expr.atLeast > 1 ? ` ×${expr.atLeast}` : '';
    return `did ${describeMatcher(expr.did)}${expr.by ? ` by ${expr.by}` : ''}${times}${expr.inLast ? ` within ${expr.inLast}` : ''}${expr.per ? ` to one ${expr.per}` : ''}`;
  }
  if ('fired' in expr) return `after ${expr.fired}`;
  if ('after' in expr) return `from ${expr.after}`;
  if ('before' in expr) return `before ${expr.before}`;
  if ('var' in expr) {
    const ops = (['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const).filter((op) => expr[op] !== undefined);
    const symbols = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };
    return ops.length === 0 ? expr.var : ops.map((op) => `${expr.var} ${symbols[op]} ${String(expr[op])}`).join(' and ');
  }
  if ('present' in expr) return `${expr.present} on the bridge`;
  if ('muted' in expr) return `${expr.muted} muted`;
  if ('noisy' in expr) return `${expr.noisy} noisy`;
  if ('level' in expr) return `priority ${list(expr.level)}`;
  if ('classified' in expr) return `classified ${list(expr.classified)}`;
  if ('decided' in expr) return `decided ${expr.decided}${expr.choice ? `: ${list(expr.choice)}` : ''}`;
  if ('bridgeOpen' in expr) return `${expr.bridgeOpen} open`;
  if ('onBridge' in expr) return `${expr.participant} on ${expr.onBridge}`;
  return `escalated to ${expr.escalated}`;
}
