import type { Action } from '../actions/action.ts';
import { actionKind } from '../actions/registry.ts';
import { durationMs, type ScenarioClock } from '../time.ts';
import { statesAll } from './message-content.ts';
import { canonicalTokens } from '../text/normalize.ts';
import type { SimState } from '../session/state.ts';
import { passesVarTest } from './compare.ts';
import { MATCHER_ID_FIELDS, type ActionMatcher, type Expr } from './schema.ts';

export type Predicate = (state: SimState) => boolean;
export type ActionTest = (action: Action) => boolean;

const oneOf = (wanted: string | readonly string[] | undefined, actual: unknown): boolean =>
  wanted === undefined || (typeof actual === 'string' && (typeof wanted === 'string' ? wanted === actual : wanted.includes(actual)));

function actionText(action: Action): string {
  return actionKind(action.type).text?.(action) ?? '';
}

const actionWords = new WeakMap<Action, ReadonlySet<string>>();

/** The canonical words of an action's free text, computed once per action. */
function wordsOf(action: Action): ReadonlySet<string> {
  let words = actionWords.get(action);
  if (!words) actionWords.set(action, (words = new Set(canonicalTokens(actionText(action)))));
  return words;
}

/**
 * Compiles an action matcher once, so replays test actions without re-reading the matcher.
 * An `open-bridge` matches on the purpose the scenario declares for that bridge.
 */
export function compileMatcher(matcher: ActionMatcher, bridgePurpose: ReadonlyMap<string, string>): ActionTest {
  const fields = MATCHER_ID_FIELDS.filter(
    (field) => matcher[field] !== undefined,
  );
  const mentionTokens = matcher.mentions?.map((mention) => canonicalTokens(mention)).filter((tokens) => tokens.length > 0);
  const says = matcher.says === undefined ? undefined : Object.values(matcher.says);
  const saysResults = new WeakMap<Action, boolean>();
  const statesWhatItMust = (action: Action): boolean => {
    if (!says) return true;
    let result = saysResults.get(action);
    if (result === undefined) saysResults.set(action, (result = statesAll(actionText(action), says)));
    return result;
  };
  return (action) => {
    if (!oneOf(matcher.type, action.type)) return false;
    const record = action as unknown as Record<string, unknown>;
    for (const field of fields) {
      const actual = field === 'purpose' && action.type === 'open-bridge' ? (bridgePurpose.get(action.bridge) ?? action.purpose) : record[field];
      if (!oneOf(matcher[field], actual)) return false;
    }
    if (matcher.timeBoxed !== undefined && (action.type !== 'assign' || (action.dueMinutes !== undefined) !== matcher.timeBoxed)) return false;
    if (mentionTokens) {
      const words = wordsOf(action);
      if (!mentionTokens.some((tokens) => tokens.every((token) => words.has(token)))) return false;
    }
    if (!statesWhatItMust(action)) return false;
    return true;
  };
}

function groupKey(action: Action, per: NonNullable<CountWindow['per']>): unknown {
  const record = action as unknown as Record<string, unknown>;
  return per === 'audience-and-channel' ? `${String(record['audience'])}|${String(record['channel'])}` : record[per];
}

interface CountWindow {
  readonly by: number | undefined;
  readonly inLastMs: number | undefined;
  readonly per: 'audience' | 'participant' | 'audience-and-channel' | undefined;
}

/** The most matching actions in the span: in all, or for the one audience (or participant) with most. */
function countMatching(state: SimState, test: ActionTest, span: CountWindow): number {
  const from = span.inLastMs === undefined ? -Infinity : state.now - span.inLastMs;
  const counts = new Map<unknown, number>();
  let most = 0;
  for (const timed of state.actions) {
    if (span.by !== undefined && timed.at > span.by) break;
    if (timed.at < from || !timed.effective || !test(timed.action)) continue;
    const key = span.per === undefined ? null : groupKey(timed.action, span.per);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    most = Math.max(most, count);
  }
  return most;
}

const includesValue = (wanted: string | readonly string[], actual: string | null): boolean =>
  actual !== null && (typeof wanted === 'string' ? wanted === actual : wanted.includes(actual));

export interface ExprContext {
  readonly clock: ScenarioClock;
  readonly bridgePurpose: ReadonlyMap<string, string>;
}

/** Turns a condition into a function of the simulation state. Time literals must already be valid. */
export function compileExpr(expr: Expr, context: ExprContext): Predicate {
  if (typeof expr === 'boolean') return () => expr;
  const offset = (time: string): number => context.clock.offsetOf(time);
  if ('all' in expr) {
    const parts = expr.all.map((part) => compileExpr(part, context));
    return (state) => parts.every((part) => part(state));
  }
  if ('any' in expr) {
    const parts = expr.any.map((part) => compileExpr(part, context));
    return (state) => parts.some((part) => part(state));
  }
  if ('not' in expr) {
    const inner = compileExpr(expr.not, context);
    return (state) => !inner(state);
  }
  if ('did' in expr) {
    const test = compileMatcher(expr.did, context.bridgePurpose);
    const span: CountWindow = {
      by: expr.by === undefined ? undefined : offset(expr.by),
      inLastMs: expr.inLast === undefined ? undefined : durationMs(expr.inLast),
      per: expr.per,
    };
    const atLeast = expr.atLeast ?? 1;
    return (state) => countMatching(state, test, span) >= atLeast;
  }
  if ('fired' in expr) return (state) => state.fired[expr.fired] !== undefined;
  if ('after' in expr) {
    const at = offset(expr.after);
    return (state) => state.now >= at;
  }
  if ('before' in expr) {
    const at = offset(expr.before);
    return (state) => state.now < at;
  }
  if ('var' in expr) return (state) => passesVarTest(expr, state.vars[expr.var]);
  if ('present' in expr) return (state) => state.participants[expr.present]?.present === true;
  if ('muted' in expr) return (state) => state.participants[expr.muted]?.muted === true;
  if ('noisy' in expr) {
    return (state) => {
      const participant = state.participants[expr.noisy];
      return participant !== undefined && participant.present && !participant.muted && participant.noise !== null;
    };
  }
  if ('level' in expr) return (state) => includesValue(expr.level, state.level);
  if ('classified' in expr) return (state) => includesValue(expr.classified, state.classification);
  if ('decided' in expr) {
    return (state) => {
      const choice = state.decisions[expr.decided];
      return choice !== undefined && (expr.choice === undefined || includesValue(expr.choice, choice));
    };
  }
  if ('bridgeOpen' in expr) return (state) => state.bridges[expr.bridgeOpen] === true;
  if ('onBridge' in expr) {
    return (state) => {
      const person = state.participants[expr.participant];
      return person?.present === true && person.bridge === expr.onBridge;
    };
  }
  return (state) => state.escalations.includes(expr.escalated);
}
