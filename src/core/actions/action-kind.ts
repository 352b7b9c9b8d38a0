import { z } from 'zod';
import type { CompiledScenario } from '../scenario/compiled.ts';
import { ClockTime } from '../schema-primitives.ts';
import type { Draft } from '../session/state.ts';
import type { KnownIds, ReferenceProblem } from './references.ts';

/** Free text a trainee types into an action: never empty, never a novel. */
export const ActionText = z.string().min(1).max(4000);

/** The schema of one action type: the scenario time it happened at, its type, then its own fields. */
export function actionSchema<T extends string, Fields extends z.ZodRawShape>(type: T, fields: Fields) {
  return z.object({ at: ClockTime, type: z.literal(type), ...fields });
}

/** Any action type's schema: an object whose `type` is a literal. */
export type AnyActionSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/** What an action type's built-in effect is told besides the draft state and the action. */
export interface ActionContext {
  readonly compiled: CompiledScenario;
  /** The transcript source of the action, `action:<index>`. */
  readonly source: string;
}

/** Everything an action type does, given its parsed action `A`. Only `describe` is required. */
export interface ActionBehaviour<A> {
  /** The ids in the action that the scenario or playbook does not have. Default: it names none. */
  readonly references?: (action: A, known: KnownIds) => readonly ReferenceProblem[];
  /**
   * What the action does by itself to the state, before the scenario's reactions. Returns why it
   * changed nothing, for the transcript, or undefined when it took effect. Default: it takes effect
   * and changes nothing.
   */
  readonly apply?: (draft: Draft, action: A, context: ActionContext) => string | undefined;
  /** What people on the call say when no reaction of the scenario answers the action. Default: nothing. */
  readonly reply?: (draft: Draft, action: A, context: ActionContext) => void;
  /** The action in words, as the transcript and debrief show it. */
  readonly describe: (action: A, compiled: CompiledScenario) => string;
  /** The free text a scenario's `mentions` matcher looks in. Default: none. */
  readonly text?: (action: A) => string;
}

/** One entry of the action registry: an action type's schema and everything it does. */
export interface ActionKind<S extends AnyActionSchema> extends ActionBehaviour<z.output<S>> {
  readonly schema: S;
}
