import type { Action, ActionType } from '../../core/actions/action.ts';
import type { ActionMatcher, Expr } from '../../core/expr/schema.ts';
import type { Playbook } from '../../core/playbook/schema.ts';
import type { Finding } from '../../core/report/score-report.ts';
import { resolveRubric } from '../../core/scenario/rubric-templates.ts';
import type { Effect, Expectation, Scenario } from '../../core/scenario/schema.ts';
import type { Scalar } from '../../core/schema-primitives.ts';
import { slug } from '../../core/text/slug.ts';

/**
 * Where on the call screen the control that meets an expectation is: the HUD's own column, tab and
 * button names, in the order the trainee clicks them ("Actions › Notify › Audience: Customers › Send
 * notification"), and the key that opens the tab, when it has one.
 */
export interface ControlHint {
  readonly path: readonly string[];
  readonly shortcut?: string;
  /** What else to fill in on the way, in a few words. */
  readonly note?: string;
}

export interface Names {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
}

/** What an expectation wants done, read from its condition: an action, or a state an action brings about. */
type Wanted =
  | { readonly kind: 'action'; readonly type: ActionType; readonly matcher: ActionMatcher }
  | { readonly kind: 'level'; readonly level: string }
  | { readonly kind: 'classified'; readonly as: string }
  | { readonly kind: 'decided'; readonly decision: string; readonly choice?: string }
  | { readonly kind: 'escalated'; readonly to: string }
  | { readonly kind: 'bridge-open'; readonly bridge: string }
  | { readonly kind: 'on-bridge'; readonly bridge: string; readonly participant: string }
  | { readonly kind: 'muted'; readonly participant: string }
  | { readonly kind: 'present'; readonly participant: string };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const first = <T>(value: T | readonly T[] | undefined): T | undefined => (Array.isArray(value) ? (value as readonly T[])[0] : (value as T | undefined));

/** The first thing the condition asks the trainee to bring about; what it asks them not to do gives no control. */
function wantedBy(expr: Expr, scenario: Scenario): Wanted | null {
  if (typeof expr === 'boolean') return null;
  if ('all' in expr) return firstWanted(expr.all, scenario);
  if ('any' in expr) return firstWanted(expr.any, scenario);
  if ('did' in expr) return wantedAction(expr.did);
  if ('level' in expr) return oneOf(first(expr.level), (level) => ({ kind: 'level', level }));
  if ('classified' in expr) return oneOf(first(expr.classified), (as) => ({ kind: 'classified', as }));
  if ('decided' in expr) {
    const choice = first(expr.choice);
    return { kind: 'decided', decision: expr.decided, ...(choice === undefined ? {} : { choice }) };
  }
  if ('escalated' in expr) return { kind: 'escalated', to: expr.escalated };
  if ('bridgeOpen' in expr) return { kind: 'bridge-open', bridge: expr.bridgeOpen };
  if ('onBridge' in expr) return { kind: 'on-bridge', bridge: expr.onBridge, participant: expr.participant };
  if ('muted' in expr) return { kind: 'muted', participant: expr.muted };
  if ('present' in expr) return { kind: 'present', participant: expr.present };
  if ('fired' in expr) return oneOf(scenario.reactions?.find((reaction) => reaction.id === expr.fired)?.on, wantedAction);
  if ('var' in expr) return whatSets(expr.var, expr.eq ?? true, scenario);
  return null;
}

function wantedAction(matcher: ActionMatcher): Wanted | null {
  const type = first(matcher.type as ActionType | readonly ActionType[]);
  return type ? { kind: 'action', type, matcher } : null;
}

const sets = (effects: readonly Effect[], name: string, value: Scalar) => effects.some((effect) => effect.type === 'set' && effect.var === name && effect.to === value);

/** The decision option, or else the trainee action a reaction answers, that sets a variable to a value. */
function whatSets(name: string, value: Scalar, scenario: Scenario): Wanted | null {
  for (const decision of scenario.decisions ?? []) {
    const option = decision.options.find((candidate) => sets(candidate.do ?? [], name, value));
    if (option) return { kind: 'decided', decision: decision.id, choice: option.id };
  }
  const reaction = scenario.reactions?.find((candidate) => sets(candidate.do, name, value));
  return reaction ? wantedAction(reaction.on) : null;
}

function firstWanted(exprs: readonly Expr[], scenario: Scenario): Wanted | null {
  for (const expr of exprs) {
    const wanted = wantedBy(expr, scenario);
    if (wanted) return wanted;
  }
  return null;
}

