import { say } from '../../session/effects.ts';
import { rollCallLine } from '../../session/spoken-lines.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('roll-call', {});

/** The trainee asks everyone on the bridge to identify themselves; unless the scenario answers, each present person does. */
export const rollCall: ActionKind<typeof schema> = {
  schema,
  reply: (draft, _action, { compiled }) => {
    for (const [id, participant] of Object.entries(draft.participants)) {
      if (!participant.present) continue;
      const cast = compiled.participants.get(id);
      if (cast) say(draft, { kind: 'say', speaker: id, text: rollCallLine(cast), bridge: participant.bridge, source: 'roll-call' });
    }
  },
  describe: () => 'You ask everyone on the bridge to identify themselves.',
};
