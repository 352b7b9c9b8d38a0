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
        `"${field}" never matches: no action of type ${listed} has a "${field}" (only ${typesWithField.join(', ')} ${typesWithField.length > 1 ? 'have' : 'has'} one); remove the field or change "type"`,
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
 * A join for someone certainly on a bridge already does nothing: a join never moves anyone to
 * another bridge. Someone is certainly on a bridge when present from the start, or joined by an
 * earlier timeline beat that has no condition and is never cancelled, and no leave can come
 * between. Only timeline beats have a known time; any other leave could come first.
 */
function uselessJoins(doc: JsonDocument, scenario: Scenario, effects: readonly { effect: Effect; path: JsonPath; at?: number }[]): Diagnostic[] {
  const mainBridge = scenario.bridges[0]?.id ?? '';
  const cancelled = new Set(effects.flatMap(({ effect }) => (effect.type === 'cancel' ? [effect.beat] : [])));
  const timelineIndex = (path: JsonPath) => (path[0] === 'timeline' && typeof path[1] === 'number' ? path[1] : undefined);
  const earlier = (a: { path: JsonPath; at?: number }, b: { path: JsonPath; at?: number }) => {
    const [i, j] = [timelineIndex(a.path), timelineIndex(b.path)];
    if (i === undefined || j === undefined || a.at === undefined || b.at === undefined) return false;
    return a.at < b.at || (a.at === b.at && i < j);
  };
  const diagnostics: Diagnostic[] = [];
  for (const entry of effects) {
    const { effect, path } = entry;
    if (effect.type !== 'join') continue;
    const person = scenario.cast.find((member) => member.id === effect.participant);
    if (!person) continue;
    const mayLeaveFirst = effects.some((other) => other.effect.type === 'leave' && other.effect.participant === effect.participant && !earlier(entry, other));
    if (mayLeaveFirst) continue;
    const joinedBefore = effects.find((other) => {
      if (other.effect.type !== 'join' || other.effect.participant !== effect.participant || !earlier(other, entry)) return false;
      const beat = scenario.timeline[timelineIndex(other.path) ?? -1];
      return beat !== undefined && beat.when === undefined && !cancelled.has(beat.id);
    });
    let on: string;
    let since: string;
    if (person.present !== false) {
      on = mainBridge;
      since = 'from the start';
    } else if (joinedBefore?.effect.type === 'join') {
      on = joinedBefore.effect.bridge ?? mainBridge;
      since = `since beat "${scenario.timeline[timelineIndex(joinedBefore.path) ?? -1]?.id}"`;
    } else continue;
    const elsewhere = effect.bridge !== undefined && effect.bridge !== on;
    const why = `"${effect.participant}" is already on bridge "${on}" ${since} and never leaves before this${elsewhere ? `, and a join never moves anyone to another bridge ("${effect.bridge}")` : ''}`;
    diagnostics.push(doc.diagnostic('warning', 'W_JOIN_NO_EFFECT', `this join does nothing: ${why}; add a "leave" before it${since === 'from the start' ? ', or give them "present": false in the cast' : ''}`, [...path, 'participant']));
  }
  return diagnostics;
}
