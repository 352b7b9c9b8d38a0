import { Id } from '../../schema-primitives.ts';
import { joinLater } from '../../session/effects.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { nameOf } from '../names.ts';
import { unknownParticipant } from '../references.ts';

const schema = actionSchema('page', { participant: Id });

/** The trainee calls someone onto the bridge; they join after the scenario's page delay for them. */
export const page: ActionKind<typeof schema> = {
  schema,
  references: unknownParticipant,
  apply: (draft, action, { compiled, source }) => {
    if (draft.participants[action.participant]?.present) return `${nameOf(compiled, action.participant)} is already on the bridge.`;
    return joinLater(draft, action.participant, source, compiled) ? undefined : `${nameOf(compiled, action.participant)} has already been called.`;
  },
  describe: (action, compiled) => `You page ${nameOf(compiled, action.participant)} to join the bridge.`,
};
