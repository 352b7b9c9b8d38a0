import { applyEffect, dropPending } from '../../session/effects.ts';
import { rollCallLine } from '../../session/spoken-lines.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('roll-call', {});

/** When the first person answers a roll call, and how long each next one waits for the one before to finish. */
export const ROLL_CALL_FIRST_ANSWER_MS = 2_000;
export const ROLL_CALL_ANSWER_GAP_MS = 3_000;
const ROLL_CALL_SOURCE = 'roll-call';

/**
 * The trainee asks everyone on the main bridge to identify themselves; unless the scenario answers,
 * each person on it then answers in turn, in their own words. Whoever has left or moved by their turn
 * says nothing, and a muted line is not heard.
 */
export const rollCall: ActionKind<typeof schema> = {
  schema,
  reply: (draft, _action, { compiled }) => {
    // A new roll call starts over: the answers still due from an earlier one are not given twice.
    dropPending(draft, ROLL_CALL_SOURCE);
    let turn = 0;
    const onMain = { onBridge: compiled.mainBridge };
    for (const [id, participant] of Object.entries(draft.participants)) {
      const cast = compiled.participants.get(id);
      if (!participant.present || participant.bridge !== compiled.mainBridge || !cast) continue;
      const delayMs = ROLL_CALL_FIRST_ANSWER_MS + turn * ROLL_CALL_ANSWER_GAP_MS;
      applyEffect(draft, { type: 'say', speaker: id, text: rollCallLine(cast), when: { ...onMain, participant: id }, delayMs }, ROLL_CALL_SOURCE, compiled);
      turn += 1;
    }
  },
  describe: () => 'You ask everyone on the bridge to identify themselves.',
};
