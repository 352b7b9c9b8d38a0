import { actionSchema, ActionText, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('announce-role', { message: ActionText.optional() });

/** The trainee announces on the bridge that they lead the incident. */
export const announceRole: ActionKind<typeof schema> = {
  schema,
  describe: (action) => action.message ?? 'You announce that you are the incident manager and are leading this bridge.',
  text: (action) => action.message ?? '',
};
