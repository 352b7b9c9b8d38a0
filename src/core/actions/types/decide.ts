import { Id } from '../../schema-primitives.ts';
import { applyEffect, markFired } from '../../session/effects.ts';
import { own } from '../../session/state.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { unknownId } from '../references.ts';

const schema = actionSchema('decide', { decision: Id, choice: Id });

/** The trainee chooses an option at one of the scenario's decision points, once it is open; the option's effects follow. */
export const decide: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => {
    const options = known.choices.get(action.decision);
    if (!options) return unknownId('E_LOG_UNKNOWN_DECISION', 'decision', 'decision', action.decision, known.decisions);
    return unknownId('E_LOG_UNKNOWN_CHOICE', `choice for "${action.decision}"`, 'choice', action.choice, options);
  },
  apply: (draft, action, { compiled }) => {
    const decision = compiled.decisions.get(action.decision);
    if (!decision) return 'There is no such decision to make.';
    if (draft.decisions[action.decision] !== undefined) return 'That decision has already been made.';
    if (decision.when && !decision.when(draft)) return 'That decision is not open yet; nothing changes.';
    own(draft, 'decisions')[action.decision] = action.choice;
    markFired(draft, `${action.decision}.${action.choice}`);
    for (const effect of decision.options.get(action.choice) ?? []) applyEffect(draft, effect, action.decision, compiled);
    return undefined;
  },
  describe: (action, compiled) => {
    const decision = compiled.scenario.decisions?.find((d) => d.id === action.decision);
    const choice = decision?.options.find((option) => option.id === action.choice)?.label ?? action.choice;
    return `You decide: ${choice}.`;
  },
};
