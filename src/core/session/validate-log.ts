import type { z } from 'zod';
import { ActionLogSchema, type Action, type ActionLog } from '../actions/action.ts';
import { didYouMean } from '../diagnostics.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { ScenarioClock } from '../time.ts';

export type LogValidation = { readonly ok: true; readonly log: ActionLog } | { readonly ok: false; readonly errors: readonly string[] };

const MAX_ERRORS = 20;

function entryName(log: unknown, index: number): string {
  const actions = (log as { actions?: unknown[] } | null)?.actions;
  const entry = Array.isArray(actions) ? (actions[index] as { at?: unknown; type?: unknown } | undefined) : undefined;
  const at = typeof entry?.at === 'string' ? ` at ${entry.at}` : '';
  const type = typeof entry?.type === 'string' ? ` "${entry.type}"` : '';
  return `action ${index + 1}${type}${at}`;
}

function describeSchemaIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [first, index, field, ...rest] = issue.path;
  const subject =
    first === 'actions' && typeof index === 'number'
      ? `${entryName(input, index)}${field === undefined ? '' : `, field "${[field, ...rest].join('.')}"`}`
      : `"${issue.path.join('.') || 'log'}"`;
  if (first === 'actions' && typeof index === 'number' && (field === 'type' || (field === undefined && issue.code === 'invalid_union'))) {
    const type = (input as { actions?: { type?: unknown }[] }).actions?.[index]?.type;
    return type === undefined ? `${entryName(input, index)}: missing "type"` : `${entryName(input, index)}: unknown action type ${JSON.stringify(type)}`;
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return `${subject}: missing`;
  return `${subject}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

/**
 * Checks an action log against a scenario and playbook (CONTRACTS.md §2): shape, time order,
 * the scenario window, and every id it mentions. Errors name the offending entry.
 */
export function validateLog(input: unknown, scenario: Scenario, playbook: Playbook): LogValidation {
  const parsed = ActionLogSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => describeSchemaIssue(issue, input)) };
  }
  const log = parsed.data;
  const errors: string[] = [];
  if (log.scenario !== scenario.id) errors.push(`the log is for scenario "${log.scenario}", not "${scenario.id}"`);
  if (log.playbook !== undefined && log.playbook !== playbook.id) {
    errors.push(`the log was played with playbook "${log.playbook}", but "${playbook.id}" was given`);
  }
  const clock = new ScenarioClock(scenario.clock);
  const ids = referenceSets(scenario, playbook);
  let previous = -1;
  log.actions.forEach((action, index) => {
    if (errors.length >= MAX_ERRORS) return;
    const name = entryName(input, index);
    const offset = clock.toOffset(action.at) ?? 0;
    if (!clock.contains(action.at)) {
      errors.push(`${name}: ${action.at} is outside the scenario window ${scenario.clock.start}-${scenario.clock.end}`);
      return;
    }
    if (offset < previous) errors.push(`${name}: out of order; it comes before the previous action's time`);
    previous = Math.max(previous, offset);
    for (const problem of unknownReferences(action, ids, scenario)) errors.push(`${name}: ${problem}`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, log };
}

interface ReferenceSets {
  readonly participants: Set<string>;
  readonly bridges: Set<string>;
  readonly levels: Set<string>;
  readonly classifications: Set<string>;
  readonly audiences: Set<string>;
  readonly channels: Set<string>;
  readonly escalations: Set<string>;
  readonly impacts: Set<string>;
  readonly urgencies: Set<string>;
  readonly decisions: Set<string>;
}

function referenceSets(scenario: Scenario, playbook: Playbook): ReferenceSets {
  const ids = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((item) => item.id));
  return {
    participants: ids(scenario.cast),
    bridges: ids(scenario.bridges),
    levels: ids(playbook.levels),
    classifications: ids(playbook.classifications),
    audiences: ids(playbook.audiences),
    channels: ids(playbook.channels),
    escalations: new Set([...ids(playbook.escalations), ...ids(scenario.cast)]),
    impacts: ids(playbook.impacts),
    urgencies: ids(playbook.urgencies),
    decisions: ids(scenario.decisions),
  };
}

function check(problems: string[], what: string, value: string | undefined, known: Set<string>): void {
  if (value === undefined || known.has(value)) return;
  problems.push(`unknown ${what} "${value}"${didYouMean(value, known)}`);
}

function unknownReferences(action: Action, ids: ReferenceSets, scenario: Scenario): string[] {
  const problems: string[] = [];
  switch (action.type) {
    case 'mute':
    case 'unmute':
    case 'page':
    case 'assign':
    case 'request-update':
      check(problems, 'participant', action.participant, ids.participants);
      break;
    case 'open-bridge':
      check(problems, 'bridge', action.bridge, ids.bridges);
      break;
    case 'set-priority':
      check(problems, 'level', action.level, ids.levels);
      if (ids.impacts.size > 0) check(problems, 'impact', action.impact, ids.impacts);
      if (ids.urgencies.size > 0) check(problems, 'urgency', action.urgency, ids.urgencies);
      break;
    case 'classify':
      check(problems, 'classification', action.as, ids.classifications);
      break;
    case 'escalate':
      check(problems, 'escalation target', action.to, ids.escalations);
      break;
    case 'notify':
      check(problems, 'audience', action.audience, ids.audiences);
      check(problems, 'channel', action.channel, ids.channels);
      break;
    case 'decide': {
      check(problems, 'decision', action.decision, ids.decisions);
      const decision = scenario.decisions?.find((d) => d.id === action.decision);
      if (decision) check(problems, `choice for "${decision.id}"`, action.choice, new Set(decision.options.map((o) => o.id)));
      break;
    }
    default:
      break;
  }
  return problems;
}
