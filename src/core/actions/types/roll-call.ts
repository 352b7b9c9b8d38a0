import { applyEffect } from '../../session/effects.ts';
import { rollCallLine } from '../../session/spoken-lines.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('roll-call', {});

/** When the first person answers a roll call, and how long each next one waits for the one before to finish. */
export const ROLL_CALL_FIRST_ANSWER_MS = 2_000;
export const ROLL_CALL_ANSWER_GAP_MS = 3_000;

/**
 * The trainee asks everyone on the bridge to identify themselves; unless the scenario answers, each
 * person present then answers in turn, in their own words. Whoever has left by their turn says nothing,
 * and a muted line is not heard.
 */
export const rollCall: ActionKind<typeof schema> = {
  schema,
  reply: (draft, _action, { compiled }) => {
    let turn = 0;
    for (const [id, participant] of Object.entries(draft.participants)) {
      const cast = compiled.participants.get(id);
      if (!participant.present || !cast) continue;
      const delayMs = ROLL_CALL_FIRST_ANSWER_MS + turn * ROLL_CALL_ANSWER_GAP_MS;
      applyEffect(draft, { type: 'say', speaker: id, text: rollCallLine(cast), bridge: participant.bridge, when: { present: id }, delayMs }, 'roll-call', compiled);
      turn += 1;
    }
  },
  describe: () => 'You ask everyone on the bridge to identify themselves.',
};