function oneOf<T>(value: T | undefined, make: (value: T) => Wanted | null): Wanted | null {
  return value === undefined ? null : make(value);
}

/** Who a hint names when the expectation names nobody. */
export const SOMEONE = 'the person who should own it';

function personName(id: string | undefined, { scenario }: Names): string {
  if (id === undefined) return SOMEONE;
  return scenario.cast.find((person) => person.id === id)?.name ?? id;
}

function namedIn(list: readonly { readonly id: string; readonly name: string }[] | undefined, id: string): string | undefined {
  return list?.find((item) => item.id === id)?.name;
}

function escalationName(id: string, names: Names): string {
  return namedIn(names.playbook.escalations, id) ?? namedIn(names.scenario.cast, id) ?? id;
}

function handOffName(id: string, names: Names): string {
  const team = names.scenario.cast.find((person) => slug(person.team) === id)?.team;
  return team ?? escalationName(id, names);
}

function bridgeName(id: string, { scenario }: Names): string {
  return scenario.bridges.find((bridge) => bridge.id === id)?.name ?? id;
}

const priorityTab = ({ playbook }: Names): string => (playbook.levelKind === 'severity' ? 'Severity' : 'Priority');

/** A level as its button starts ("P1"), or by its name when the id only spells the name ("high-impact" is "High impact"). */
function levelLabel(id: string, { playbook }: Names): string {
  const name = playbook.levels.find((level) => level.id === id)?.name;
  return name !== undefined && slug(name) === id ? name : id;
}

function levelHint(level: string, names: Names): ControlHint {
  const matrix = (names.playbook.matrix?.length ?? 0) > 0;
  return { path: ['Actions', priorityTab(names), levelLabel(level, names)], shortcut: 'P', ...(matrix ? { note: 'or the matrix cell where the impact meets the urgency' } : {}) };
}

function decisionHint(decisionId: string, choice: string | undefined, { scenario }: Names): ControlHint {
  const decision = scenario.decisions?.find((candidate) => candidate.id === decisionId);
  const option = choice === undefined ? undefined : decision?.options.find((candidate) => candidate.id === choice);
  const path = ['Actions', 'Decide', option ? option.label : (decision?.prompt ?? decisionId)];
  return option || !decision ? { path } : { path, note: 'pick the option that fits; the finding says which was expected' };
}

function peopleHint(participant: string | undefined, button: string, names: Names, note?: string): ControlHint {
  return { path: ['People', personName(participant, names), button], ...(note ? { note } : {}) };
}

function actionHint(type: ActionType, matcher: ActionMatcher, names: Names): ControlHint {
  const participant = first(matcher.participant);
  switch (type) {
    case 'announce-role':
      return { path: ['Actions', 'Command', 'Announce role'] };
    case 'roll-call':
      return { path: ['Actions', 'Command', 'Roll call'] };
    case 'mute':
      return peopleHint(participant, 'Mute', names);
    case 'unmute':
      return peopleHint(participant, 'Unmute', names);
    case 'page':
      return peopleHint(participant, 'Page', names);
    case 'request-update':
      return peopleHint(participant, 'Request update', names);
    case 'assign':
      return peopleHint(participant, 'Assign', names, matcher.timeBoxed ? 'write the task and give it a time box (min)' : 'write the task');
    case 'open-bridge': {
      const bridge = first(matcher.bridge);
      const purpose = first(matcher.purpose);
      const which = bridge ? [`Bridge: ${bridgeName(bridge, names)}`] : purpose ? [`Purpose: ${capitalised(purpose)}`] : [];
      return { path: ['Actions', 'Command', 'Open a bridge', ...which, 'Open bridge'] };
    }
    case 'move': {
      const bridge = first(matcher.bridge);
      return {
        path: ['Actions', 'Command', 'Move someone to another bridge', `Person: ${personName(participant, names)}`, ...(bridge ? [`To bridge: ${bridgeName(bridge, names)}`] : []), 'Move'],
      };
    }
    case 'set-priority': {
      const level = first(matcher.level);
      return level === undefined ? { path: ['Actions', priorityTab(names)], shortcut: 'P', note: 'set the level the impact and urgency give' } : levelHint(level, names);
    }
    case 'classify': {
      const as = first(matcher.as);
      return { path: ['Actions', priorityTab(names), 'Classification', ...(as ? [namedIn(names.playbook.classifications, as) ?? as] : [])], shortcut: 'P' };
    }
    case 'escalate': {
      const to = first(matcher.to);
      return { path: ['Actions', 'Command', ...(to ? [`Escalate to: ${escalationName(to, names)}`] : []), 'Escalate'] };
    }
    case 'notify': {
      const audience = first(matcher.audience);
      const channel = first(matcher.channel);
      return {
        path: [
          'Actions',
          'Notify',
          ...(audience ? [`Audience: ${namedIn(names.playbook.audiences, audience) ?? audience}`] : []),
          channel ? `Channel: ${namedIn(names.playbook.channels, channel) ?? channel}` : 'Channel: your choice',
          'Send notification',
        ],
        shortcut: 'N',
      };
    }
    case 'set-next-update':
      return { path: ['Actions', 'Command', 'Next update', 'Commit'] };
    case 'decide': {
      const decision = first(matcher.decision);
      return decision === undefined ? { path: ['Actions', 'Decide'] } : decisionHint(decision, first(matcher.choice), names);
    }
    case 'can-report':
      return { path: ['Actions', 'CAN', 'Submit CAN report'], shortcut: 'C' };
    case 'resolve':
      return { path: ['Actions', 'Close', 'Declare service restored'] };
    case 'close':
      return { path: ['Actions', 'Close', 'Close incident'] };
    case 'hand-off': {
      const to = first(matcher.to);
      return { path: ['Actions', 'Close', ...(to ? [`Hand off to: ${handOffName(to, names)}`] : []), 'Hand off'] };
    }
    case 'note':
      return { path: ['Actions', 'Command', 'Scribe notes', 'Add note'] };
  }
}

