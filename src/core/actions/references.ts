import { didYouMean } from '../diagnostics.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { LogDiagnosticCode } from '../session/log-diagnostic.ts';

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
export function unknownId(code: LogDiagnosticCode, what: string, field: string, value: string | undefined, known: ReadonlySet<string>): ReferenceProblem[] {
  if (value === undefined || known.has(value)) return [];
  return [{ code, field, message: `Unknown ${what} "${value}"${didYouMean(value, known)}` }];
}

/** The check shared by every action aimed at one person in the cast. */
export function unknownParticipant(action: { readonly participant: string }, known: KnownIds): ReferenceProblem[] {
  return unknownId('E_LOG_UNKNOWN_PARTICIPANT', 'participant', 'participant', action.participant, known.participants);
}
