import { canonicalJson } from '../hash/canonical-json.ts';
import type { Expr } from './schema.ts';

const same = (a: Expr, b: Expr): boolean => canonicalJson(a) === canonicalJson(b);

/** The conditions that must all hold for this one to hold. */
function conjuncts(expr: Expr): Expr[] {
  if (typeof expr === 'object' && 'all' in expr) return expr.all.flatMap(conjuncts);
  return [expr];
}

const asList = (value: string | readonly string[] | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? [value] : value;

/** Whether two single conditions can never hold at once, judged from their form alone. */
function clash(a: Expr, b: Expr): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === false || b === false;
  if ('not' in a && same(a.not, b)) return true;
  if ('not' in b && same(b.not, a)) return true;
  if ('var' in a && 'var' in b && a.var === b.var && a.eq !== undefined && b.eq !== undefined) return a.eq !== b.eq;
  if ('decided' in a && 'decided' in b && a.decided === b.decided) {
    const left = asList(a.choice);
    const right = asList(b.choice);
    return left !== undefined && right !== undefined && !left.some((choice) => right.includes(choice));
  }
  if ('level' in a && 'level' in b) {
    const right = asList(b.level) ?? [];
    return !(asList(a.level) ?? []).some((level) => right.includes(level));
  }
  if ('classified' in a && 'classified' in b) {
    const right = asList(b.classified) ?? [];
    return !(asList(a.classified) ?? []).some((id) => right.includes(id));
  }
  return false;
}

/**
 * Whether two guards can never both hold, as when one says "when X" and the other "when not X".
 * False means only that no clash was found: the guards may still exclude each other in ways this
 * reading of their form does not see.
 */
export function mutuallyExclusive(a: Expr | undefined, b: Expr | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const left = conjuncts(a);
  const right = conjuncts(b);
  return left.some((x) => right.some((y) => clash(x, y)));
}