function wantedHint(wanted: Wanted, names: Names): ControlHint {
  switch (wanted.kind) {
    case 'action':
      return actionHint(wanted.type, wanted.matcher, names);
    case 'level':
      return levelHint(wanted.level, names);
    case 'classified':
      return actionHint('classify', { type: 'classify', as: wanted.as }, names);
    case 'decided':
      return decisionHint(wanted.decision, wanted.choice, names);
    case 'escalated':
      return actionHint('escalate', { type: 'escalate', to: wanted.to }, names);
    case 'bridge-open':
      return actionHint('open-bridge', { type: 'open-bridge', bridge: wanted.bridge }, names);
    case 'on-bridge':
      return actionHint('move', { type: 'move', participant: wanted.participant, bridge: wanted.bridge }, names);
    case 'muted':
      return actionHint('mute', { type: 'mute', participant: wanted.participant }, names);
    case 'present':
      return actionHint('page', { type: 'page', participant: wanted.participant }, names);
  }
}

/** The control that meets an expectation, or null when it asks the trainee not to do something (or nothing a control does). */
export function controlForExpectation(expectation: Expectation, names: Names): ControlHint | null {
  switch (expectation.kind) {
    case 'can-report':
      return actionHint('can-report', { type: 'can-report' }, names);
    case 'avoid':
      return null;
    case 'achieve':
    case 'cadence': {
      const wanted = wantedBy(expectation.expect, names.scenario);
      return wanted ? wantedHint(wanted, names) : null;
    }
  }
}

/** The control that takes this very action: the same person, audience and channel, level, option... */
export function controlForAction(action: Action, names: Names): ControlHint {
  const fields = action as Partial<Record<keyof ActionMatcher, string>>;
  const matcher: ActionMatcher = { type: action.type };
  const copy = ['participant', 'audience', 'channel', 'level', 'as', 'to', 'bridge', 'decision', 'choice'] as const;
  const filled = Object.fromEntries(copy.flatMap((key) => (typeof fields[key] === 'string' ? [[key, fields[key]]] : [])));
  return actionHint(action.type, { ...matcher, ...filled, ...(action.type === 'assign' && action.dueMinutes !== undefined ? { timeBoxed: true } : {}) }, names);
}

const NEEDS_A_CONTROL: ReadonlySet<Finding['status']> = new Set(['missed', 'late', 'partial']);

/** For each finding that was missed, late or partly done, the control that would have done it; others get none. */
export function controlHints(findings: readonly Finding[], scenario: Scenario, playbook: Playbook): ReadonlyMap<string, ControlHint> {
  const expectations = new Map(resolveRubric(scenario, playbook).expectations.map((expectation) => [expectation.id, expectation]));
  const hints = new Map<string, ControlHint>();
  for (const finding of findings) {
    if (!NEEDS_A_CONTROL.has(finding.status)) continue;
    const expectation = expectations.get(finding.id);
    const hint = expectation ? controlForExpectation(expectation, { scenario, playbook }) : null;
    if (hint) hints.set(finding.id, hint);
  }
  return hints;
}
