import { Id } from '../../schema-primitives.ts';
import { actionSchema, ActionText, type ActionKind } from '../action-kind.ts';
import { nameIn } from '../names.ts';
import { unknownId } from '../references.ts';

const schema = actionSchema('notify', { audience: Id, channel: Id, message: ActionText });

/** The trainee sends a notification; it keeps the promise of a next update, so the countdown stops. */
export const notify: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => [
    ...unknownId('E_LOG_UNKNOWN_AUDIENCE', 'audience', 'audience', action.audience, known.audiences),
    ...unknownId('E_LOG_UNKNOWN_CHANNEL', 'channel', 'channel', action.channel, known.channels),
  ],
  apply: (draft) => {
    draft.nextUpdateDue = null;
    return undefined;
  },
  describe: (action, compiled) =>
    `You notify ${nameIn(compiled.playbook.audiences, action.audience)} by ${nameIn(compiled.playbook.channels, action.channel)}: "${action.message}"`,
  text: (action) => action.message,
};
