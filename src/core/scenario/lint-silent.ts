import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import type { ActionMatcher } from '../expr/schema.ts';
import { unmatchableFields } from '../expr/matcher-fields.ts';
import { walkExpr } from '../expr/walk.ts';
import type { ScenarioClock } from '../time.ts';
import { effectSites, exprSites, rubricItems } from './expr-sites.ts';
import type { ResolvedRubric } from './rubric-templates.ts';
import type { Effect, Scenario } from './schema.ts';

/**
 * Mistakes that pass every other check yet silently do nothing: a matcher field no listed action
 * type has, a cadence that counts no updates, a variable nobody reads, a join that cannot happen.
 */
export function silentMistakeDiagnostics(doc: JsonDocument, scenario: Scenario, resolved: ResolvedRubric, clock: ScenarioClock): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: 'error' | 'warning', code: string, message: string, path: JsonPath) =>
    diagnostics.push(doc.diagnostic(severity, code, message, path));

  const checkMatcher = (matcher: ActionMatcher, path: JsonPath) => {
    const types = typeof matcher.type === 'string' ? [matcher.type] : matcher.type;
    for (const { field, typesWithField } of unmatchableFields(matcher)) {
      const listed = types.map((type) => `"${type}"`).join(' or ');
      report(
        'error',
        'E_MATCHER_FIELD',
        `"${field}" can never match: ${listed} action${types.length > 1 ? 's have' : ' has'} no "${field}" (only ${typesWithField.join(', ')} ${typesWithField.length > 1 ? 'have' : 'has'} it), so this never matches; remove the field or change "type"`,
        [...path, field],
      );
    }
  };
  scenario.reactions?.forEach((reaction, i) => checkMatcher(reaction.on, ['reactions', i, 'on']));
  const read = new Set<string>();
  const tested = new Set<string>();
  for (const site of exprSites(scenario, resolved)) {
    walkExpr(site.expr, (expr, path) => {
      if (typeof expr !== 'object') return;
      if ('did' in expr) checkMatcher(expr.did, [...path, 'did']);
      if ('var' in expr) read.add(expr.var);
      if ('fired' in expr) tested.add(expr.fired.split('.')[0] ?? expr.fired);
      if ('decided' in expr) tested.add(expr.decided);
    }, site.path);
  }

  for (const { item, index } of rubricItems(scenario, resolved)) {
    if (item.kind === 'cadence' && (typeof item.expect !== 'object' || !('did' in item.expect))) {
      report('error', 'E_CADENCE_NOT_DID', `cadence "${item.id}" counts only trainee actions, so its "expect" must be a "did" condition (e.g. {"did": {"type": "notify", "audience": "executives"}}); as written it always scores 0`, ['rubric', index, 'expect']);
    }
  }

  const allEffects: { effect: Effect; path: JsonPath; at?: number }[] = [
    ...scenario.timeline.map((beat, i) => ({ effect: beat as Effect, path: ['timeline', i] as JsonPath, at: clock.toOffset(beat.at) })),
    ...effectSites(scenario),
  ];
  for (const { effect, path } of allEffects) {
    if (effect.type !== 'set' || read.has(effect.var) || READ_OUTSIDE_CONDITIONS.has(effect.var)) continue;
    const carrier = carrierOf(scenario, path);
    if (!carrier || tested.has(carrier.id) || carrier.effects.some((other) => other.type !== 'set' || read.has(other.var))) continue;
    report('warning', 'W_VARIABLE_NEVER_READ', `variable "${effect.var}" is set but no condition reads it, and nothing tests ${carrier.what} "${carrier.id}", so it does nothing at all; test the variable with {"var": "${effect.var}"}, or remove the "set"`, [...path, 'var']);
  }

  diagnostics.push(...uselessJoins(doc, scenario, allEffects));
  return diagnostics;
}

/** Variables the app reads by name: `service` names the service in the HUD's message templates. */
const READ_OUTSIDE_CONDITIONS: ReadonlySet<string> = new Set(['service']);

/** The beat, reaction, branch or decision option an effect at this path belongs to, with all its effects. */
function carrierOf(scenario: Scenario, path: JsonPath): { id: string; what: string; effects: readonly Effect[] } | undefined {
  const [list, index, , option] = path;
  if (typeof index !== 'number') return undefined;
  if (list === 'timeline') {
    const beat = scenario.timeline[index];
    return beat && { id: beat.id, what: 'beat', effects: [beat as Effect] };
  }
  if (list === 'reactions') {
    const reaction = scenario.reactions?.[index];
    return reaction && { id: reaction.id, what: 'reaction', effects: reaction.do };
  }
  if (list === 'branches') {
    const branch = scenario.branches?.[index];
    return branch && { id: branch.id, what: 'branch', effects: branch.do };
  }
  const decision = list === 'decisions' ? scenario.decisions?.[index] : undefined;
  const chosen = typeof option === 'number' ? decision?.options[option] : undefined;
  return decision && chosen && { id: decision.id, what: 'decision', effects: chosen.do ?? [] };
}

/**
 * A join for someone present from the start who never leaves before it does nothing: a join never
 * moves anyone to another bridge. Only timeline leaves have a known time; any other leave could
 * come first, so then the join is given the benefit of the doubt.
 */
function uselessJoins(doc: JsonDocument, scenario: Scenario, effects: readonly { effect: Effect; path: JsonPath; at?: number }[]): Diagnostic[] {
  const mainBridge = scenario.bridges[0]?.id;
  const leaves = effects.filter((entry) => entry.effect.type === 'leave');
  const diagnostics: Diagnostic[] = [];
  for (const { effect, path, at } of effects) {
    if (effect.type !== 'join') continue;
    const person = scenario.cast.find((member) => member.id === effect.participant);
    if (!person || person.present === false) continue;
    const mayLeaveFirst = leaves.some((leave) => leave.effect.type === 'leave' && leave.effect.participant === effect.participant && (leave.at === undefined || at === undefined || leave.at <= at));
    if (mayLeaveFirst) continue;
    const elsewhere = effect.bridge !== undefined && effect.bridge !== mainBridge;
    const why = elsewhere
      ? `"${effect.participant}" is already on bridge "${mainBridge}" from the start and never leaves before this, and a join never moves anyone to another bridge ("${effect.bridge}")`
      : `"${effect.participant}" is already on the bridge from the start and never leaves before this`;
    diagnostics.push(doc.diagnostic('warning', 'W_JOIN_NO_EFFECT', `this join does nothing: ${why}; add a "leave" before it, or give them "present": false in the cast`, [...path, 'participant']));
  }
  return diagnostics;
}
