import { slug } from '../text/slug.ts';
import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import type { ActionMatcher } from '../expr/schema.ts';
import type { Playbook } from '../playbook/schema.ts';
import { walkExpr } from '../expr/walk.ts';
import { effectSites, exprSites, rubricItems } from './expr-sites.ts';
import { resolveRubric } from './rubric-templates.ts';
import { Suggestions } from '../suggest.ts';
import type { Effect, Scenario } from './schema.ts';

/** Checks every id a scenario mentions, and reports duplicates, with "did you mean" suggestions. */
export function checkReferences(doc: JsonDocument, scenario: Scenario, playbook: Playbook | undefined, suggestions = new Suggestions(doc)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, path: JsonPath) => diagnostics.push(doc.diagnostic('error', code, message, path));
  const known = (what: string, code: string, value: string | undefined, set: ReadonlySet<string>, path: JsonPath) => {
    if (value !== undefined && !set.has(value)) error(code, `unknown ${what} "${value}"${suggestions.for(what, value, set, path)}`, path);
  };
  const knownAll = (what: string, code: string, value: string | readonly string[] | undefined, set: ReadonlySet<string>, path: JsonPath) => {
    if (typeof value === 'string') known(what, code, value, set, path);
    else value?.forEach((v, i) => known(what, code, v, set, [...path, i]));
  };

  const unique = (list: readonly { id: string }[] | undefined, path: JsonPath, what: string, seen = new Set<string>()) => {
    list?.forEach((item, i) => {
      if (seen.has(item.id)) error('E_DUPLICATE_ID', `duplicate ${what} id "${item.id}"`, [...path, i, 'id']);
      seen.add(item.id);
    });
    return seen;
  };
  const cast = unique(scenario.cast, ['cast'], 'participant');
  const bridges = unique(scenario.bridges, ['bridges'], 'bridge');
  const states = unique(scenario.endings, ['endings'], 'phase or ending', unique(scenario.phases, ['phases'], 'phase or ending'));
  const events = unique(scenario.branches, ['branches'], 'beat, reaction or branch', unique(scenario.reactions, ['reactions'], 'beat, reaction or branch', unique(scenario.timeline, ['timeline'], 'beat, reaction or branch')));
  const decisions = unique(scenario.decisions, ['decisions'], 'decision');
  // `cancel-effects` names a reaction, branch or decision by id, so a decision may not share one with them.
  scenario.decisions?.forEach((decision, i) => {
    if (events.has(decision.id)) error('E_DUPLICATE_ID', `decision id "${decision.id}" is also the id of a beat, reaction or branch`, ['decisions', i, 'id']);
  });
  const choices = new Map<string, ReadonlySet<string>>();
  scenario.decisions?.forEach((decision, i) => {
    const options = unique(decision.options, ['decisions', i, 'options'], 'option');
    if (!choices.has(decision.id)) choices.set(decision.id, options);
    for (const option of options) events.add(`${decision.id}.${option}`);
  });
  unique(scenario.rubric, ['rubric'], 'expectation');
  unique(scenario.can?.facts, ['can', 'facts'], 'CAN fact');
  const beats = new Set(scenario.timeline.map((beat) => beat.id));
  const effectOwners = new Set([...(scenario.reactions ?? []), ...(scenario.branches ?? []), ...(scenario.decisions ?? [])].map((owner) => owner.id));
  const variables = new Set(Object.keys(scenario.variables ?? {}));

  const playbookIds = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((item) => item.id));
  const levels = playbookIds(playbook?.levels);
  const classifications = playbookIds(playbook?.classifications);
  const audiences = playbookIds(playbook?.audiences);
  const channels = playbookIds(playbook?.channels);
  const escalations = new Set([...playbookIds(playbook?.escalations), ...cast]);
  /** A hand-off may also go to a team of the cast, by its name as a slug (`Network engineering` → `network-engineering`). */
  const handOffTargets = new Set([...escalations, ...scenario.cast.map((person) => slug(person.team))]);
  const rules = playbookIds(playbook?.rules);
  const resolved = playbook ? resolveRubric(scenario, playbook) : undefined;
  for (const problem of resolved?.problems ?? []) error(problem.code, problem.message, problem.path);
  const rubric = rubricItems(scenario, resolved);

  const checkEffect = (effect: Effect, path: JsonPath) => {
    switch (effect.type) {
      case 'say':
        known('participant', 'E_UNKNOWN_PARTICIPANT', effect.speaker, cast, [...path, 'speaker']);
        known('bridge', 'E_UNKNOWN_BRIDGE', effect.bridge, bridges, [...path, 'bridge']);
        break;
      case 'join':
        known('participant', 'E_UNKNOWN_PARTICIPANT', effect.participant, cast, [...path, 'participant']);
        known('bridge', 'E_UNKNOWN_BRIDGE', effect.bridge, bridges, [...path, 'bridge']);
        break;
      case 'leave':
      case 'noise-start':
      case 'noise-stop':
        known('participant', 'E_UNKNOWN_PARTICIPANT', effect.participant, cast, [...path, 'participant']);
        break;
      case 'report':
        known('participant', 'E_UNKNOWN_PARTICIPANT', effect.from, cast, [...path, 'from']);
        break;
      case 'set':
        known('variable', 'E_UNKNOWN_VARIABLE', effect.var, variables, [...path, 'var']);
        break;
      case 'cancel':
        known('beat', 'E_UNKNOWN_BEAT', effect.beat, beats, [...path, 'beat']);
        break;
      case 'cancel-effects':
        known('reaction, branch or decision', 'E_UNKNOWN_EVENT', effect.of, effectOwners, [...path, 'of']);
        break;
      case 'move':
        known('participant', 'E_UNKNOWN_PARTICIPANT', effect.participant, cast, [...path, 'participant']);
        known('bridge', 'E_UNKNOWN_BRIDGE', effect.bridge, bridges, [...path, 'bridge']);
        break;
      case 'set-priority':
        if (playbook) known('level', 'E_UNKNOWN_LEVEL', effect.level, levels, [...path, 'level']);
        break;
      case 'classify':
        if (playbook) known('classification', 'E_UNKNOWN_CLASSIFICATION', effect.as, classifications, [...path, 'as']);
        break;
      default:
        break;
    }
  };
  scenario.timeline.forEach((beat, i) => checkEffect(beat, ['timeline', i]));
  for (const { effect, path } of effectSites(scenario)) checkEffect(effect, path);

  const checkMatcher = (matcher: ActionMatcher, path: JsonPath) => {
    if (!playbook) return;
    knownAll('participant', 'E_UNKNOWN_PARTICIPANT', matcher.participant, cast, [...path, 'participant']);
    knownAll('audience', 'E_UNKNOWN_AUDIENCE', matcher.audience, audiences, [...path, 'audience']);
    knownAll('channel', 'E_UNKNOWN_CHANNEL', matcher.channel, channels, [...path, 'channel']);
    knownAll('level', 'E_UNKNOWN_LEVEL', matcher.level, levels, [...path, 'level']);
    knownAll('classification', 'E_UNKNOWN_CLASSIFICATION', matcher.as, classifications, [...path, 'as']);
    const types = typeof matcher.type === 'string' ? [matcher.type] : matcher.type;
    knownAll('escalation or hand-off target', 'E_UNKNOWN_ESCALATION', matcher.to, types.includes('hand-off') ? handOffTargets : escalations, [...path, 'to']);
    knownAll('bridge', 'E_UNKNOWN_BRIDGE', matcher.bridge, bridges, [...path, 'bridge']);
    knownAll('decision', 'E_UNKNOWN_DECISION', matcher.decision, decisions, [...path, 'decision']);
  };
  scenario.reactions?.forEach((reaction, i) => checkMatcher(reaction.on, ['reactions', i, 'on']));

  for (const site of exprSites(scenario, resolved)) {
    walkExpr(site.expr, (expr, path) => {
      if (typeof expr === 'boolean') return;
      if ('did' in expr) checkMatcher(expr.did, [...path, 'did']);
      else if ('fired' in expr) known('beat, reaction, branch or decision choice', 'E_UNKNOWN_EVENT', expr.fired, events, [...path, 'fired']);
      else if ('var' in expr) known('variable', 'E_UNKNOWN_VARIABLE', expr.var, variables, [...path, 'var']);
      else if ('present' in expr) known('participant', 'E_UNKNOWN_PARTICIPANT', expr.present, cast, [...path, 'present']);
      else if ('muted' in expr) known('participant', 'E_UNKNOWN_PARTICIPANT', expr.muted, cast, [...path, 'muted']);
      else if ('noisy' in expr) known('participant', 'E_UNKNOWN_PARTICIPANT', expr.noisy, cast, [...path, 'noisy']);
      else if ('bridgeOpen' in expr) known('bridge', 'E_UNKNOWN_BRIDGE', expr.bridgeOpen, bridges, [...path, 'bridgeOpen']);
      else if ('onBridge' in expr) {
        known('bridge', 'E_UNKNOWN_BRIDGE', expr.onBridge, bridges, [...path, 'onBridge']);
        known('participant', 'E_UNKNOWN_PARTICIPANT', expr.participant, cast, [...path, 'participant']);
      }
      else if ('decided' in expr) {
        known('decision', 'E_UNKNOWN_DECISION', expr.decided, decisions, [...path, 'decided']);
        const options = choices.get(expr.decided);
        if (options && options.size > 0) knownAll(`choice for "${expr.decided}"`, 'E_UNKNOWN_CHOICE', expr.choice, options, [...path, 'choice']);
      } else if (playbook && 'level' in expr) knownAll('level', 'E_UNKNOWN_LEVEL', expr.level, levels, [...path, 'level']);
      else if (playbook && 'classified' in expr) knownAll('classification', 'E_UNKNOWN_CLASSIFICATION', expr.classified, classifications, [...path, 'classified']);
      else if (playbook && 'escalated' in expr) known('escalation target', 'E_UNKNOWN_ESCALATION', expr.escalated, escalations, [...path, 'escalated']);
    }, site.path);
  }

  scenario.phases.forEach((phase, i) =>
    phase.next?.forEach((transition, j) => {
      const path = ['phases', i, 'next', j, 'to'];
      if (!states.has(transition.to)) error('E_UNKNOWN_TARGET', `phase "${phase.id}" goes to "${transition.to}"${suggestions.for('phase or ending', transition.to, states, path)}`, path);
    }),
  );

  if (playbook) {
    for (const { item, index } of rubric) known(`rule of playbook "${playbook.id}"`, 'E_UNKNOWN_RULE', item.rule, rules, ['rubric', index, 'rule']);
  }
  for (const { item, index } of rubric) {
    if (item.kind === 'can-report' && !scenario.can) error('E_MISSING_CAN_RUBRIC', `expectation "${item.id}" grades a CAN report, but the scenario has no "can" rubric`, ['rubric', index, 'kind']);
  }
  if (!scenario.endings.some((ending) => ending.when === undefined)) {
    error('E_NO_DEFAULT_ENDING', 'one ending must have no "when", so that every run reaches an ending when the clock runs out', ['endings']);
  }
  diagnostics.push(...suggestions.limitDiagnostics());
  return diagnostics;
}
