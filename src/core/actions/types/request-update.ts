import { Id } from '../../schema-primitives.ts';
import { notHeardBy, say } from '../../session/effects.ts';
import { NOTHING_NEW_LINE } from '../../session/spoken-lines.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { nameOf } from '../names.ts';
import { unknownParticipant } from '../references.ts';

const schema = actionSchema('request-update', { participant: Id });

/** The trainee asks a participant for a status; unless the scenario answers, they have nothing new. */
export const requestUpdate: ActionKind<typeof schema> = {
  schema,
  references: unknownParticipant,
  apply: (draft, action, { compiled }) => notHeardBy(draft, action.participant, compiled),
  reply: (draft, action) => {
    const participant = draft.participants[action.participant];
    if (participant?.present) {
      say(draft, { kind: 'say', speaker: action.participant, text: NOTHING_NEW_LINE, bridge: participant.bridge, source: 'request-update' });
    }
  },
  describe: (action, compiled) => `You ask ${nameOf(compiled, action.participant)} for an update.`,
};
