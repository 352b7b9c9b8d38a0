import type { Action, ActionOf, ActionType } from '../actions/action.ts';
import { didYouMean } from '../diagnostics.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { LogDiagnosticCode } from './log-diagnostic.ts';

/** An id in an action that the scenario or playbook does not have; `field` is the action's key that holds it. */
export interface ReferenceProblem {
  readonly code: LogDiagnosticCode;
  readonly message: string;
  readonly field: string;
}

/** The ids a log's actions may name, gathered once per scenario and playbook. */
export interface KnownIds {
  readonly participants: ReadonlySet<string>;
  readonly bridges: ReadonlySet<string>;
  readonly levels: ReadonlySet<string>;
  readonly classifications: ReadonlySet<string>;
  readonly audiences: ReadonlySet<string>;
  readonly channels: ReadonlySet<string>;
  readonly escalations: ReadonlySet<string>;
  readonly impacts: ReadonlySet<string>;
  readonly urgencies: ReadonlySet<string>;
  readonly decisions: ReadonlySet<string>;
  /** Each decision's option ids, by decision id. */
  readonly choices: ReadonlyMap<string, ReadonlySet<string>>;
}

export function knownIds(scenario: Scenario, playbook: Playbook): KnownIds {
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
    choices: new Map((scenario.decisions ?? []).map((decision) => [decision.id, ids(decision.options)])),
  };
}

/** One id checked against the ids it may be: no problem, or one that says what was meant. */
function unknownId(code: LogDiagnosticCode, what: string, field: string, value: string | undefined, known: ReadonlySet<string>): ReferenceProblem[] {
  if (value === undefined || known.has(value)) return [];
  return [{ code, field, message: `Unknown ${what} "${value}"${didYouMean(value, known)}` }];
}

type ReferenceCheck<T extends ActionType> = (action: ActionOf<T>, known: KnownIds) => readonly ReferenceProblem[];

const participantCheck = (action: { readonly participant: string }, known: KnownIds) =>
  unknownId('E_LOG_UNKNOWN_PARTICIPANT', 'participant', 'participant', action.participant, known.participants);

/** The reference checks of each action type that names ids; the other types name none. */
const REFERENCE_CHECKS: { readonly [T in ActionType]?: ReferenceCheck<T> } = {
  mute: participantCheck,
  unmute: participantCheck,
  page: participantCheck,
  assign: participantCheck,
  'request-update': participantCheck,
  'open-bridge': (action, known) => unknownId('E_LOG_UNKNOWN_BRIDGE', 'bridge', 'bridge', action.bridge, known.bridges),
  'set-priority': (action, known) => [
    ...unknownId('E_LOG_UNKNOWN_LEVEL', 'level', 'level', action.level, known.levels),
    ...(known.impacts.size > 0 ? unknownId('E_LOG_UNKNOWN_IMPACT', 'impact', 'impact', action.impact, known.impacts) : []),
    ...(known.urgencies.size > 0 ? unknownId('E_LOG_UNKNOWN_URGENCY', 'urgency', 'urgency', action.urgency, known.urgencies) : []),
  ],
  classify: (action, known) => unknownId('E_LOG_UNKNOWN_CLASSIFICATION', 'classification', 'as', action.as, known.classifications),
  escalate: (action, known) => unknownId('E_LOG_UNKNOWN_ESCALATION', 'escalation target', 'to', action.to, known.escalations),
  notify: (action, known) => [
    ...unknownId('E_LOG_UNKNOWN_AUDIENCE', 'audience', 'audience', action.audience, known.audiences),
    ...unknownId('E_LOG_UNKNOWN_CHANNEL', 'channel', 'channel', action.channel, known.channels),
  ],
  decide: (action, known) => {
    const options = known.choices.get(action.decision);
    if (!options) return unknownId('E_LOG_UNKNOWN_DECISION', 'decision', 'decision', action.decision, known.decisions);
    return unknownId('E_LOG_UNKNOWN_CHOICE', `choice for "${action.decision}"`, 'choice', action.choice, options);
  },
};

function referenceCheckOf<T extends ActionType>(type: T): ReferenceCheck<T> | undefined {
  return REFERENCE_CHECKS[type];
}

/** Every id in the action that the scenario or playbook does not have. */
export function unknownReferences(action: Action, known: KnownIds): readonly ReferenceProblem[] {
  return referenceCheckOf(action.type)?.(action, known) ?? [];
}
