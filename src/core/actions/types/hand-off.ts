import { Id } from '../../schema-primitives.ts';
import { actionSchema, ActionText, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('hand-off', { to: Id, summary: ActionText });

/** The trainee hands the problem off to longer-term resolution: a participant, a playbook process or a team id. */
export const handOff: ActionKind<typeof schema> = {
  schema,
  describe: (action) => `You hand the problem off to ${action.to}: ${action.summary}`,
  text: (action) => action.summary,
};
